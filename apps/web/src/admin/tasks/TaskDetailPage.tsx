// Task detail: every field, the timeline, the evidence files and, for admins,
// the actions on the task.
import type { Plan } from '@dondoc/domain';
import { isFinalStatus, planTasks, type TaskStatus } from '@dondoc/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Descriptions, Progress, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';

import { api, unwrap } from '../../common/api-client';
import { formatDay, formatInstant } from '../../common/dates';
import { TaskTimeline } from '../../common/TaskTimeline';
import { formatBytes } from '../../common/upload';
import { useAgencyNames, usePlanDocuments } from '../reference-data';
import { useStaffSession } from '../staff-session';
import { TaskAdminActions } from './TaskAdminActions';
import { TaskStatusTag } from '../../common/TaskStatusTag';

/** Downloads a file the API serves to signed-in staff only (a plain link would not carry the token). */
async function download(workflowId: string, id: string, fileName: string): Promise<void> {
  const result = await api.GET('/tasks/{workflowId}/evidence/{id}', { params: { path: { workflowId, id } }, parseAs: 'blob' });
  const blob = unwrap(result) as unknown as Blob;
  const url = URL.createObjectURL(blob);
  const anchor = Object.assign(document.createElement('a'), { href: url, download: fileName });
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function TaskDetailPage() {
  const workflowId = useParams().workflowId ?? '';
  const { session } = useStaffSession();
  const agencyName = useAgencyNames();
  const detail = useQuery({ queryKey: ['task', workflowId], queryFn: async () => unwrap(await api.GET('/tasks/{workflowId}', { params: { path: { workflowId } } })) });
  const evidence = useQuery({ queryKey: ['task', workflowId, 'evidence'], queryFn: async () => unwrap(await api.GET('/tasks/{workflowId}/evidence', { params: { path: { workflowId } } })) });
  const plans = usePlanDocuments(detail.data ? [detail.data.state.planId] : []);
  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) return <Alert type="error" showIcon title={detail.error.message} />;
  const { state, timeline, running } = detail.data;
  const plan: Plan | undefined = plans.get(state.planId);
  const task = plan ? planTasks(plan).find((t) => t.id === state.taskId) : undefined;
  const open = running && !isFinalStatus(state.status as TaskStatus);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/nhiem-vu">Nhiệm vụ</Link> }, { title: `${state.planId} · ${state.taskId}` }]} />
      <Card>
        <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }} className="wrap-anywhere">
          {task?.name ?? state.taskId}
        </Typography.Title>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered className="wrap-anywhere task-fields">
          <Descriptions.Item label="Kế hoạch">{plan?.title ?? state.planId}</Descriptions.Item>
          <Descriptions.Item label="Nhóm">{task ? [task.group.number, task.group.title].filter(Boolean).join('. ') : '—'}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan thực hiện">{agencyName(state.agencyId)}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan chủ trì (kế hoạch)">{task?.lead.text ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan phối hợp">{task?.coordinators.text || '—'}</Descriptions.Item>
          <Descriptions.Item label="Kết quả dự kiến">{task?.result ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Trạng thái">
            <TaskStatusTag status={state.status} /> {state.acknowledged ? 'Đã tiếp nhận' : 'Chưa tiếp nhận'}
            {state.paused ? ' · Tạm dừng nhắc việc' : ''}
          </Descriptions.Item>
          <Descriptions.Item label="Thời hạn">
            {task?.deadline.raw ?? ''} {state.dueDate ? `(hạn ${formatDay(state.dueDate)})` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="Tiến độ">{state.progressPercent === null ? 'Chưa báo cáo' : <Progress percent={state.progressPercent} size="small" />}</Descriptions.Item>
          <Descriptions.Item label="Lần nhắc tiếp theo">{state.nextReminderAt ? `${formatInstant(state.nextReminderAt)} (${state.nextReminderStep ?? ''})` : '—'}</Descriptions.Item>
          <Descriptions.Item label="Mã workflow">
            <Typography.Text code copyable>
              {state.workflowId}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <TaskAdminActions workflowId={workflowId} paused={state.paused} proposed={state.status === 'proposed'} open={open && session?.user.role === 'admin'} />
      <Card title="Minh chứng">
        {(evidence.data?.items ?? []).length === 0 ? (
          <Typography.Text type="secondary">Chưa có tệp minh chứng.</Typography.Text>
        ) : (
          <ul className="file-links">
            {evidence.data!.items.map((file) => (
              <li key={file.id}>
                <Button type="link" style={{ padding: 0 }} onClick={() => void download(workflowId, file.id, file.fileName)}>
                  {file.fileName}
                </Button>
                <Typography.Text type="secondary">
                  {' '}
                  · {formatBytes(file.sizeBytes)} · {file.uploadedBy} · {formatInstant(file.createdAt)}
                </Typography.Text>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Dòng thời gian">
        <TaskTimeline events={timeline} />
      </Card>
    </Space>
  );
}
