import { z } from 'zod';

import { idText, isoDate } from '../tasks/task.schemas';

export const mergeSchema = z
  .object({
    from: idText.describe('Cơ quan bị sáp nhập'),
    into: idText.describe('Cơ quan tiếp nhận'),
    effective: isoDate.describe('Ngày hiệu lực (không sau hôm nay)'),
  })
  .refine((m) => m.from !== m.into, { path: ['into'], message: 'Cơ quan tiếp nhận phải khác cơ quan bị sáp nhập.' });

export const mergeResultSchema = z.object({
  from: z.string(),
  into: z.string(),
  reassigned: z.array(z.string()),
  failed: z.array(z.object({ workflowId: z.string(), reason: z.string() })),
});

const contactSchema = z.object({ name: z.string(), title: z.string(), email: z.string(), phone: z.string().nullable() }).nullable();

export const directorySchema = z.object({
  agencies: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string(), aliases: z.array(z.string()), focal: contactSchema })),
  groups: z.array(z.object({ id: z.string(), name: z.string(), members: z.array(z.string()) })),
  reorganisations: z.array(z.object({ kind: z.string(), from: z.array(z.string()), into: z.string().nullable(), effective: z.string() })),
});

export const calendarFeedQuerySchema = z.object({
  token: z.string().min(1, 'Thiếu mã đường dẫn.').max(2000).optional().describe('Mã đường dẫn lịch đã ký (thay cho phiên Bearer)'),
});

export const calendarLinkSchema = z.object({
  id: z.string().describe('Mã đường dẫn, dùng để thu hồi'),
  agencyId: z.string(),
  url: z.string().describe('Địa chỉ đăng ký lịch, dùng không cần đăng nhập'),
  expiresAt: z.string(),
});

export const calendarLinkListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      agencyId: z.string(),
      createdBy: z.string(),
      createdAt: z.string(),
      expiresAt: z.string(),
      lastUsedAt: z.string().nullable().describe('Lần ứng dụng lịch tải gần nhất'),
      revokedAt: z.string().nullable(),
      revokedBy: z.string().nullable(),
    }),
  ),
});
export const calendarLinkIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Mã đường dẫn lịch không hợp lệ.');
