// Requests and responses of the officer's pages (/link-session/…): validation
// and the OpenAPI document (thus the web client's types) both come from here.
import { REPORT_LIMITS, TASK_REPORT_STATUSES } from '@dondoc/contracts';
import { z } from 'zod';

import { taskEvidenceSchema } from '../tasks/task-evidence.schemas';
import { progressSchema, workflowIdSchema } from '../tasks/task.schemas';

export const contactSchema = z.object({
  agencyName: z.string(),
  name: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

const agencyRefSchema = z.object({ text: z.string().describe('Như ghi trong kế hoạch'), agencies: z.array(z.object({ id: z.string(), name: z.string() })) });
const actionStateSchema = z.object({ allowed: z.boolean().describe('Đường dẫn cho phép và nhiệm vụ đang ở trạng thái cho phép'), done: z.boolean().describe('Đã thực hiện bằng đường dẫn này') });

export const taskLinkViewSchema = z.object({
  workflowId: z.string(),
  purpose: z.string(),
  readOnly: z.boolean().describe('Đường dẫn chỉ để xem (bản sao gửi cơ quan khác)'),
  plan: z.object({ id: z.string(), title: z.string(), number: z.string().nullable() }),
  task: z.object({
    id: z.string(),
    name: z.string(),
    group: z.string().nullable(),
    expectedResult: z.string().nullable(),
    deadlineText: z.string().describe('Thời hạn như ghi trong kế hoạch'),
    lead: agencyRefSchema,
    coordinators: agencyRefSchema,
  }),
  agency: z.object({ id: z.string(), name: z.string() }),
  state: z.object({
    status: z.string(),
    statusLabel: z.string(),
    acknowledged: z.boolean(),
    paused: z.boolean(),
    running: z.boolean(),
    dueDate: z.string().nullable().describe('YYYY-MM-DD'),
    daysLeft: z.number().int().nullable().describe('Số ngày còn lại đến hạn (âm: số ngày quá hạn), theo giờ Việt Nam'),
    progressPercent: z.number().nullable(),
    nextReminderAt: z.number().nullable(),
  }),
  timeline: z.array(z.object({ at: z.number(), type: z.string(), detail: z.string() })),
  evidence: z.array(taskEvidenceSchema),
  actions: z.object({ acknowledge: actionStateSchema, progress: actionStateSchema, completion: actionStateSchema }),
  sessionExpiresAt: z.string(),
  contact: contactSchema.nullable(),
});

const evidenceIds = z.array(z.string().regex(/^\d{1,18}$/, 'Mã tệp minh chứng là một số.')).max(10, 'Tối đa 10 tệp minh chứng cho một lần báo cáo.').default([]);
const sessionTask = { workflowId: workflowIdSchema.describe('Nhiệm vụ của trang (phải là nhiệm vụ của phiên)') };

export const acknowledgeByLinkSchema = z.object(sessionTask).strict();
export const progressByLinkSchema = progressSchema.extend({ ...sessionTask, evidenceIds }).strict();
export const completionByLinkSchema = z
  .object({
    ...sessionTask,
    result: z.string().trim().min(1, 'Cần nêu kết quả đã hoàn thành.').max(2000, 'Tối đa 2000 ký tự.'),
    evidence: z.string().trim().max(1500, 'Tối đa 1500 ký tự.').default('').describe('Số văn bản, đường dẫn… (cùng với các tệp, ít nhất một minh chứng)'),
    evidenceIds,
  })
  .strict();

export const reportDeadlineSchema = z.object({ key: z.string(), title: z.string().nullable(), unitDeadline: z.string().nullable(), daysLeft: z.number().int().nullable(), closed: z.boolean() });

/** A report being filled in: every field optional, the same limits as a submitted one. */
const draftText = z.string().max(REPORT_LIMITS.text, `Tối đa ${REPORT_LIMITS.text} ký tự.`);
export const reportDraftSchema = z
  .object({
    tasks: z
      .array(
        z.object({
          taskId: z.string().min(1).max(100),
          status: z.enum(TASK_REPORT_STATUSES).nullable().optional(),
          percent: z.number().int().min(0, 'Từ 0 đến 100.').max(100, 'Từ 0 đến 100.').nullable().optional(),
          results: draftText.optional(),
          difficulties: draftText.optional(),
          proposals: draftText.optional(),
          evidence: z.array(z.string().max(REPORT_LIMITS.evidenceItem)).max(REPORT_LIMITS.evidenceItems).optional(),
        }),
      )
      .max(500)
      .default([]),
    indicators: z
      .array(z.object({ indicatorId: z.string().min(1).max(100), achieved: z.string().max(REPORT_LIMITS.indicatorValue).optional(), note: z.string().max(REPORT_LIMITS.indicatorValue).optional() }))
      .max(500)
      .default([]),
    summary: draftText.optional(),
  })
  .strict();
export type ReportDraftContent = z.infer<typeof reportDraftSchema>;

export const reportLinkViewSchema = z.object({
  workflowId: z.string(),
  purpose: z.string(),
  plan: z.object({ id: z.string(), title: z.string(), number: z.string().nullable() }),
  cycle: reportDeadlineSchema,
  agency: z.object({ id: z.string(), name: z.string() }),
  status: z.string(),
  statusLabel: z.string(),
  revision: z.number().int().nullable(),
  review: z.object({ decision: z.string(), comment: z.string().nullable(), at: z.string() }).nullable().describe('Ý kiến gần nhất của Sở KH&CN'),
  tasks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      group: z.string().nullable(),
      role: z.enum(['lead', 'coordinator']).describe('Cơ quan chủ trì hay phối hợp'),
      expectedResult: z.string().nullable(),
      deadlineText: z.string(),
    }),
  ),
  indicators: z.array(z.object({ id: z.string(), name: z.string(), unit: z.string(), target: z.string(), targetYear: z.number().nullable() })),
  answers: reportDraftSchema.nullable().describe('Nội dung đang soạn (bản nháp), hoặc bản đã gửi gần nhất'),
  answersFrom: z.enum(['draft', 'submission']).nullable(),
  draftSavedAt: z.string().nullable(),
  evidence: z.array(z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), createdAt: z.string() })),
  taskStatuses: z.array(z.object({ value: z.enum(TASK_REPORT_STATUSES), label: z.string() })).describe('Các tình trạng nhiệm vụ được chọn, kèm tên tiếng Việt'),
  limits: z.object({ fileBytes: z.number().int(), totalBytes: z.number().int(), types: z.array(z.string()) }),
  readOnly: z.boolean().describe('Đường dẫn chỉ để xem (bản gửi để theo dõi)'),
  canSubmit: z.boolean(),
  submittedWithThisLink: z.boolean(),
  sessionExpiresAt: z.string(),
  contact: contactSchema.nullable(),
});

export const draftSavedSchema = z.object({ savedAt: z.string() });
export const reportSubmittedSchema = z.object({ status: z.string(), statusLabel: z.string(), revision: z.number().int().nullable(), late: z.boolean() });

export const digestLinkViewSchema = z.object({
  day: z.string().describe('Ngày của danh sách (YYYY-MM-DD)'),
  items: z.array(
    z.object({
      workflowId: z.string(),
      kind: z.enum(['task', 'report']),
      template: z.string(),
      planTitle: z.string(),
      taskName: z.string(),
      agencyName: z.string().describe('Cơ quan chủ trì'),
      dueDate: z.string().nullable(),
      daysLeft: z.number().int().nullable().describe('Số ngày còn lại đến hạn (âm: quá hạn), tính đến hôm nay'),
    }),
  ),
  sessionExpiresAt: z.string(),
  contact: contactSchema.nullable(),
});

export const digestItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('task'), task: taskLinkViewSchema }),
  z.object({ kind: z.literal('report'), report: reportLinkViewSchema }),
]);
export const digestItemQuerySchema = z.object({ workflowId: z.string().min(1).max(400).regex(/^(task|report)\/[^/\s]+\/[^/\s]+\/[^/\s]+$/, 'Mã nhiệm vụ hoặc báo cáo không hợp lệ.') });
