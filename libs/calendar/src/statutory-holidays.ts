// The public holidays of Bộ luật Lao động 2019, Điều 112, computed for a year
// before any government announcement: the defaults the Prime Minister usually
// confirms, which seeds/calendar overrides where he decided otherwise.
import type { IsoDate } from '@dondoc/domain';

import { addDays, formatIsoDate, weekdayOf } from './civil-day';
import { OCCASION_NAMES, type DayOff, type Occasion } from './holiday';
import { lunarNewYear, solarDateOfLunar } from './lunar-calendar';

/** The labour code of 2019 took effect on 1/1/2021; the lunar calendar is computed to 2199. */
export const CALENDAR_YEARS = { from: 2021, to: 2199 } as const;

export function assertCalendarYear(year: number): void {
  if (!Number.isInteger(year) || year < CALENDAR_YEARS.from || year > CALENDAR_YEARS.to) {
    throw new RangeError(`calendar year ${year} is outside ${CALENDAR_YEARS.from}–${CALENDAR_YEARS.to}`);
  }
}

/**
 * Tết: five days, by default the last day of the old lunar year and the first
 * four of the new one (the Prime Minister may pick another split each year).
 */
export function tetDays(year: number): IsoDate[] {
  const newYear = lunarNewYear(year);
  return [-1, 0, 1, 2, 3].map((offset) => addDays(newYear, offset));
}

/**
 * 2/9 plus one adjacent day. The default joins the pair to a weekend, as the
 * announcements since 2021 did: 1/9 when 2/9 is a Tuesday, Friday or Saturday,
 * 3/9 otherwise (Monday, Thursday; Sunday and Wednesday have no bridge).
 */
export function nationalDayCompanion(year: number): IsoDate {
  const weekday = weekdayOf(formatIsoDate({ year, month: 9, day: 2 }));
  const before = weekday === 2 || weekday === 5 || weekday === 6;
  return formatIsoDate({ year, month: 9, day: before ? 1 : 3 });
}

export function statutoryHolidays(year: number): DayOff[] {
  assertCalendarYear(year);
  const fixed = (month: number, day: number): IsoDate => formatIsoDate({ year, month, day });
  const days: Array<[IsoDate, Occasion]> = [
    [fixed(1, 1), 'new-year'],
    ...tetDays(year).map((date): [IsoDate, Occasion] => [date, 'tet']),
    [solarDateOfLunar({ day: 10, month: 3, year }), 'hung-kings'],
    [fixed(4, 30), 'victory-day'],
    [fixed(5, 1), 'labour-day'],
    [fixed(9, 2), 'national-day'],
    [nationalDayCompanion(year), 'national-day'],
  ];
  return days
    .map(([date, occasion]): DayOff => ({
      date,
      name: OCCASION_NAMES[occasion],
      occasion,
      kind: 'holiday',
      source: 'computed',
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
