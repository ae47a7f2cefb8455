// The forms behind "Báo cáo tiến độ" and "Đề nghị hoàn thành": text checked by
// the API (its messages appear under the field), evidence files sent as chosen.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap } from '../common/api-client';
import { showFieldErrors } from '../common/form-errors';
import { EvidenceUpload } from './EvidenceUpload';
import { TASK_VIEW_KEY, type TaskLinkView } from './officer-api';

const FILE_LIMIT = 10 * 1024 * 1024;

interface FormProps {
  readonly view: TaskLinkView;
  readonly onClose: () => void;
}

interface ProgressValues {
  percent: number;
  note: string;
  evidenceIds: string[];
}

export function ProgressForm({ view, onClose }: FormProps) {
  const [form] = Form.useForm<ProgressValues>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const send = useMutation({
    mutationFn: async (values: ProgressValues) => unwrap(await api.POST('/link-session/task/progress', { body: { workflowId: view.workflowId, ...values } })),
    onSuccess: (next) => {
      queryClient.setQueryData(TASK_VIEW_KEY, next);
      void message.success('Đã gửi báo cáo tiến độ tới Sở KH&CN.');
      onClose();
    },
    onError: (error) => setUnplaced(showFieldErrors(form, error)),
  });
  return (
    <Card title="Báo cáo tiến độ" className="officer-section">
      <Form form={form} name="progress" layout="vertical" initialValues={{ percent: view.state.progressPercent ?? undefined, note: '', evidenceIds: [] }} onFinish={(values) => send.mutate(values)}>
        <Form.Item label="Tỷ lệ hoàn thành (%)" name="percent" rules={[{ required: true, message: 'Cần tỷ lệ hoàn thành.' }]}>
          <InputNumber min={0} max={100} precision={0} inputMode="numeric" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="Nội dung đã thực hiện" name="note" rules={[{ required: true, whitespace: true, message: 'Cần nội dung báo cáo tiến độ.' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label="Tệp minh chứng" name="evidenceIds" extra="PDF, DOCX, XLSX, JPEG hoặc PNG; tối đa 10 MB một tệp, 30 MB cho một nhiệm vụ.">
          <EvidenceUpload uploadUrl="/link-session/task/evidence" fileLimitBytes={FILE_LIMIT} onStored={() => void queryClient.invalidateQueries({ queryKey: TASK_VIEW_KEY })} />
        </Form.Item>
        {unplaced.length ? <Alert type="error" showIcon title={unplaced.join(' ')} className="form-alert" /> : null}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={send.isPending}>
            Gửi báo cáo tiến độ
          </Button>
          <Button onClick={onClose}>Đóng</Button>
        </Space>
      </Form>
    </Card>
  );
}

interface CompletionValues {
  result: string;
  evidence: string;
  evidenceIds: string[];
}

export function CompletionForm({ view, onClose }: FormProps) {
  const [form] = Form.useForm<CompletionValues>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const send = useMutation({
    mutationFn: async (values: CompletionValues) => unwrap(await api.POST('/link-session/task/completion', { body: { workflowId: view.workflowId, ...values } })),
    onSuccess: (next) => {
      queryClient.setQueryData(TASK_VIEW_KEY, next);
      void message.success('Đã gửi đề nghị hoàn thành; Sở KH&CN sẽ xem xét và xác nhận.');
      onClose();
    },
    onError: (error) => setUnplaced(showFieldErrors(form, error)),
  });
  return (
    <Card title="Đề nghị hoàn thành" className="officer-section">
      <Form form={form} name="completion" layout="vertical" initialValues={{ result: '', evidence: '', evidenceIds: [] }} onFinish={(values) => send.mutate(values)}>
        {view.task.expectedResult ? <Typography.Paragraph type="secondary">Kết quả dự kiến theo kế hoạch: {view.task.expectedResult}</Typography.Paragraph> : null}
        <Form.Item label="Kết quả đã hoàn thành" name="result" rules={[{ required: true, whitespace: true, message: 'Cần nêu kết quả đã hoàn thành.' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label="Minh chứng (số văn bản, đường dẫn)" name="evidence">
          <Input.TextArea rows={2} maxLength={1500} />
        </Form.Item>
        <Form.Item label="Tệp minh chứng" name="evidenceIds" extra="Văn bản, báo cáo, hình ảnh chứng minh kết quả (PDF, DOCX, XLSX, JPEG, PNG; tối đa 10 MB một tệp). Cần ít nhất một minh chứng: số văn bản, đường dẫn hoặc tệp.">
          <EvidenceUpload uploadUrl="/link-session/task/evidence" fileLimitBytes={FILE_LIMIT} onStored={() => void queryClient.invalidateQueries({ queryKey: TASK_VIEW_KEY })} />
        </Form.Item>
        {unplaced.length ? <Alert type="error" showIcon title={unplaced.join(' ')} className="form-alert" /> : null}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={send.isPending}>
            Gửi đề nghị hoàn thành
          </Button>
          <Button onClick={onClose}>Đóng</Button>
        </Space>
      </Form>
    </Card>
  );
}
