// The admin's actions on a task (POST /tasks/<id>/<action>): each opens its
// small form; the workflow's answer (409 when the task's state refuses) is
// shown as the API words it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';

import { api, unwrap } from '../../common/api-client';
import { showFieldErrors } from '../../common/form-errors';
import { matchesSearch } from '../../common/vietnamese-search';
import { useAgencyDirectory } from '../reference-data';

type Action = 'extend' | 'reassign' | 'pause' | 'resume' | 'cancel' | 'complete' | 'confirm-completion' | 'return-completion';

const LABELS: Readonly<Record<Action, string>> = {
  extend: 'Gia hạn',
  reassign: 'Chuyển cơ quan',
  pause: 'Tạm dừng nhắc việc',
  resume: 'Tiếp tục nhắc việc',
  cancel: 'Hủy nhiệm vụ',
  complete: 'Ghi nhận hoàn thành',
  'confirm-completion': 'Xác nhận hoàn thành',
  'return-completion': 'Trả lại đề nghị',
};

interface Values {
  newDue?: Dayjs;
  reason?: string;
  toAgency?: string;
  evidence?: string;
  comment?: string;
}

function bodyOf(action: Action, values: Values) {
  switch (action) {
    case 'extend':
      return { newDue: values.newDue?.format('YYYY-MM-DD') ?? '', reason: values.reason ?? '' };
    case 'reassign':
      return { toAgency: values.toAgency ?? '', reason: values.reason ?? '' };
    case 'pause':
    case 'cancel':
      return { reason: values.reason ?? '' };
    case 'complete':
      return { evidence: values.evidence ?? '' };
    case 'confirm-completion':
    case 'return-completion':
      return { comment: values.comment ?? '' };
    case 'resume':
      return {};
  }
}

export function TaskAdminActions({ workflowId, paused, proposed, open }: { workflowId: string; paused: boolean; proposed: boolean; open: boolean }) {
  const [action, setAction] = useState<Action | null>(null);
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string[]>([]);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const directory = useAgencyDirectory();
  const run = useMutation({
    mutationFn: async ({ name, values }: { name: Action; values: Values }) =>
      // One call for six routes: each body is the one bodyOf builds for its action, and the API checks it.
      unwrap(await api.POST(`/tasks/{workflowId}/${name}`, { params: { path: { workflowId } }, body: bodyOf(name, values) as never })),
    onSuccess: (_state, { name }) => {
      void message.success(`${LABELS[name]}: đã thực hiện.`);
      setAction(null);
      setProblem([]);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['task', workflowId] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
    onError: (error) => setProblem(showFieldErrors(form, error)),
  });
  if (!open) return null;
  const available: Action[] = [...(proposed ? (['confirm-completion', 'return-completion'] as const) : []), 'extend', 'reassign', paused ? 'resume' : 'pause', 'complete', 'cancel'];

  return (
    <Card title="Thao tác của Sở KH&CN" className="officer-section">
      <Space wrap>
        {available.map((name) => (
          <Button key={name} danger={name === 'cancel'} type={action === name ? 'primary' : 'default'} onClick={() => {
              setProblem([]);
              if (name === 'resume') run.mutate({ name, values: {} });
              else setAction(name);
            }} loading={run.isPending && run.variables?.name === name}>
            {LABELS[name]}
          </Button>
        ))}
      </Space>
      {problem.length ? <Alert type="error" showIcon title={problem.join(' ')} style={{ marginTop: 12 }} /> : null}
      {action && action !== 'resume' ? (
        <Form form={form} name={`action-${action}`} layout="vertical" style={{ marginTop: 16, maxWidth: 560 }} initialValues={{ reason: '', evidence: '', comment: '' }} onFinish={(values) => run.mutate({ name: action, values })}>
          {action === 'extend' ? (
            <Form.Item label="Thời hạn mới" name="newDue" rules={[{ required: true, message: 'Cần thời hạn mới.' }]}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          {action === 'reassign' ? (
            <Form.Item label="Chuyển cho cơ quan" name="toAgency" rules={[{ required: true, message: 'Cần cơ quan nhận.' }]}>
              <Select showSearch filterOption={(input, option) => matchesSearch(String(option?.label ?? ''), input)} options={(directory.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))} />
            </Form.Item>
          ) : null}
          {action === 'confirm-completion' || action === 'return-completion' ? (
            <Form.Item label={action === 'confirm-completion' ? 'Nhận xét (không bắt buộc)' : 'Nội dung cần bổ sung, chỉnh sửa'} name="comment" rules={action === 'return-completion' ? [{ required: true, whitespace: true, message: 'Cần nêu nội dung cần bổ sung.' }] : []}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          ) : action === 'complete' ? (
            <Form.Item label="Minh chứng hoàn thành" name="evidence" rules={[{ required: true, whitespace: true, message: 'Cần minh chứng hoàn thành.' }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          ) : (
            <Form.Item label="Lý do" name="reason" rules={[{ required: true, whitespace: true, message: 'Cần lý do.' }]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          )}
          <Space>
            <Button type="primary" htmlType="submit" danger={action === 'cancel'} loading={run.isPending}>
              {LABELS[action]}
            </Button>
            <Button onClick={() => setAction(null)}>Đóng</Button>
          </Space>
        </Form>
      ) : null}
    </Card>
  );
}
