import { TASK_STATUSES } from '@dondoc/domain';
import { z } from 'zod';

import { DIGIT, LETTER } from '../common/text-patterns';

// Requests and responses of /tasks: validation and the OpenAPI document both come from here.

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'Ngày không tồn tại.')
  // The document says what the refine checks: an RFC 3339 full-date, a day that exists.
  .meta({ format: 'date' });

/** Plan, task and agency ids: what the catalog allows, and nothing a visibility query could trip on. */
export const idText = z.string().min(1).max(100).regex(new RegExp(`^[${LETTER}${DIGIT}._-]+$`), 'Chỉ gồm chữ, số, ".", "_" và "-".');

export const workflowIdSchema = z
  .string()
  .max(400)
  .regex(/^task\/[^/\s']+\/[^/\s']+\/[^/\s']+$/, 'Mã nhiệm vụ phải có dạng task/<kế hoạch>/<nhiệm vụ>/<cơ quan>.');

export const taskListQuerySchema = z.object({
  plan: idText.optional(),
  agency: idText.optional(),
  status: z
    .string()
    .transform((text) => text.split(',').map((s) => s.trim()))
    .pipe(z.array(z.enum(TASK_STATUSES, `Trạng thái phải là một trong: ${TASK_STATUSES.join(', ')}.`)))
    .optional()
    .describe('Một hoặc nhiều trạng thái, cách nhau bởi dấu phẩy'),
  overdue: z.enum(['true', 'false'], 'Phải là true hoặc false.').transform((v) => v === 'true').optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  pageSize: z.coerce.number().int('Phải là số nguyên.').min(1).max(200).default(50),
  pageToken: z.string().max(2000).regex(/^[\w-]+\.[\w-]+$/, 'Mã trang không hợp lệ.').optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

const text = (max: number, required: string) => z.string().trim().min(1, required).max(max, `Tối đa ${max} ký tự.`);

export const progressSchema = z.object({
  percent: z.number('Cần tỷ lệ hoàn thành (số).').int('Phải là số nguyên.').min(0, 'Từ 0 đến 100.').max(100, 'Từ 0 đến 100.'),
  note: text(2000, 'Cần nội dung báo cáo tiến độ.'),
});
export const completeSchema = z.object({ evidence: text(2000, 'Cần minh chứng hoàn thành.') });
export const extendSchema = z.object({
  newDue: isoDate,
  reason: text(1000, 'Cần lý do gia hạn.'),
  approvedBy: z.string().trim().max(200).optional().describe('Người phê duyệt; mặc định là người gửi'),
});
export const reassignSchema = z.object({ toAgency: idText, reason: text(1000, 'Cần lý do chuyển giao.') });
export const reasonSchema = z.object({ reason: text(1000, 'Cần lý do.') });
export const emptySchema = z.object({}).strict();

export const taskSummarySchema = z.object({
  workflowId: z.string(),
  planId: z.string().nullable(),
  taskId: z.string().nullable(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable().describe('Tên cơ quan đang chủ trì (theo danh mục hôm nay)'),
  status: z.string().nullable(),
  dueDate: z.string().nullable().describe('Ngày đến hạn (YYYY-MM-DD, giờ Việt Nam)'),
  daysOverdue: z.number().nullable(),
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
  status: z.enum(TASK_STATUSES),
  acknowledged: z.boolean(),
  paused: z.boolean(),
  cycle: z.number().int(),
  cycleKind: z.enum(['deadline', 'progress']).nullable(),
  dueDate: z.string().nullable(),
  progressPercent: z.number().nullable(),
  nextReminderAt: z.number().nullable(),
  nextReminderStep: z.string().nullable(),
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
