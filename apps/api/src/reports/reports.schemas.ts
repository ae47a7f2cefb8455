import { AGENCY_REPORT_STATUSES, freeText, REPORT_CYCLE_PHASES } from '@dondoc/contracts';
import { vietnamDate } from '@dondoc/policy';
import { CYCLE_KEY_PATTERN } from '@dondoc/reports-service';
import { z } from 'zod';

import { idText, isoDate } from '../tasks/task.schemas';

// Requests and responses of /reports: validation and the OpenAPI document both come from here.

export const cycleKeySchema = z
  .string()
  .regex(CYCLE_KEY_PATTERN, 'Kỳ báo cáo phải là năm (2026) hoặc mã kỳ đột xuất (2026-dx-<mã>).')
  .describe('Năm (kỳ hằng năm, ví dụ 2026) hoặc mã kỳ đột xuất (2026-dx-<mã>)');
export const yearSchema = z.string().regex(/^\d{4}$/, 'Năm phải gồm 4 chữ số, ví dụ 2026.').transform(Number);
export const fileKindSchema = z.enum(['docx', 'xlsx', 'json'], 'Loại tệp phải là docx, xlsx hoặc json.');
export { idText };

export const startCycleSchema = z
  .object({
    adHoc: z
      .object({
        id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Mã yêu cầu chỉ gồm chữ thường không dấu, số và "-" (tối đa 40 ký tự).'),
        title: freeText(300, 'Cần tiêu đề báo cáo đột xuất.'),
        unitDeadline: isoDate.refine((d) => d >= vietnamDate(Date.now()), 'Hạn báo cáo của các cơ quan không được trước hôm nay.'),
        aggregatorDeadline: isoDate,
      })
      .strict()
      .refine((a) => a.aggregatorDeadline > a.unitDeadline, { error: 'Hạn báo cáo tổng hợp phải sau hạn báo cáo của các cơ quan.', path: ['aggregatorDeadline'] })
      .optional()
      .describe('Báo cáo đột xuất với hạn riêng; bỏ trống để bắt đầu kỳ hằng năm'),
    deadlines: z
      .object({ unitDeadline: isoDate.optional(), aggregatorDeadline: isoDate.optional() })
      .strict()
      .optional()
      .describe('Hạn của kỳ hằng năm khác với hạn trong kế hoạch'),
  })
  .strict()
  .refine((body) => !(body.adHoc && body.deadlines), { error: 'Báo cáo đột xuất đặt hạn trong adHoc, không dùng deadlines.', path: ['deadlines'] });
export type StartCycleBody = z.infer<typeof startCycleSchema>;

export const returnSchema = z.object({ comment: freeText(2000, 'Cần nêu nội dung yêu cầu bổ sung, chỉnh sửa.') }).strict();
export const acceptSchema = z.object({ comment: freeText(2000).default('') }).strict();
export const approveSchema = z
  .object({
    generation: z
      .number({ error: 'Lần tổng hợp là một số nguyên dương, ví dụ 2.' })
      .int('Lần tổng hợp là một số nguyên dương, ví dụ 2.')
      .positive('Lần tổng hợp là một số nguyên dương, ví dụ 2.')
      .optional()
      .describe('Lần tổng hợp được phê duyệt (xem generations); mặc định lần mới nhất. Chỉ lần lập khi khóa sổ hoặc sau đó.'),
  })
  .strict();

export const filesQuerySchema = z
  .object({
    regenerate: z
      .enum(['true', 'false'], 'Phải là true hoặc false.')
      .transform((v) => v === 'true')
      .default(false)
      .describe('Tổng hợp lại từ các báo cáo đã nhận trước khi tải (chỉ quản trị viên)'),
    generation: z
      .string()
      .regex(/^[1-9]\d{0,5}$/, 'Lần tổng hợp là một số nguyên dương, ví dụ 1.')
      .transform(Number)
      .optional()
      .describe('Lần tổng hợp cần tải (xem generations trong tình trạng kỳ báo cáo), ví dụ bản đã gửi e-mail; mặc định bản mới nhất'),
  })
  .refine((q) => !(q.regenerate && q.generation !== undefined), { error: 'Tổng hợp lại tạo một lần tổng hợp mới; không dùng cùng generation.', path: ['generation'] });

export const startedCycleSchema = z.object({ workflowId: z.string(), cycleKey: z.string() });

export const agencyReportSchema = z.object({
  workflowId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  status: z.enum(AGENCY_REPORT_STATUSES).describe('requested: chưa gửi; submitted: chờ xem xét; returned: bị trả lại; accepted: đã tiếp nhận; missing: không gửi'),
  submissionId: z.string().nullable(),
  revision: z.number().int().nullable(),
  firstSubmittedAt: z.number().nullable(),
  lastSubmittedAt: z.number().nullable(),
  late: z.boolean().describe('Báo cáo đầu tiên gửi sau hạn của cơ quan'),
  dueDate: z.string().optional().describe('Hạn của cơ quan (YYYY-MM-DD): hạn của kỳ, hoặc hạn gia hạn khi đề nghị gửi sau hạn hoặc báo cáo bị trả lại'),
  requestedAt: z.number().nullable().optional().describe('Thời điểm gửi đề nghị báo cáo (epoch ms); null khi chưa gửi'),
  returns: z.number().int(),
  remindersSent: z.number().int(),
  nextReminderAt: z.number().nullable(),
  closed: z.boolean(),
});

export const reportReviewSchema = z.object({
  revision: z.number().int().describe('Lần gửi được xem xét'),
  decision: z.enum(['accepted', 'returned']).describe('accepted: tiếp nhận; returned: trả lại'),
  comment: z.string().nullable().describe('Ý kiến của Sở KH&CN (nội dung yêu cầu bổ sung, chỉnh sửa khi trả lại)'),
  by: z.string().nullable(),
  at: z.string().describe('ISO 8601'),
});

export const agencyReportViewSchema = agencyReportSchema.extend({
  lastReview: reportReviewSchema.nullable().describe('Lần xem xét gần nhất; vẫn giữ sau khi cơ quan gửi lại'),
  statusLabel: z.string().describe('Tình trạng bằng tiếng Việt'),
  dueDate: z.string().nullable().describe('Hạn gửi báo cáo (YYYY-MM-DD)'),
  overdue: z.boolean().describe('Đã quá hạn mà chưa có báo cáo được chấp nhận hoặc đang chờ xem xét'),
});

export const fileRefSchema = z.object({ kind: fileKindSchema, path: z.string(), sha256: z.string(), generation: z.number().int().optional() });

export const generationSchema = z.object({
  generation: z.number().int().describe('Lần tổng hợp: 1, 2, …'),
  createdAt: z.number().describe('Epoch ms'),
  emailed: z.boolean().describe('Bản đã gửi e-mail cho cơ quan nhận báo cáo'),
  files: z.array(fileRefSchema),
});

export const cycleStatusSchema = z.object({
  workflowId: z.string(),
  planId: z.string(),
  cycleKey: z.string(),
  year: z.number().int(),
  title: z.string().nullable(),
  phase: z
    .enum(REPORT_CYCLE_PHASES)
    .describe('preparing, collecting: đang nhận báo cáo; consolidating; awaiting-approval: chờ Sở KH&CN phê duyệt; approved: đang gửi; completed: đã gửi; not-requested: khóa sổ khi chưa gửi được đề nghị nào'),
  unitDeadline: z.string().nullable(),
  aggregatorDeadline: z.string().nullable(),
  closesAt: z.number().nullable(),
  agencies: z.array(agencyReportViewSchema).describe('Cán bộ cơ quan chỉ thấy cơ quan của mình'),
  files: z.array(fileRefSchema).describe('Các tệp kỳ báo cáo đã tổng hợp và gửi e-mail khi đến hạn'),
  generations: z.array(generationSchema).describe('Mọi lần tổng hợp, cũ trước mới sau'),
  emailMessageId: z.string().nullable(),
  signOff: z
    .object({
      generation: z.number().int().describe('Lần tổng hợp lập khi khóa sổ, trình phê duyệt'),
      requestedAt: z.number().describe('Epoch ms'),
      requestedFrom: z.array(z.string()).describe('Địa chỉ đã nhận thư đề nghị phê duyệt'),
      approvalDueAt: z.number().describe('Epoch ms: chưa phê duyệt đến lúc này thì báo lãnh đạo Sở KH&CN'),
      escalatedAt: z.number().nullable(),
      escalatedTo: z.array(z.string()),
      approval: z.object({ generation: z.number().int(), by: z.string(), at: z.number() }).nullable().describe('Ai phê duyệt lần tổng hợp nào'),
    })
    .nullable()
    .optional()
    .describe('Phê duyệt báo cáo tổng hợp: có từ khi kỳ báo cáo khóa sổ'),
});

export const evidenceIdSchema = z.string().regex(/^\d{1,18}$/, 'Mã tệp minh chứng là một số.');
export const evidenceSchema = z.object({
  id: z.string(),
  cycleKey: z.string(),
  agencyId: z.string(),
  fileName: z.string().describe('Tên tệp như khi tải lên'),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  createdAt: z.string().describe('ISO 8601'),
  created: z.boolean().optional().describe('false khi đúng tệp này đã được đính kèm trước đó'),
});
export const evidenceListSchema = z.object({ items: z.array(evidenceSchema) });
