// @dondoc/calendar: Vietnamese working days, public holidays and office hours.
// Everything here is pure and safe in Temporal workflow code, except
// loadCalendarOverridesFile/Dir, which read seeds/calendar and need Node.
export { CALENDAR_YEARS } from './statutory-holidays';
export { isIsoDate, weekdayOf, type Weekday } from './civil-day';
export { calendarDateProblem, checkedCalendarDate } from './date-input';
export {
  ANNOUNCED_YEARLY,
  DAY_OFF_KINDS,
  LUNAR_OCCASIONS,
  OCCASION_NAMES,
  OCCASIONS,
  type DayOff,
  type DayOffKind,
  type HolidaySource,
  type Occasion,
  type SwappedWorkingDay,
  type YearCalendar,
} from './holiday';
export { LUNAR_YEARS, lunarDateOf, lunarNewYear, solarDateOfLunar, type LunarDate } from './lunar-calendar';
export { DEFAULT_OFFICE_HOURS, type OfficeHours, type OfficePeriod } from './office-hours';
export { CalendarOverridesError, formatOverridesIssue, type OverridesIssue } from './overrides-error';
export { loadCalendarOverridesDir, loadCalendarOverridesFile } from './overrides-file';
export { parseCalendarOverrides, validateCalendarOverrides } from './overrides-parse';
export { calendarOverridesSchema, type CalendarOverrides, type CalendarOverridesInput } from './overrides.schema';
export {
  dayOffKindLabel,
  formatLunarDate,
  formatVietnameseDate,
  sourceLabel,
  vietnameseWeekday,
} from './vietnamese-labels';
export { WorkingCalendar, type Instant, type WorkingCalendarOptions } from './working-calendar';
