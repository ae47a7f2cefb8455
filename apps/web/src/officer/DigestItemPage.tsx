// One task or report of a digest's list, read-only (/lien-ket/danh-sach/xem?muc=<workflow id>).
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link, useSearchParams } from 'react-router';

import { useDigestItem } from './officer-api';
import { ReportForm } from './ReportFormPage';
import { PageLoading, SessionProblem } from './SessionProblem';
import { TaskDetails } from './TaskPage';

export function DigestItemPage() {
  const [params] = useSearchParams();
  const item = useDigestItem(params.get('muc') ?? '');
  if (item.isPending) return <PageLoading />;
  if (item.isError) return <SessionProblem error={item.error} />;
  return (
    <>
      <div className="officer-page" style={{ paddingBottom: 0 }}>
        <Link to="/lien-ket/danh-sach">
          <Button icon={<ArrowLeftOutlined />}>Về danh sách</Button>
        </Link>
      </div>
      {item.data.kind === 'task' ? <TaskDetails view={item.data.task} evidenceHref={null} /> : <ReportForm view={item.data.report} evidenceHref={null} />}
    </>
  );
}
