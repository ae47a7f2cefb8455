import { STAFF_ROLES } from '@dondoc/auth';
import { z } from 'zod';

export const loginSchema = z.object({
  email: z.email('Email không hợp lệ.').max(254),
  password: z.string().min(1, 'Cần mật khẩu.').max(200),
});

export const sessionSchema = z.object({
  token: z.string().describe('JWT; gửi trong header Authorization: Bearer <token>'),
  expiresAt: z.string().describe('Thời điểm hết hạn (ISO 8601)'),
  user: z.object({ email: z.string(), role: z.enum(STAFF_ROLES), agencyId: z.string().nullable() }),
});

export const meSchema = z.object({ actor: z.string(), role: z.enum(STAFF_ROLES), agencyId: z.string().nullable() });
