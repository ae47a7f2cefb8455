// The list a digest's link opens (/lien-ket/danh-sach): what the recipient was
// reminded of that day, overdue first, each opening read-only.
import { Card, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';

import { daysLeftText, formatDay, formatInstant } from '../common/dates';
import { STATUS_COLOURS } from '../common/theme';
import { OfficerLayout } from './OfficerLayout';
import { type DigestLinkView, useDigestLinkView } from './officer-api';
import { PageLoading, SessionProblem } from './SessionProblem';

type Item = DigestLinkView['items'][number];

export const digestItemPath = (workflowId: string) => `/lien-ket/danh-sach/xem?muc=${encodeURIComponent(workflowId)}`;

function ItemCard({ item }: { item: Item }) {
  const overdue = item.daysLeft !== null && item.daysLeft < 0;
  return (
    <Card size="small" className="officer-section">
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag>{item.kind === 'report' ? 'Báo cáo' : 'Nhiệm vụ'}</Tag>
        <Tag color={overdue ? STATUS_COLOURS.overdue : undefined}>{daysLeftText(item.daysLeft)}</Tag>
      </Space>
      <Typography.Paragraph strong className="wrap-anywhere" style={{ marginBottom: 4 }}>
        <Link to={digestItemPath(item.workflowId)}>{item.taskName}</Link>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" className="wrap-anywhere" style={{ marginBottom: 0 }}>
        {item.agencyName} · {item.planTitle}
        {item.dueDate ? ` · hạn ${formatDay(item.dueDate)}` : ''}
      </Typography.Paragraph>
    </Card>
  );
}

export function DigestPage() {
  const view = useDigestLinkView();
  if (view.isPending) return <PageLoading />;
  if (view.isError) return <SessionProblem error={view.error} />;
  const { items, day, contact, sessionExpiresAt } = view.data;
  const overdue = items.filter((i) => i.daysLeft !== null && i.daysLeft < 0);
  const others = items.filter((i) => !(i.daysLeft !== null && i.daysLeft < 0));
  return (
    <OfficerLayout title={`Nhắc việc ngày ${formatDay(day)}`} contact={contact}>
      {items.length === 0 ? <Empty description="Danh sách không có mục nào." /> : null}
      {overdue.length ? (
        <section aria-label="Quá hạn">
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            Quá hạn ({overdue.length})
          </Typography.Title>
          {overdue.map((item) => (
            <ItemCard key={item.workflowId} item={item} />
          ))}
        </section>
      ) : null}
      {others.length ? (
        <section aria-label="Sắp đến hạn">
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            Sắp đến hạn ({others.length})
          </Typography.Title>
          {others.map((item) => (
            <ItemCard key={item.workflowId} item={item} />
          ))}
        </section>
      ) : null}
      <Typography.Paragraph type="secondary">
        Danh sách chỉ để xem. Cơ quan chủ trì báo cáo bằng đường dẫn trong thư nhắc việc của mình. Phiên làm việc có hiệu lực đến {formatInstant(sessionExpiresAt)}.
      </Typography.Paragraph>
    </OfficerLayout>
  );
}
