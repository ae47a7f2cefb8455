import { z } from 'zod';

import { DIGIT, LETTER } from '../common/text-patterns';
import { idText, isoDate } from '../tasks/task.schemas';

export const documentNumberSchema = z
  .string()
  .trim()
  .min(1, 'Cần số văn bản.')
  .max(100, 'Tối đa 100 ký tự.')
  .regex(new RegExp(`^[${LETTER}${DIGIT}][${LETTER}${DIGIT}/.\\-_& ]*$`), 'Số văn bản chỉ gồm chữ, số và các ký tự / . - _ &.');

export const issueGuidanceSchema = z.object({
  documentNumber: documentNumberSchema.describe('Số văn bản, ví dụ 05/2025/TT-BKHCN'),
  date: isoDate.refine((d) => d <= new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()), 'Ngày ban hành không được sau hôm nay.'),
  issuer: z.string().trim().min(1, 'Cần cơ quan ban hành.').max(200).default('Trung ương'),
  link: z.url('Đường dẫn không hợp lệ.').max(1000).optional(),
  planId: idText.optional().describe('Chỉ các nhiệm vụ của kế hoạch này'),
  taskIds: z.array(idText).min(1, 'Cần ít nhất một nhiệm vụ.').max(500).optional().describe('Chỉ các nhiệm vụ này (mã nhiệm vụ trong kế hoạch)'),
});
export type IssueGuidance = z.infer<typeof issueGuidanceSchema>;

export const guidanceRunSchema = z.object({
  workflowId: z.string(),
  created: z.boolean().describe('false khi văn bản này đã được ghi nhận trước đó (yêu cầu lặp lại)'),
  status: z.string().describe('Trạng thái workflow phân phối: RUNNING, COMPLETED…'),
  result: z
    .object({ signalled: z.array(z.string()), missed: z.array(z.string()) })
    .nullable()
    .describe('Các nhiệm vụ đã nhận văn bản, khi phân phối xong'),
});
