// One year's days off and làm bù days: the statutory holidays, replaced or
// completed by the government's announcement for that year, plus nghỉ bù for
// computed holidays that fall on a weekend.
import type { IsoDate } from '@dondoc/domain';

import { compensatoryDays } from './compensatory-days';
import { ANNOUNCED_YEARLY, LUNAR_OCCASIONS, OCCASION_NAMES, type DayOff, type SwappedWorkingDay, type YearCalendar } from './holiday';
import { lunarDateOf } from './lunar-calendar';
import type { CalendarOverrides } from './overrides.schema';
import { assertCalendarYear, statutoryHolidays } from './statutory-holidays';
import { formatVietnameseDate } from './vietnamese-labels';

/**
 * Precedence: an occasion listed in `replaces` keeps only the announced days;
 * an announced day replaces a computed one on the same date; computed nghỉ bù
 * is skipped for an occasion whose nghỉ bù the announcement gives itself.
 */
export function buildYearCalendar(year: number, overrides?: CalendarOverrides): YearCalendar {
  assertCalendarYear(year);
  if (overrides && overrides.year !== year) {
    throw new RangeError(`overrides for ${overrides.year} cannot build the calendar of ${year}`);
  }
  const announced = overrides ? announcedDaysOff(overrides) : [];
  const announcedDates = new Set(announced.map((day) => day.date));
  const replaced = new Set(overrides?.replaces ?? []);
  const computed = statutoryHolidays(year).filter(
    (day) => !replaced.has(day.occasion) && !announcedDates.has(day.date),
  );

  const compensatedByAnnouncement = new Set(announced.filter((d) => d.kind === 'compensatory').map((d) => d.occasion));
  const off = new Set([...computed, ...announced].map((day) => day.date));
  const compensatory = compensatoryDays(
    computed.filter((day) => !compensatedByAnnouncement.has(day.occasion)),
    (date) => off.has(date),
  );

  return {
    year,
    daysOff: [...computed, ...announced, ...compensatory].map(withLunarDate).map(markProvisional).sort(byDate),
    swappedWorkingDays: overrides ? swappedWorkingDays(overrides).sort(byDate) : [],
  };
}

function announcedDaysOff(overrides: CalendarOverrides): DayOff[] {
  return overrides.daysOff.map((day) => ({
    date: day.date,
    name: day.name ?? defaultName(day.kind, OCCASION_NAMES[day.occasion]),
    occasion: day.occasion,
    kind: day.kind,
    source: 'override',
    document: overrides.documents[day.document],
  }));
}

function swappedWorkingDays(overrides: CalendarOverrides): SwappedWorkingDay[] {
  return overrides.workingDays.map((day) => ({
    date: day.date,
    name: day.name ?? (day.replaces ? `Làm bù cho ngày nghỉ ${formatVietnameseDate(day.replaces)}` : 'Làm bù'),
    ...(day.replaces ? { replaces: day.replaces } : {}),
    source: 'override',
    document: overrides.documents[day.document] ?? day.document,
  }));
}

function defaultName(kind: DayOff['kind'], occasionName: string): string {
  switch (kind) {
    case 'holiday':
      return occasionName;
    case 'compensatory':
      return `Nghỉ bù ${occasionName}`;
    case 'swapped':
      return `Nghỉ hoán đổi dịp ${occasionName}`;
    case 'extra':
      return `Nghỉ thêm dịp ${occasionName}`;
  }
}

/** 2/9 itself is fixed by law; the rest of a yearly-announced occasion is an estimate until announced. */
function markProvisional(day: DayOff): DayOff {
  if (day.source !== 'computed' || !ANNOUNCED_YEARLY.has(day.occasion)) return day;
  if (day.occasion === 'national-day' && day.kind === 'holiday' && day.date.endsWith('-09-02')) return day;
  return { ...day, provisional: true };
}

/** Holidays fixed on the lunar calendar show their lunar date; nghỉ bù and swapped days do not need it. */
function withLunarDate(day: DayOff): DayOff {
  return day.kind === 'holiday' && LUNAR_OCCASIONS.has(day.occasion) ? { ...day, lunar: lunarDateOf(day.date) } : day;
}

function byDate(a: { date: IsoDate }, b: { date: IsoDate }): number {
  return a.date.localeCompare(b.date);
}
