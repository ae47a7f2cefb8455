// The page a reminder's link opens (/lien-ket/nhiem-vu): the task, its
// deadline and days left, what was sent to the agency, its evidence, and the
// buttons the link allows: Tiếp nhận, Báo cáo tiến độ, Đề nghị hoàn thành.
import { CheckOutlined, FileDoneOutlined, LineChartOutlined } from '@ant-design/icons';
import { isFinalStatus, type TaskStatus } from '@dondoc/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap } from '../common/api-client';
import { daysLeftText, formatDay, formatInstant } from '../common/dates';
import { statusColourOf } from '../common/TaskStatusTag';
import { STATUS_COLOURS } from '../common/theme';
import { FileLinks } from '../common/FileLinks';
import { TaskTimeline } from '../common/TaskTimeline';
import { OfficerLayout } from './OfficerLayout';
import { TASK_VIEW_KEY, type TaskLinkView, useTaskLinkView } from './officer-api';
import { PageLoading, SessionProblem } from './SessionProblem';
import { CompletionForm, ProgressForm } from './TaskActionForms';

function agencyText(ref: TaskLinkView['task']['lead']): string {
  return ref.text || ref.agencies.map((a) => a.name).join(', ') || '—';
}

export function TaskPage() {
  const view = useTaskLinkView();
  if (view.isPending) return <PageLoading />;
  if (view.isError) return <SessionProblem error={view.error} />;
  return <TaskDetails view={view.data} />;
}

/** The task page's content; inside a digest's list the files are listed without links (`evidenceHref` null). */
export function TaskDetails({ view, evidenceHref = (id) => `/link-session/task/evidence/${id}` }: { view: TaskLinkView; evidenceHref?: ((id: string) => string) | null }) {
  const [open, setOpen] = useState<'progress' | 'completion' | null>(null);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const acknowledge = useMutation({
    mutationFn: async () => unwrap(await api.POST('/link-session/task/acknowledge', { body: { workflowId: view.workflowId } })),
    onSuccess: (next) => {
      queryClient.setQueryData(TASK_VIEW_KEY, next);
      void message.success('Đã tiếp nhận nhiệm vụ.');
    },
  });
  const { state, task, actions } = view;
  const finished = isFinalStatus(state.status as TaskStatus);
  const overdue = state.daysLeft !== null && state.daysLeft < 0 && !finished;

  return (
    <OfficerLayout title="Nhiệm vụ được giao" contact={view.contact}>
      {view.readOnly ? <Alert type="info" showIcon className="officer-section" title="Bản để theo dõi: đường dẫn này chỉ để xem, cơ quan chủ trì cập nhật tiến độ bằng đường dẫn của mình." /> : null}
      <Card className="officer-section">
        <Typography.Title level={2} className="wrap-anywhere" style={{ fontSize: 20, marginTop: 0 }}>
          {task.name}
        </Typography.Title>
        <Space wrap className="officer-section">
          {state.status === 'overdue' ? null : <Tag color={statusColourOf(state.status)}>{state.statusLabel}</Tag>}
          {finished ? null : <Tag color={overdue ? STATUS_COLOURS.overdue : undefined}>{daysLeftText(state.daysLeft)}</Tag>}
          {state.acknowledged ? <Tag icon={<CheckOutlined />} color="green">Đã tiếp nhận</Tag> : <Tag>Chưa tiếp nhận</Tag>}
          {state.paused ? <Tag color="orange">Tạm dừng nhắc việc</Tag> : null}
        </Space>
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} layout="vertical" size="small" className="wrap-anywhere">
          <Descriptions.Item label="Kế hoạch" span={{ xs: 1, sm: 1, md: 2 }}>
            {view.plan.title}
            {view.plan.number ? ` (${view.plan.number})` : ''}
          </Descriptions.Item>
          {task.group ? <Descriptions.Item label="Nhóm nhiệm vụ" span={{ xs: 1, sm: 1, md: 2 }}>{task.group}</Descriptions.Item> : null}
          <Descriptions.Item label="Cơ quan thực hiện">{view.agency.name}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan chủ trì (theo kế hoạch)">{agencyText(task.lead)}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan phối hợp">{agencyText(task.coordinators)}</Descriptions.Item>
          <Descriptions.Item label="Thời hạn">
            {task.deadlineText || '—'}
            {state.dueDate ? ` – hạn ${formatDay(state.dueDate)}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="Kết quả dự kiến" span={{ xs: 1, sm: 1, md: 2 }}>
            <span className="text-block">{task.expectedResult ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Tiến độ đã báo cáo">{state.progressPercent === null ? 'Chưa báo cáo' : <Progress percent={state.progressPercent} size="small" />}</Descriptions.Item>
          <Descriptions.Item label="Lần nhắc tiếp theo">{state.nextReminderAt ? formatInstant(state.nextReminderAt) : '—'}</Descriptions.Item>
        </Descriptions>
        {view.readOnly ? null : (
          <div className="officer-actions" style={{ marginTop: 16 }}>
            <Button type="primary" icon={<CheckOutlined />} disabled={!actions.acknowledge.allowed || actions.acknowledge.done} loading={acknowledge.isPending} onClick={() => acknowledge.mutate()}>
              {state.acknowledged ? 'Đã tiếp nhận' : 'Tiếp nhận'}
            </Button>
            <Button icon={<LineChartOutlined />} disabled={!actions.progress.allowed || actions.progress.done} onClick={() => setOpen('progress')}>
              {actions.progress.done ? 'Đã báo cáo tiến độ' : 'Báo cáo tiến độ'}
            </Button>
            <Button icon={<FileDoneOutlined />} disabled={!actions.completion.allowed || actions.completion.done} onClick={() => setOpen('completion')}>
              {actions.completion.done || state.status === 'proposed' ? 'Đã đề nghị hoàn thành' : 'Đề nghị hoàn thành'}
            </Button>
          </div>
        )}
        {acknowledge.error ? <Alert type="error" showIcon className="form-alert" style={{ marginTop: 12 }} title={acknowledge.error.message} /> : null}
      </Card>
      {open === 'progress' ? <ProgressForm view={view} onClose={() => setOpen(null)} /> : null}
      {open === 'completion' ? <CompletionForm view={view} onClose={() => setOpen(null)} /> : null}
      <Card title="Minh chứng đã gửi" className="officer-section">
        <FileLinks files={view.evidence} href={evidenceHref ? (file) => evidenceHref(file.id) : null} empty="Chưa có tệp minh chứng." />
      </Card>
      <Card title="Quá trình nhắc việc và cập nhật" className="officer-section">
        <TaskTimeline events={view.timeline} />
      </Card>
      <Typography.Paragraph type="secondary">Phiên làm việc qua đường dẫn có hiệu lực đến {formatInstant(view.sessionExpiresAt)}.</Typography.Paragraph>
    </OfficerLayout>
  );
}
