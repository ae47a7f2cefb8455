import { calendarDateProblem } from '@dondoc/calendar';
import { freeText } from '@dondoc/contracts';
import { ALL_TASK_STATUSES, COMPLETION_MODES, TASK_STATUS_LABELS, type TaskStatus } from '@dondoc/domain';
import { z } from 'zod';

import { DIGIT, LETTER } from '../common/text-patterns';

// Requests and responses of /tasks: validation and the OpenAPI document both come from here.

/** A real calendar day in a year the working-day calendar covers (a ladder cannot be built outside it). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.')
  .superRefine((value, ctx) => {
    // The form has its own message above; this says which day or year is wrong.
    const problem = /^\d{4}-\d{2}-\d{2}$/.test(value) ? calendarDateProblem(value) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  // The document says what the checks allow: an RFC 3339 full-date, a day that exists.
  .meta({ format: 'date' });

/** Plan, task and agency ids: what the catalog allows, and nothing a visibility query could trip on. */
export const idText = z.string().min(1).max(100).regex(new RegExp(`^[${LETTER}${DIGIT}._-]+$`), 'Chỉ gồm chữ, số, ".", "_" và "-".');

export const workflowIdSchema = z
  .string()
  .max(400)
  .regex(/^task\/[^/\s']+\/[^/\s']+\/[^/\s']+$/, 'Mã nhiệm vụ phải có dạng task/<kế hoạch>/<nhiệm vụ>/<cơ quan>.');

const statusList = ALL_TASK_STATUSES.map((status) => `${status} (${TASK_STATUS_LABELS[status]})`).join(', ');
/** Every status a task reports, the ones of tasks started before the status model (due, completed) too. */
const taskStatusSchema = z.enum(ALL_TASK_STATUSES as [TaskStatus, ...TaskStatus[]], `Trạng thái phải là một trong: ${ALL_TASK_STATUSES.join(', ')}.`);

export const taskListQuerySchema = z.object({
  plan: idText.optional(),
  agency: idText.optional(),
  status: z
    .string()
    .transform((text) => text.split(',').map((s) => s.trim()))
    .pipe(z.array(taskStatusSchema))
    .optional()
    .describe(`Một hoặc nhiều trạng thái, cách nhau bởi dấu phẩy: ${statusList}`),
  overdue: z.enum(['true', 'false'], 'Phải là true hoặc false.').transform((v) => v === 'true').optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  pageSize: z.coerce.number().int('Phải là số nguyên.').min(1).max(200).default(50),
  pageToken: z.string().max(2000).regex(/^[\w-]+\.[\w-]+$/, 'Mã trang không hợp lệ.').optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;


export const progressSchema = z.object({
  percent: z.number('Cần tỷ lệ hoàn thành (số).').int('Phải là số nguyên.').min(0, 'Từ 0 đến 100.').max(100, 'Từ 0 đến 100.'),
  note: freeText(2000, 'Cần nội dung báo cáo tiến độ.'),
});
export const completeSchema = z.object({ evidence: freeText(2000, 'Cần minh chứng hoàn thành.') });
export const proposeCompletionSchema = z.object({
  result: freeText(2000, 'Cần kết quả thực hiện.').describe('Kết quả đạt được, ví dụ "Đã ban hành Kế hoạch số 12/KH-UBND"'),
  evidence: freeText(2000, 'Cần minh chứng hoàn thành.').describe('Số văn bản, đường dẫn…'),
});
export const confirmCompletionSchema = z.object({ comment: freeText(1000).default('').describe('Nhận xét (không bắt buộc)') });
export const returnCompletionSchema = z.object({ comment: freeText(1000, 'Cần nêu nội dung cần bổ sung, chỉnh sửa.') });
export const extendSchema = z.object({
  newDue: isoDate,
  reason: freeText(1000, 'Cần lý do gia hạn.'),
  approvedBy: freeText(200).optional().describe('Người phê duyệt; mặc định là người gửi'),
});
export const reassignSchema = z.object({ toAgency: idText, reason: freeText(1000, 'Cần lý do chuyển giao.') });
export const reasonSchema = z.object({ reason: freeText(1000, 'Cần lý do.') });
export const emptySchema = z.object({}).strict();

export const taskSummarySchema = z.object({
  workflowId: z.string(),
  planId: z.string().nullable(),
  taskId: z.string().nullable(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable().describe('Tên cơ quan đang chủ trì (theo danh mục hôm nay)'),
  status: z.string().nullable(),
  statusLabel: z.string().nullable().describe('Trạng thái bằng tiếng Việt'),
  dueDate: z.string().nullable().describe('Ngày đến hạn (YYYY-MM-DD, giờ Việt Nam)'),
  daysOverdue: z.number().nullable().describe('Số ngày quá hạn: hôm nay với nhiệm vụ chưa xong, khi hoàn thành với nhiệm vụ hoàn thành quá hạn'),
  running: z.boolean(),
  startedAt: z.string().nullable(),
  continuesIn: z.string().nullable().describe('Nhiệm vụ đã gộp khi sáp nhập cơ quan: mã nhiệm vụ tiếp tục'),
});
export const taskPageSchema = z.object({ items: z.array(taskSummarySchema), nextPageToken: z.string().nullable() });

export const taskStateSchema = z.object({
  workflowId: z.string(),
  planId: z.string(),
  taskId: z.string(),
  agencyId: z.string(),
  status: taskStatusSchema,
  statusLabel: z.string().describe('Trạng thái bằng tiếng Việt'),
  acknowledged: z.boolean(),
  paused: z.boolean(),
  cycle: z.number().int(),
  cycleKind: z.enum(['deadline', 'progress']).nullable(),
  dueDate: z.string().nullable(),
  progressPercent: z.number().nullable(),
  nextReminderAt: z.number().nullable(),
  nextReminderStep: z.string().nullable(),
  completionMode: z.enum(COMPLETION_MODES).describe('confirmed: Sở KH&CN xác nhận đề nghị hoàn thành; self: cơ quan tự xác nhận (kế hoạch có completion: self)'),
  proposal: z
    .object({
      by: z.string(),
      result: z.string(),
      evidence: z.string(),
      at: z.number().describe('Thời điểm đề nghị (epoch ms)'),
      on: z.string().describe('Ngày đề nghị (YYYY-MM-DD): ngày hoàn thành khi được xác nhận'),
      dueDate: z.string(),
      daysLate: z.number().int().describe('Số ngày quá hạn tại ngày đề nghị (0: đúng hạn)'),
    })
    .nullable()
    .describe('Đề nghị hoàn thành đang chờ Sở KH&CN xác nhận'),
  completion: z
    .object({
      on: z.string().describe('Ngày hoàn thành (YYYY-MM-DD)'),
      dueDate: z.string(),
      daysLate: z.number().int().describe('Số ngày quá hạn (0: đúng hạn)'),
      by: z.string(),
      confirmedBy: z.string().nullable().describe('Người xác nhận; null khi không cần xác nhận'),
    })
    .nullable()
    .describe('Kết quả hoàn thành của kỳ (hoặc nhiệm vụ)'),
  continuesIn: z.string().nullable().optional().describe('Nhiệm vụ đã gộp khi sáp nhập cơ quan: mã nhiệm vụ tiếp tục'),
});
export const timelineEventSchema = z.object({
  at: z.number(),
  type: z.string(),
  cycle: z.number().int(),
  detail: z.string(),
  stepId: z.string().optional(),
  idempotencyKey: z.string().optional(),
});
export const taskDetailSchema = z.object({ state: taskStateSchema, timeline: z.array(timelineEventSchema), running: z.boolean() });
