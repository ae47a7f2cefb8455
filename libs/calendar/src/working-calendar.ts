// The questions the rest of Đôn Đốc asks about time: is this a working day,
// what is n working days later, when do offices next open. Pure and
// deterministic (years are computed on demand and memoised), so the same
// object answers inside Temporal workflows and in `dondoc simulate`.
//
// Calendar days are ISO strings "YYYY-MM-DD" (a civil date in Vietnam: no
// time, no zone, compares as text); instants are epoch milliseconds or Date,
// and instants returned are epoch milliseconds (what Temporal's Date.now()
// and timers speak).
import type { IsoDate } from '@dondoc/domain';
import { DateTime } from 'luxon';

import { addDays, isWeekend, parseIsoDate, yearOf } from './civil-day';
import type { DayOff, YearCalendar } from './holiday';
import { DEFAULT_OFFICE_HOURS, officeMinutes, type OfficeHours, type OfficeMinutes } from './office-hours';
import type { CalendarOverrides } from './overrides.schema';
import { buildYearCalendar } from './year-calendar';

export type Instant = number | Date;

export interface WorkingCalendarOptions {
  /** The government's announcements, at most one per year (see `loadCalendarOverridesDir`). */
  readonly overrides?: readonly CalendarOverrides[];
  /** Hours for years whose overrides set none. @defaultValue DEFAULT_OFFICE_HOURS (07:30–11:30, 13:30–17:00, Asia/Ho_Chi_Minh) */
  readonly officeHours?: OfficeHours;
}

interface IndexedYear {
  readonly calendar: YearCalendar;
  /** The year's announced office hours, else the calendar's own. */
  readonly periods: readonly OfficeMinutes[];
  readonly off: ReadonlyMap<IsoDate, DayOff>;
  readonly worked: ReadonlySet<IsoDate>;
}

/** Long enough to cross any run of days off (Tết is at most a couple of weeks). */
const MAX_DAYS_SEARCHED = 366;

export class WorkingCalendar {
  readonly officeHours: OfficeHours;
  private readonly periods: readonly OfficeMinutes[];
  private readonly overridesByYear: ReadonlyMap<number, CalendarOverrides>;
  private readonly years = new Map<number, IndexedYear>();

  constructor(options: WorkingCalendarOptions = {}) {
    this.officeHours = options.officeHours ?? DEFAULT_OFFICE_HOURS;
    this.periods = officeMinutes(this.officeHours);
    const byYear = new Map<number, CalendarOverrides>();
    for (const overrides of options.overrides ?? []) {
      if (byYear.has(overrides.year)) throw new RangeError(`two sets of calendar overrides for ${overrides.year}`);
      byYear.set(overrides.year, overrides);
    }
    this.overridesByYear = byYear;
  }

  /** Days off (holidays, nghỉ bù, swapped and extra days) and làm bù days of a year, sorted by date. */
  holidaysOf(year: number): YearCalendar {
    return this.indexed(year).calendar;
  }

  /** The day off on a date, if any (weekends are not days off in this sense). */
  dayOffOn(date: IsoDate): DayOff | undefined {
    return this.indexed(yearOf(date)).off.get(date);
  }

  /** Monday–Friday that is not a day off, or a weekend day announced as làm bù. */
  isWorkingDay(date: IsoDate): boolean {
    const year = this.indexed(yearOf(date));
    if (year.worked.has(date)) return true;
    return !isWeekend(date) && !year.off.has(date);
  }

  /**
   * The date `n` working days after `date` (before it when `n` is negative),
   * not counting `date` itself: Friday + 1 is the next Monday, and a Saturday
   * + 1 is also that Monday. `n = 0` returns `date` unchanged.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: ${n} is not a whole number of days`);
    parseIsoDate(date);
    const step = n < 0 ? -1 : 1;
    let current = date;
    for (let remaining = Math.abs(n); remaining > 0; ) {
      current = addDays(current, step);
      if (this.isWorkingDay(current)) remaining -= 1;
    }
    return current;
  }

  /** The calendar day in the office time zone at an instant (23:00 UTC is already tomorrow in Vietnam). */
  dateOf(instant: Instant): IsoDate {
    return this.local(instant).toFormat('yyyy-MM-dd');
  }

  /** Whether offices are open at an instant: a working day, inside a period. */
  isOfficeMoment(instant: Instant): boolean {
    return this.nextOfficeMoment(instant) === toMillis(instant);
  }

  /** The first instant at or after `instant` inside office hours on a working day, in epoch milliseconds. */
  nextOfficeMoment(instant: Instant): number {
    const from = toMillis(instant);
    let day = this.local(from).startOf('day');
    for (let searched = 0; searched < MAX_DAYS_SEARCHED; searched += 1) {
      if (this.isWorkingDay(day.toFormat('yyyy-MM-dd'))) {
        for (const period of this.indexed(day.year).periods) {
          if (from < this.at(day, period.end)) return Math.max(from, this.at(day, period.start));
        }
      }
      day = day.plus({ days: 1 });
    }
    throw new RangeError(`no office hours within ${MAX_DAYS_SEARCHED} days of ${new Date(from).toISOString()}`);
  }

  /**
   * When offices close on a civil day: the end of its last office period
   * (17:00 by default), whether or not the day is a working day. A deadline
   * "by this day" holds until then.
   */
  officeDayEnd(date: IsoDate): number {
    const { year } = parseIsoDate(date);
    const periods = this.indexed(year).periods;
    const day = DateTime.fromISO(date, { zone: this.officeHours.timeZone }).startOf('day');
    return this.at(day, periods[periods.length - 1]!.end);
  }

  private indexed(year: number): IndexedYear {
    const cached = this.years.get(year);
    if (cached) return cached;
    const overrides = this.overridesByYear.get(year);
    const calendar = buildYearCalendar(year, overrides);
    const indexed: IndexedYear = {
      calendar,
      periods: overrides?.officeHours ? officeMinutes({ timeZone: this.officeHours.timeZone, periods: overrides.officeHours }) : this.periods,
      off: new Map(calendar.daysOff.map((day) => [day.date, day])),
      worked: new Set(calendar.swappedWorkingDays.map((day) => day.date)),
    };
    this.years.set(year, indexed);
    return indexed;
  }

  private local(instant: Instant): DateTime {
    return DateTime.fromMillis(toMillis(instant), { zone: this.officeHours.timeZone });
  }

  /** Epoch milliseconds of a local time of day, set on the wall clock so a DST shift cannot move it. */
  private at(day: DateTime, minutes: number): number {
    if (minutes === 24 * 60) return day.plus({ days: 1 }).startOf('day').toMillis();
    return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
  }
}

function toMillis(instant: Instant): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return ms;
}
