import type { IsoDate } from '@dondoc/domain';

/** What the ladder needs from the Vietnamese working-day calendar (libs/calendar implements it). */
export interface WorkingDayCalendar {
  isWorkingDay(date: IsoDate): boolean;
  /** n working days after (n < 0: before) the date; the date itself never counts. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** The first instant at or after `instant` (epoch ms) inside office hours of a working day. */
  nextOfficeMoment(instant: number): number;
}

const DAY_MS = 86_400_000;
/** Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The instant of a local Vietnamese wall-clock time on a civil date. */
export function vietnamInstant(date: IsoDate, time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return Date.parse(`${date}T00:00:00Z`) + ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000 - VIETNAM_OFFSET_MS;
}

/** The civil date in Vietnam at an instant. */
export function vietnamDate(instant: number): IsoDate {
  return new Date(instant + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last working day on or before the date. */
export function workingDayOnOrBefore(calendar: WorkingDayCalendar, date: IsoDate): IsoDate {
  return calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, -1);
}

/** The first working day on or after the date. */
export function workingDayOnOrAfter(calendar: WorkingDayCalendar, date: IsoDate): IsoDate {
  return calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, 1);
}
