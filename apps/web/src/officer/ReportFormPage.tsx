// The report form a report request link opens (/lien-ket/bao-cao): each task
// the agency leads or coordinates and the plan's indicators, evidence files,
// save a draft, then submit. After a return, Sở KH&CN's comment stands above
// the form and the last answers are filled in.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap } from '../common/api-client';
import { daysLeftText, formatDay, formatInstant } from '../common/dates';
import { FileLinks } from '../common/FileLinks';
import { showFieldErrors } from '../common/form-errors';
import { formatBytes } from '../common/upload';
import { EvidenceUpload } from './EvidenceUpload';
import { OfficerLayout } from './OfficerLayout';
import { REPORT_VIEW_KEY, type ReportLinkView, type SubmittedReport, useReportLinkView } from './officer-api';
import { formFieldOf, initialFormValues, type ReportFormValues, reportOf } from './report-form-values';
import { IndicatorReportCard, TaskReportCard } from './ReportFields';
import { PageLoading, SessionProblem } from './SessionProblem';

export function ReportFormPage() {
  const view = useReportLinkView();
  if (view.isPending) return <PageLoading />;
  if (view.isError) return <SessionProblem error={view.error} />;
  return <ReportForm view={view.data} />;
}

/** The report form; read-only for a copy's link or inside a digest's list (`evidenceHref` null: file names without links). */
export function ReportForm({ view, evidenceHref = (id) => `/link-session/report/evidence/${id}` }: { view: ReportLinkView; evidenceHref?: ((id: string) => string) | null }) {
  const [form] = Form.useForm<ReportFormValues>();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [problems, setProblems] = useState<string[] | null>(null);
  const disabled = !view.canSubmit;
  const refresh = () => queryClient.invalidateQueries({ queryKey: REPORT_VIEW_KEY });

  const saveDraft = useMutation({
    mutationFn: async (values: ReportFormValues) => unwrap(await api.PUT('/link-session/report/draft', { body: { workflowId: view.workflowId, report: reportOf(view, values) } })),
    onSuccess: (saved) => {
      setProblems(null);
      void message.success(`Đã lưu nháp lúc ${formatInstant(saved.savedAt)}.`);
    },
    onError: (error) => setProblems(showFieldErrors(form, error, formFieldOf)),
  });
  const submit = useMutation({
    mutationFn: async (values: ReportFormValues) => unwrap(await api.POST('/link-session/report/submit', { body: { workflowId: view.workflowId, report: reportOf(view, values) as SubmittedReport } })),
    onSuccess: (state) => {
      setProblems(null);
      void message.success(`Đã gửi báo cáo tới Sở KH&CN (${state.statusLabel}).`);
      void refresh();
    },
    onError: (error) => setProblems(showFieldErrors(form, error, formFieldOf)),
  });
  const confirmSubmit = () =>
    modal.confirm({
      title: 'Gửi báo cáo tới Sở KH&CN?',
      content: 'Sau khi gửi, báo cáo chờ Sở KH&CN xem xét; nếu cần bổ sung, Sở sẽ trả lại kèm ý kiến.',
      okText: 'Gửi báo cáo',
      cancelText: 'Xem lại',
      onOk: () => submit.mutate(form.getFieldsValue(true) as ReportFormValues),
    });

  const returned = view.status === 'returned' && view.review?.decision === 'returned';
  return (
    <OfficerLayout title={view.cycle.title ?? 'Báo cáo kết quả thực hiện kế hoạch'} contact={view.contact}>
      {view.readOnly ? <Alert type="info" showIcon className="officer-section" title="Bản để theo dõi: đường dẫn này chỉ để xem; cơ quan báo cáo gửi báo cáo bằng đường dẫn của mình." /> : null}
      {returned ? (
        <Alert
          type="warning"
          showIcon
          className="officer-section"
          title={`Sở KH&CN đã trả lại báo cáo ngày ${formatInstant(view.review!.at)} để bổ sung, chỉnh sửa`}
          description={<div className="text-block">{view.review!.comment}</div>}
        />
      ) : null}
      {view.submittedWithThisLink || view.status === 'submitted' ? <Alert type="success" showIcon className="officer-section" title="Báo cáo đã được gửi, đang chờ Sở KH&CN xem xét." /> : null}
      {view.status === 'accepted' ? <Alert type="success" showIcon className="officer-section" title="Sở KH&CN đã tiếp nhận báo cáo." /> : null}
      {view.cycle.closed ? <Alert type="info" showIcon className="officer-section" title="Kỳ báo cáo đã khóa sổ." /> : null}
      <Card className="officer-section">
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} layout="vertical" size="small" className="wrap-anywhere">
          <Descriptions.Item label="Kế hoạch" span={{ xs: 1, sm: 1, md: 2 }}>
            {view.plan.title}
          </Descriptions.Item>
          <Descriptions.Item label="Cơ quan báo cáo">{view.agency.name}</Descriptions.Item>
          <Descriptions.Item label="Tình trạng">
            <Tag color={returned ? 'orange' : view.status === 'accepted' ? 'green' : 'blue'}>{view.statusLabel}</Tag>
            {view.revision ? ` · lần gửi thứ ${view.revision}` : null}
          </Descriptions.Item>
          <Descriptions.Item label="Hạn gửi báo cáo">
            {formatDay(view.cycle.unitDeadline)} ({daysLeftText(view.cycle.daysLeft)})
          </Descriptions.Item>
        </Descriptions>
        {view.answersFrom === 'draft' && view.draftSavedAt ? <Typography.Paragraph type="secondary">Đang soạn từ bản nháp lưu lúc {formatInstant(view.draftSavedAt)}.</Typography.Paragraph> : null}
        {view.answersFrom === 'submission' && !disabled ? <Typography.Paragraph type="secondary">Nội dung dưới đây là bản đã gửi lần trước; sửa những chỗ cần thiết rồi gửi lại.</Typography.Paragraph> : null}
      </Card>
      <Form form={form} name="report" layout="vertical" initialValues={initialFormValues(view)} onFinish={confirmSubmit} disabled={disabled}>
        <Typography.Title level={3} style={{ fontSize: 18 }}>
          Nhiệm vụ ({view.tasks.length})
        </Typography.Title>
        {view.tasks.map((task, index) => (
          <TaskReportCard key={task.id} task={task} index={index} statuses={view.taskStatuses} disabled={disabled} />
        ))}
        {view.indicators.length ? (
          <Typography.Title level={3} style={{ fontSize: 18 }}>
            Chỉ tiêu ({view.indicators.length})
          </Typography.Title>
        ) : null}
        {view.indicators.map((indicator, index) => (
          <IndicatorReportCard key={indicator.id} indicator={indicator} index={index} disabled={disabled} />
        ))}
        <Card size="small" className="officer-section" title="Nhận xét chung và minh chứng">
          <Form.Item label="Nhận xét chung" name="summary">
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          {view.readOnly ? null : (
            <Form.Item label="Tệp minh chứng" htmlFor="report-evidence-files" extra={`PDF, DOCX, XLSX, JPEG hoặc PNG; tối đa ${formatBytes(view.limits.fileBytes)} một tệp, ${formatBytes(view.limits.totalBytes)} cả báo cáo.`}>
              <EvidenceUpload id="report-evidence-files" uploadUrl="/link-session/report/evidence" fileLimitBytes={view.limits.fileBytes} onStored={() => void refresh()} disabled={disabled} />
            </Form.Item>
          )}
          <FileLinks files={view.evidence} href={evidenceHref ? (file) => evidenceHref(file.id) : null} empty="Chưa có tệp minh chứng." />
        </Card>
        {problems ? (
          <Alert
            type="error"
            showIcon
            className="officer-section"
            title={submit.isError ? 'Báo cáo chưa gửi được' : 'Chưa lưu được nháp'}
            description={problems.length ? <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul> : 'Vui lòng sửa các ô có thông báo lỗi ở trên.'}
          />
        ) : null}
        {disabled ? null : (
          <Space wrap className="officer-section">
            <Button onClick={() => saveDraft.mutate(form.getFieldsValue(true) as ReportFormValues)} loading={saveDraft.isPending}>
              Lưu nháp
            </Button>
            <Button type="primary" htmlType="submit" loading={submit.isPending}>
              Gửi báo cáo
            </Button>
          </Space>
        )}
      </Form>
      <Typography.Paragraph type="secondary">Phiên làm việc qua đường dẫn có hiệu lực đến {formatInstant(view.sessionExpiresAt)}; hãy lưu nháp thường xuyên.</Typography.Paragraph>
    </OfficerLayout>
  );
}
