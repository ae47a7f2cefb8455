import { CONTACT_CHANNELS, CONTACT_ROLES } from '@dondoc/domain';
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
  effective: z.string(),
  alreadyInEffect: z.boolean().describe('Danh mục đã có lần sáp nhập này (trong seeds hoặc ghi nhận trước đó)'),
  since: z.string().describe('Ngày hiệu lực của lần sáp nhập trong danh mục'),
  recorded: z.boolean().describe('Lần gọi này đã ghi lần sáp nhập vào danh mục'),
  holder: z.string().describe('Cơ quan nhận nhiệm vụ hôm nay (into, hoặc cơ quan kế thừa của into)'),
  reassigned: z.array(z.string()).describe('Nhiệm vụ chuyển nguyên cho cơ quan tiếp nhận'),
  merged: z.array(z.object({ workflowId: z.string(), continuesIn: z.string() })).describe('Nhiệm vụ cơ quan tiếp nhận đã có: gộp vào nhiệm vụ đó, nhiệm vụ cũ đóng lại'),
  failed: z.array(z.object({ workflowId: z.string(), reason: z.string() })),
  message: z.string(),
});

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM, ví dụ 11:30.');
const quietHoursSchema = z.strictObject({ from: hhmm, to: hhmm }).describe('Giờ không làm phiền (giờ Việt Nam)');
const channelsSchema = z.array(z.enum(CONTACT_CHANNELS, `Kênh phải là một trong: ${CONTACT_CHANNELS.join(', ')}.`)).min(1, 'Cần ít nhất một kênh.');

export const contactSchema = z.object({
  id: z.string().describe('Mã người liên hệ (dùng được thay cho vai trò trong đường dẫn)'),
  role: z.enum(CONTACT_ROLES).describe('head: thủ trưởng; focal: đầu mối theo dõi'),
  name: z.string(),
  title: z.string().describe('Chức vụ'),
  email: z.string(),
  phone: z.string().nullable(),
  zaloUserId: z.string().nullable(),
  channels: z.array(z.enum(CONTACT_CHANNELS)).nullable().describe('Kênh nhận nhắc việc; null: theo cơ quan'),
  quietHours: quietHoursSchema.nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

const legacyFocalSchema = z.object({ name: z.string(), title: z.string(), email: z.string(), phone: z.string().nullable() }).nullable();

const agencySummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  aliases: z.array(z.string()),
  contacts: z.array(contactSchema),
  focal: legacyFocalSchema.describe('Đầu mối (như contacts[role=focal]; giữ cho ứng dụng cũ)'),
});

const reorganisationSchema = z.object({
  kind: z.string(),
  from: z.array(z.string()),
  into: z.string().nullable(),
  effective: z.string(),
  source: z.enum(['seeds', 'api']).describe('seeds: trong seeds/agencies.yaml; api: ghi nhận qua POST /agencies/merge'),
});

export const directorySchema = z.object({
  agencies: z.array(agencySummarySchema),
  groups: z.array(z.object({ id: z.string(), name: z.string(), members: z.array(z.string()) })),
  reorganisations: z.array(reorganisationSchema),
});

export const agencyDetailSchema = agencySummarySchema.extend({
  preferences: z.object({ channels: z.array(z.enum(CONTACT_CHANNELS)), quietHours: quietHoursSchema.nullable() }).nullable(),
  groups: z.array(z.string()).describe('Các nhóm có cơ quan này'),
  successor: z
    .object({ id: z.string(), name: z.string(), since: z.string() })
    .nullable()
    .describe('Cơ quan đang giữ nhiệm vụ của cơ quan này hôm nay (sau sáp nhập, đổi tên); null nếu vẫn hoạt động'),
  dissolved: z.string().nullable().describe('Lý do, khi cơ quan giải thể không có cơ quan kế thừa'),
});

const contactText = (max: number, what: string) => z.string().trim().min(1, `Cần ${what}.`).max(max, `Tối đa ${max} ký tự.`);

/** Only the fields given change; null clears a field that may be empty. */
export const contactPatchSchema = z
  .strictObject({
    name: contactText(200, 'họ tên').optional(),
    title: contactText(200, 'chức vụ').optional(),
    email: z.email('Email không hợp lệ.').max(254).optional(),
    phone: z.string().regex(/^\+?[0-9 .]{8,15}$/, 'Số điện thoại chỉ gồm chữ số (có thể bắt đầu bằng +), 8–15 ký tự.').nullable().optional(),
    zaloUserId: z.string().regex(/^\d{6,30}$/, 'Mã người dùng Zalo chỉ gồm chữ số, 6–30 ký tự.').nullable().optional(),
    channels: channelsSchema.nullable().optional().describe('null: theo cơ quan'),
    quietHours: quietHoursSchema.nullable().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Cần ít nhất một trường để sửa.' });
export type ContactPatch = z.infer<typeof contactPatchSchema>;

export const contactParamSchema = z
  .string()
  .regex(/^(?:head|focal|\d{1,18})$/, 'Phải là head, focal hoặc mã người liên hệ (số).')
  .describe('head, focal hoặc mã người liên hệ');

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
