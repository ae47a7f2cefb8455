// Building blocks shared by the plan and agency schemas. Objects are strict so
// a misspelt field is an error rather than silently ignored data.
import { daysInMonth, isValidDayMonth, type AgencyRef, type DayMonth } from '@dondoc/domain';
import { z } from 'zod';

import { parseDeadline } from '../deadline/parse-deadline';
import type { CustomIssueParams } from '../zod/vietnamese-issues';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Kebab-case ASCII id such as "so-khcn" or "kh-nq03-2025". */
export const idSchema = z
  .string()
  .regex(ID, { error: (issue) => `mã ${JSON.stringify(issue.input)} sai dạng: chỉ dùng chữ thường không dấu, chữ số và dấu "-", ví dụ "so-khcn"` });

/** Text that must say something. */
export const requiredTextSchema = z.string().refine((text) => text.trim() !== '', { error: 'không được để trống' });

/**
 * A verbatim table cell. YAML reads an unquoted `99` or `2026` as a number,
 * which is still the cell's text, so numbers are accepted and kept as written.
 */
export const cellTextSchema = z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string());

/** A row label: the TT column prints 1, 2, … but also "6.1" or "-". */
export const rowSchema = z.union([z.int().min(1), requiredTextSchema], {
  error: 'số thứ tự (TT) phải là số nguyên dương hoặc chuỗi như "6.1"',
});

/** A calendar year written as a number. */
export const yearSchema = z.int().min(1945).max(2100);

const issue = (code: CustomIssueParams['code'], message: string, path: PropertyKey[] = []) =>
  ({ code: 'custom', message, params: { code } satisfies CustomIssueParams, path }) as const;

/** "YYYY-MM-DD" naming a day that exists: 2025-02-30 is an error, 2024-02-29 is not. */
export const isoDateSchema = z.string().superRefine((value, ctx) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    ctx.addIssue(issue('invalid-date', `ngày "${value}" phải viết dạng YYYY-MM-DD, ví dụ 2025-03-01`));
    return;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValidDayMonth(day, month, year)) {
    const why = month < 1 || month > 12 ? 'tháng phải từ 1 đến 12' : `tháng ${month}/${year} chỉ có ${daysInMonth(month, year)} ngày`;
    ctx.addIssue(issue('invalid-date', `ngày không tồn tại "${value}" (${why})`));
  }
});

export const dayMonthSchema: z.ZodType<DayMonth> = z
  .strictObject({ day: z.int(), month: z.int() })
  .superRefine(({ day, month }, ctx) => {
    if (month < 1 || month > 12) {
      ctx.addIssue(issue('invalid-date', `tháng ${month} không tồn tại (tháng phải từ 1 đến 12)`, ['month']));
    } else if (!isValidDayMonth(day, month)) {
      ctx.addIssue(issue('invalid-date', `ngày ${day}/${month} không tồn tại (tháng ${month} có ${daysInMonth(month)} ngày)`, ['day']));
    }
  });

/** A cell naming agencies: its text verbatim and the agency or group ids it stands for. */
export const agencyRefSchema: z.ZodType<AgencyRef> = z.strictObject({
  text: cellTextSchema,
  agencies: z.array(idSchema),
});

/** A lead cell: a task without a lead has nobody to remind. */
export const leadRefSchema: z.ZodType<AgencyRef> = z.strictObject({
  text: requiredTextSchema,
  agencies: z.array(idSchema).min(1, { error: 'chưa ghi cơ quan chủ trì: danh sách agencies trống' }),
});

/** The deadline cell, parsed into its kind; the text stays in `raw`. */
export const deadlineSchema = cellTextSchema.transform((raw, ctx) => {
  const parsed = parseDeadline(raw);
  if (parsed.ok) return parsed.deadline;
  ctx.addIssue(issue('invalid-deadline', parsed.message));
  return z.NEVER;
});
