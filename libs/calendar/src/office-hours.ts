// When public bodies answer: periods of a working day in local time. Checked
// once when a calendar is built, then kept as minutes after midnight.
import { IANAZone } from 'luxon';

export interface OfficePeriod {
  /** "07:30", local time. */
  readonly start: string;
  /** "11:30", local time; the period ends just before it ("24:00" is the end of the day). */
  readonly end: string;
}

export interface OfficeHours {
  /** IANA zone name. @defaultValue 'Asia/Ho_Chi_Minh' */
  readonly timeZone: string;
  /** Non-overlapping periods of a working day, in order. */
  readonly periods: readonly OfficePeriod[];
}

/** Office hours of public bodies: 07:30–11:30 and 13:30–17:00 in Vietnam. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  timeZone: 'Asia/Ho_Chi_Minh',
  periods: [
    { start: '07:30', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
};

/** A period as minutes after local midnight. */
export interface OfficeMinutes {
  readonly start: number;
  readonly end: number;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const END_OF_DAY = '24:00';

function minutesOf(time: string, { end }: { end: boolean }): number {
  if (end && time === END_OF_DAY) return 24 * 60;
  const match = HH_MM.exec(time);
  if (!match) throw new RangeError(`office hours: "${time}" is not a time "HH:mm"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Validates office hours; throws RangeError naming the bad value. */
export function officeMinutes(hours: OfficeHours): OfficeMinutes[] {
  if (!IANAZone.isValidZone(hours.timeZone)) throw new RangeError(`office hours: unknown time zone "${hours.timeZone}"`);
  if (hours.periods.length === 0) throw new RangeError('office hours: at least one period is needed');
  const periods = hours.periods.map(({ start, end }) => ({ start: minutesOf(start, { end: false }), end: minutesOf(end, { end: true }) }));
  periods.forEach((period, index) => {
    const { start, end } = hours.periods[index] ?? { start: '', end: '' };
    if (period.start >= period.end) throw new RangeError(`office hours: ${start}–${end} ends before it starts`);
    const previous = periods[index - 1];
    if (previous && period.start < previous.end) {
      throw new RangeError(`office hours: ${start}–${end} overlaps or precedes the period before it`);
    }
  });
  return periods;
}
