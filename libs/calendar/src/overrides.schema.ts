// The shape of seeds/calendar/<year>.yaml: what the government announced for
// a year, which takes precedence over the computed calendar. Messages are in
// Vietnamese because the people who type these files read them.
import type { IsoDate } from '@dondoc/domain';
import { z } from 'zod';

import { isIsoDate, isWeekend, yearOf } from './civil-day';
import { DAY_OFF_KINDS, OCCASIONS } from './holiday';
import { CALENDAR_YEARS } from './statutory-holidays';

const isoDate = z.string().refine(isIsoDate, { message: 'phải là một ngày có thật, viết YYYY-MM-DD' });
const documentId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'mã văn bản viết thường, không dấu, nối bằng "-"' });
const text = z.string().trim().min(1);

const dayOffSchema = z.strictObject({
  date: isoDate,
  occasion: z.enum(OCCASIONS),
  kind: z.enum(DAY_OFF_KINDS),
  /** Defaults to the occasion's name. */
  name: text.optional(),
  /** Key into `documents`. */
  document: documentId,
  note: text.optional(),
});

const workingDaySchema = z.strictObject({
  date: isoDate,
  name: text.optional(),
  /** The day off this weekend day pays back. */
  replaces: isoDate.optional(),
  document: documentId,
  note: text.optional(),
});

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'giờ viết HH:mm, từ 00:00 đến 23:59' });
const officePeriodSchema = z.strictObject({
  start: time,
  /** "24:00" ends the period at midnight. */
  end: z.union([time, z.literal('24:00')], { message: 'giờ viết HH:mm, từ 00:01 đến 24:00' }),
});

const shape = z.strictObject({
  year: z.number().int().min(CALENDAR_YEARS.from).max(CALENDAR_YEARS.to),
  /** Announcing documents by a short id, e.g. `vpcp-8726-2024: "Công văn 8726/VPCP-KGVX …"`. */
  documents: z.record(documentId, text),
  /** Occasions whose computed days are dropped: the announcement lists them in full. */
  replaces: z.array(z.enum(OCCASIONS)).default([]),
  daysOff: z.array(dayOffSchema).default([]),
  /** Weekend days worked instead of a day off (làm bù). */
  workingDays: z.array(workingDaySchema).default([]),
  /** Office hours for this year where the province sets its own (e.g. summer hours); else the default 07:30–11:30, 13:30–17:00. */
  officeHours: z.array(officePeriodSchema).min(1, { message: 'cần ít nhất một buổi làm việc' }).optional(),
});

export const calendarOverridesSchema = shape.superRefine(crossCheck, {
  // Cross-entry rules need well-formed entries (real dates, known kinds).
  when: (payload) => payload.issues.length === 0,
});

/** Rules across entries, checked once every field is well formed. */
function crossCheck(value: z.output<typeof shape>, ctx: z.RefinementCtx): void {
  const issue = (path: Array<string | number>, message: string): void => {
    ctx.addIssue({ code: 'custom', path, message });
  };
  if (Object.keys(value.documents).length === 0) issue(['documents'], 'cần ít nhất một văn bản công bố');

  const offAt = new Map<IsoDate, number>();
  value.daysOff.forEach((day, index) => {
    const path = ['daysOff', index];
    if (yearOf(day.date) !== value.year) issue([...path, 'date'], `ngày ${day.date} không thuộc năm ${value.year}`);
    const earlier = offAt.get(day.date);
    if (earlier !== undefined) issue([...path, 'date'], `ngày ${day.date} đã có ở daysOff[${earlier}]`);
    else offAt.set(day.date, index);
    if (!Object.hasOwn(value.documents, day.document)) {
      issue([...path, 'document'], `văn bản "${day.document}" chưa khai báo trong documents`);
    }
    if (day.kind === 'swapped' && isWeekend(day.date)) {
      issue([...path, 'kind'], `ngày nghỉ hoán đổi ${day.date} phải là ngày làm việc (thứ Hai – thứ Sáu)`);
    }
    if (day.occasion === 'other' && day.name === undefined) issue([...path, 'name'], 'ngày nghỉ khác cần có tên');
  });

  const workedAt = new Set<IsoDate>();
  value.workingDays.forEach((day, index) => {
    const path = ['workingDays', index];
    if (yearOf(day.date) !== value.year) issue([...path, 'date'], `ngày ${day.date} không thuộc năm ${value.year}`);
    if (!isWeekend(day.date)) issue([...path, 'date'], `ngày làm bù ${day.date} phải là thứ Bảy hoặc Chủ nhật`);
    if (offAt.has(day.date)) issue([...path, 'date'], `ngày ${day.date} vừa là ngày nghỉ vừa là ngày làm bù`);
    if (workedAt.has(day.date)) issue([...path, 'date'], `ngày ${day.date} đã có trong workingDays`);
    workedAt.add(day.date);
    if (day.replaces !== undefined && !offAt.has(day.replaces)) {
      issue([...path, 'replaces'], `ngày ${day.replaces} không có trong daysOff`);
    }
    if (!Object.hasOwn(value.documents, day.document)) {
      issue([...path, 'document'], `văn bản "${day.document}" chưa khai báo trong documents`);
    }
  });

  value.officeHours?.forEach((period, index) => {
    if (period.start >= period.end) issue(['officeHours', index, 'end'], `buổi ${period.start}–${period.end} kết thúc trước khi bắt đầu`);
    const previous = value.officeHours?.[index - 1];
    if (previous && period.start < previous.end) issue(['officeHours', index, 'start'], `buổi ${period.start}–${period.end} phải bắt đầu sau khi buổi trước kết thúc (${previous.end})`);
  });

  value.replaces.forEach((occasion, index) => {
    if (!value.daysOff.some((day) => day.occasion === occasion && day.kind === 'holiday')) {
      issue(['replaces', index], `thay lịch "${occasion}" nhưng daysOff không có ngày nghỉ lễ nào của dịp này`);
    }
  });
}

/** A validated announcement for one year. */
export type CalendarOverrides = z.output<typeof calendarOverridesSchema>;
/** What a caller may write before defaults apply (e.g. in tests or an API). */
export type CalendarOverridesInput = z.input<typeof calendarOverridesSchema>;
