// Calendar dates as plain data. Dates in seeds are civil dates in Vietnam
// (no time, no zone), so an ISO "YYYY-MM-DD" string is the whole truth and
// compares correctly as text.

/** A civil date written "YYYY-MM-DD". */
export type IsoDate = string;

/** A day of the year without the year, e.g. the yearly report deadline 15/11. */
export interface DayMonth {
  readonly day: number;
  /** 1–12 */
  readonly month: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month; February counts 29 when no year is given, since 29/02 exists in some years. */
export function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDayMonth(day: number, month: number, year?: number): boolean {
  return (
    Number.isInteger(day) &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(month, year)
  );
}
