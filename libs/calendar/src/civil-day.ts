// Arithmetic on civil dates ("YYYY-MM-DD", a day in Vietnam with no time and
// no zone). Days are counted as Julian Day Numbers so that calendar and
// astronomy code share one integer scale; no Date object or time zone is
// involved, which keeps the results identical on every machine.
import { isValidDayMonth, type IsoDate } from '@dondoc/domain';

/** Julian Day Number of 1970-01-01. */
const JDN_OF_UNIX_EPOCH = 2440588;
const MS_PER_DAY = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && isValidDayMonth(Number(match[3]), Number(match[2]), Number(match[1]));
}

export function parseIsoDate(value: IsoDate): CivilDate {
  const match = ISO_DATE.exec(value);
  const date = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!date || !isValidDayMonth(date.day, date.month, date.year)) {
    throw new RangeError(`not a calendar date "YYYY-MM-DD": "${value}"`);
  }
  return date;
}

export function formatIsoDate({ year, month, day }: CivilDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Julian Day Number of a civil date. */
export function dayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY + JDN_OF_UNIX_EPOCH;
}

export function fromDayNumber(jdn: number): IsoDate {
  return new Date((jdn - JDN_OF_UNIX_EPOCH) * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

export function weekdayOf(date: IsoDate): Weekday {
  return ((dayNumber(date) + 1) % 7) as Weekday;
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}
