// One card per task and per indicator of the agency's report, labelled so a
// screen reader and a phone user both know which task a field is for.
import { Card, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';

import type { ReportLinkView } from './officer-api';

const ROLE_LABELS = { lead: 'Chủ trì', coordinator: 'Phối hợp' } as const;

export function TaskReportCard({ task, index, statuses, disabled }: { task: ReportLinkView['tasks'][number]; index: number; statuses: ReportLinkView['taskStatuses']; disabled: boolean }) {
  const name = (field: string) => ['tasks', index, field];
  return (
    <Card
      size="small"
      className="officer-section"
      title={
        <span className="wrap-anywhere" style={{ whiteSpace: 'normal' }}>
          Nhiệm vụ {task.id}: {task.name}
        </span>
      }
      extra={<Tag color={task.role === 'lead' ? 'blue' : undefined}>{ROLE_LABELS[task.role]}</Tag>}
    >
      {task.expectedResult || task.deadlineText ? (
        <Typography.Paragraph type="secondary" className="wrap-anywhere">
          {task.expectedResult ? `Kết quả dự kiến: ${task.expectedResult}. ` : ''}
          {task.deadlineText ? `Thời hạn: ${task.deadlineText}.` : ''}
        </Typography.Paragraph>
      ) : null}
      <Form.Item label="Tình trạng" name={name('status')}>
        <Select disabled={disabled} allowClear placeholder="Chọn tình trạng" options={statuses.map((s) => ({ value: s.value, label: s.label }))} />
      </Form.Item>
      <Form.Item label="Tỷ lệ hoàn thành (%)" name={name('percent')}>
        <InputNumber disabled={disabled} min={0} max={100} precision={0} inputMode="numeric" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label="Kết quả thực hiện" name={name('results')}>
        <Input.TextArea disabled={disabled} rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item label="Khó khăn, vướng mắc" name={name('difficulties')}>
        <Input.TextArea disabled={disabled} rows={2} maxLength={4000} />
      </Form.Item>
      <Form.Item label="Đề xuất, kiến nghị" name={name('proposals')}>
        <Input.TextArea disabled={disabled} rows={2} maxLength={4000} />
      </Form.Item>
      <Form.Item label="Văn bản minh chứng (mỗi dòng một số văn bản hoặc đường dẫn)" name={name('evidenceText')}>
        <Input.TextArea disabled={disabled} rows={2} />
      </Form.Item>
    </Card>
  );
}

export function IndicatorReportCard({ indicator, index, disabled }: { indicator: ReportLinkView['indicators'][number]; index: number; disabled: boolean }) {
  return (
    <Card size="small" className="officer-section" title={<span className="wrap-anywhere" style={{ whiteSpace: 'normal' }}>Chỉ tiêu {indicator.id}: {indicator.name}</span>}>
      <Typography.Paragraph type="secondary">
        Mục tiêu: {indicator.target || '—'}
        {indicator.unit ? ` (${indicator.unit})` : ''}
        {indicator.targetYear ? `, đến năm ${indicator.targetYear}` : ''}
      </Typography.Paragraph>
      <Form.Item label="Giá trị đạt được" name={['indicators', index, 'achieved']}>
        <Input disabled={disabled} maxLength={200} />
      </Form.Item>
      <Form.Item label="Ghi chú" name={['indicators', index, 'note']}>
        <Input disabled={disabled} maxLength={200} />
      </Form.Item>
    </Card>
  );
}
