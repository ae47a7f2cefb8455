import { MIN_PASSWORD_LENGTH, STAFF_ROLES } from '@dondoc/auth';
import { z } from 'zod';

export const userIdSchema = z.uuid('Mã tài khoản không hợp lệ.').describe('Mã tài khoản (UUID, trong GET /users)');

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string().nullable(),
  role: z.enum(STAFF_ROLES),
  agencyId: z.string().nullable(),
  disabled: z.boolean(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export const userListSchema = z.object({ items: z.array(userSchema) });

export const resetRequestedSchema = z.object({
  email: z.string().describe('Địa chỉ đã nhận thư đặt lại mật khẩu'),
  expiresAt: z.string().describe('Đường dẫn hết hạn lúc (ISO 8601)'),
});

const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`)
  .max(200, 'Mật khẩu tối đa 200 ký tự.');

export const passwordResetSchema = z.strictObject({
  token: z.string().regex(/^[\w-]{43}$/, 'Mã đặt lại mật khẩu không hợp lệ.').describe('Mã trong đường dẫn của thư (phần #token=…)'),
  password: newPassword,
});

export const passwordChangeSchema = z
  .strictObject({ currentPassword: z.string().min(1, 'Cần mật khẩu hiện tại.').max(200), newPassword })
  .refine((body) => body.currentPassword !== body.newPassword, { path: ['newPassword'], message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' });
