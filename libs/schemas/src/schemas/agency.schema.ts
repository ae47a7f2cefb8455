// The agency directory format of seeds/README.md. Rules across entries
// (unique ids and aliases, known members, cycles) live in libs/catalog.
import {
  AGENCY_KINDS,
  CONTACT_CHANNELS,
  DELIVERY_MODES,
  REORGANISATION_KINDS,
  type Agency,
  type AgencyDirectory,
  type AgencyGroup,
  type Contact,
  type ContactPreferences,
  type Reorganisation,
} from '@dondoc/domain';
import { z } from 'zod';

import type { CustomIssueParams } from '../zod/vietnamese-issues';
import { idSchema, isoDateSchema, requiredTextSchema } from './common.schema';

const phoneSchema = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number'
        ? `số điện thoại phải đặt trong dấu nháy, ví dụ "0${issue.input}", nếu không số 0 đầu bị mất`
        : undefined,
  })
  .regex(/^\+?[0-9 .]{8,15}$/, { error: 'số điện thoại chỉ gồm chữ số (có thể bắt đầu bằng +), 8–15 ký tự' });

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { error: 'giờ phải viết dạng HH:MM, ví dụ "11:30"' });

const preferencesSchema: z.ZodType<ContactPreferences> = z
  .strictObject({
    channels: z.array(z.enum(CONTACT_CHANNELS)).min(1),
    quietHours: z.strictObject({ from: hhmm, to: hhmm }).nullable().optional(),
    delivery: z.enum(DELIVERY_MODES, { error: 'cách nhận thư phải là "digest" (một thư tổng hợp mỗi ngày) hoặc "each" (mỗi lời nhắc một thư)' }).optional(),
  })
  .transform((preferences) => ({ ...preferences, quietHours: preferences.quietHours ?? null }));

/** A Zalo user id is the digits Zalo gives each user of an Official Account. */
const zaloUserIdSchema = z.string().regex(/^\d{6,30}$/, { error: 'mã người dùng Zalo (zaloUserId) chỉ gồm chữ số, 6–30 ký tự' });

const contactSchema: z.ZodType<Contact> = z
  .strictObject({
    name: requiredTextSchema,
    title: requiredTextSchema,
    email: z.email(),
    phone: phoneSchema.nullable().optional(),
    zaloUserId: zaloUserIdSchema.nullable().optional(),
    preferences: preferencesSchema.nullable().optional(),
  })
  .transform((contact) => ({ ...contact, phone: contact.phone ?? null, zaloUserId: contact.zaloUserId ?? null, preferences: contact.preferences ?? null }));

const agencySchema: z.ZodType<Agency> = z
  .strictObject({
    id: idSchema,
    code: requiredTextSchema,
    name: requiredTextSchema,
    kind: z.enum(AGENCY_KINDS),
    aliases: z.array(requiredTextSchema).optional(),
    head: contactSchema.nullable().optional(),
    focal: contactSchema.nullable().optional(),
    preferences: preferencesSchema.nullable().optional(),
  })
  .transform((agency) => ({
    ...agency,
    aliases: agency.aliases ?? [],
    head: agency.head ?? null,
    focal: agency.focal ?? null,
    preferences: agency.preferences ?? null,
  }));

const groupSchema: z.ZodType<AgencyGroup> = z
  .strictObject({
    id: idSchema,
    name: requiredTextSchema,
    aliases: z.array(requiredTextSchema).optional(),
    members: z.array(idSchema).min(1, { error: 'nhóm không có thành viên nào' }),
  })
  .transform((group) => ({ ...group, aliases: group.aliases ?? [] }));

const issue = (message: string, path: PropertyKey[]) =>
  ({ code: 'custom', message, path, params: { code: 'invalid-value' } satisfies CustomIssueParams }) as const;

const reorganisationSchema: z.ZodType<Reorganisation> = z
  .strictObject({
    kind: z.enum(REORGANISATION_KINDS),
    effective: isoDateSchema,
    from: z.array(idSchema).min(1, { error: 'chưa ghi cơ quan bị sắp xếp (from trống)' }),
    into: idSchema.nullable(),
    note: z.string().nullable().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'dissolve' && r.into !== null) ctx.addIssue(issue('giải thể (dissolve) không có cơ quan tiếp nhận: into phải là null', ['into']));
    if (r.kind !== 'dissolve' && r.into === null) ctx.addIssue(issue(`${r.kind === 'merge' ? 'sáp nhập (merge)' : 'đổi tên (rename)'} cần cơ quan tiếp nhận: into không được để null`, ['into']));
    if (r.kind === 'rename' && r.from.length !== 1) ctx.addIssue(issue('đổi tên (rename) chỉ áp dụng cho đúng một cơ quan trong from', ['from']));
  })
  .transform((r): Reorganisation => {
    const note = r.note ?? null;
    if (r.kind === 'dissolve' || r.into === null) return { kind: 'dissolve', effective: r.effective, from: r.from, into: null, note };
    return { kind: r.kind, effective: r.effective, from: r.from, into: r.into, note };
  });

export const agencyDirectorySchema: z.ZodType<AgencyDirectory> = z
  .strictObject({
    agencies: z.array(agencySchema).min(1, { error: 'danh mục không có cơ quan nào' }),
    groups: z.array(groupSchema).optional(),
    reorganisations: z.array(reorganisationSchema).optional(),
  })
  .transform((directory) => ({
    agencies: directory.agencies,
    groups: directory.groups ?? [],
    reorganisations: directory.reorganisations ?? [],
  }));
