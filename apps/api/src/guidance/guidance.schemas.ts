import { freeText, guidanceDateProblem } from '@dondoc/contracts';
import { vietnamDate } from '@dondoc/policy';
import { z } from 'zod';

import { DIGIT, LETTER } from '../common/text-patterns';
import { idText } from '../tasks/task.schemas';

export const documentNumberSchema = z
  .string()
  .trim()
  .min(1, 'Cần số văn bản.')
  .max(100, 'Tối đa 100 ký tự.')
  .regex(new RegExp(`^[${LETTER}${DIGIT}][${LETTER}${DIGIT}/.\\-_& ]*$`), 'Số văn bản chỉ gồm chữ, số và các ký tự / . - _ &.');

export const issueGuidanceSchema = z.object({
  documentNumber: documentNumberSchema.describe('Số văn bản, ví dụ 05/2025/TT-BKHCN'),
  date: z
    .string()
    .superRefine((date, ctx) => {
      const problem = guidanceDateProblem(date, vietnamDate(Date.now()));
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe('Ngày ban hành (YYYY-MM-DD): không sau hôm nay, không quá 5 năm trước'),
  issuer: freeText(200, 'Cần cơ quan ban hành.').default('Trung ương'),
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
