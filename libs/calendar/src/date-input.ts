// Dates that come from people (API bodies, CLI options, signals) are checked
// against what the working-day calendar can compute before anything uses them:
// a year it does not cover would otherwise throw deep inside a ladder.
import type { IsoDate } from '@dondoc/domain';

import { isIsoDate } from './civil-day';
import { CALENDAR_YEARS } from './statutory-holidays';

/** Why `value` is not a usable calendar date, in Vietnamese; null when it is one. */
export function calendarDateProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'Ngày phải có dạng YYYY-MM-DD.';
  if (!isIsoDate(value)) return `Ngày ${value} không tồn tại.`;
  const year = Number(value.slice(0, 4));
  if (year < CALENDAR_YEARS.from || year > CALENDAR_YEARS.to) {
    return `Năm ${year} nằm ngoài khoảng lịch làm việc hỗ trợ (${CALENDAR_YEARS.from}–${CALENDAR_YEARS.to}).`;
  }
  return null;
}

/** `value` as a checked calendar date, or a RangeError with the reason. */
export function checkedCalendarDate(value: unknown): IsoDate {
  const problem = calendarDateProblem(value);
  if (problem) throw new RangeError(problem);
  return value as IsoDate;
}
