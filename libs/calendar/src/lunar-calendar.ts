// The Vietnamese lunar calendar (âm lịch): the Chinese lunisolar rules applied
// at the meridian 105°E (UTC+7), which is what makes it differ from the Chinese
// calendar (UTC+8) in some years, e.g. Tết 2030 is 2 February in Vietnam and
// 3 February in China.
//
// Rules: a month starts on the local day of a new moon; month 11 is the month
// that contains the December solstice; when 13 months separate two months 11,
// the first of them without a principal solar term (trung khí, a multiple of
// 30° of solar longitude) is a leap month and repeats the number before it.
//
// @dqcai/vn-lunar implements the same rules, but its CommonJS entry is
// obfuscated with anti-tamper code that hangs once swc/Jest re-prints it and
// throws under Node's require(); it serves as the oracle in the tests instead.
import type { IsoDate } from '@dondoc/domain';

import {
  decemberSolsticeJde,
  lunationNear,
  newMoonJde,
  sunLongitude,
  toTerrestrialTime,
  toUniversalTime,
} from './astronomy';
import { dayNumber, fromDayNumber, yearOf } from './civil-day';

/** Hours east of UTC of Vietnam's legal time, which fixes where lunar days begin. */
const VIETNAM_UTC_OFFSET_HOURS = 7;

/** Years computed: Vietnam's lunar calendar has used UTC+7 since 1968; ΔT is modelled to 2199. */
export const LUNAR_YEARS = { from: 1968, to: 2199 } as const;

export interface LunarDate {
  readonly day: number;
  /** 1–12 */
  readonly month: number;
  readonly year: number;
  /** A leap month (tháng nhuận) repeats the number of the month before it. */
  readonly leap: boolean;
}

/** Local (UTC+7) Julian Day Number of the day on which lunation k begins. */
function newMoonDay(k: number): number {
  return Math.floor(toUniversalTime(newMoonJde(k)) + 0.5 + VIETNAM_UTC_OFFSET_HOURS / 24);
}

/** The lunation in progress on a local day. */
function lunationOfDay(jdn: number): number {
  let k = lunationNear(jdn);
  while (newMoonDay(k) > jdn) k -= 1;
  while (newMoonDay(k + 1) <= jdn) k += 1;
  return k;
}

/** Index (0–11) of the 30° sector of solar longitude at the start of a local day. */
function solarSectorAtStartOf(jdn: number): number {
  const midnightUt = jdn - 0.5 - VIETNAM_UTC_OFFSET_HOURS / 24;
  return Math.floor(sunLongitude(toTerrestrialTime(midnightUt)) / 30);
}

const month11Cache = new Map<number, number>();

/** Lunation of month 11 of a Gregorian year: the month containing its December solstice. */
function month11Lunation(year: number): number {
  const cached = month11Cache.get(year);
  if (cached !== undefined) return cached;
  const solsticeDay = Math.floor(toUniversalTime(decemberSolsticeJde(year)) + 0.5 + VIETNAM_UTC_OFFSET_HOURS / 24);
  const k = lunationOfDay(solsticeDay);
  month11Cache.set(year, k);
  return k;
}

/** The lunations from month 11 of `year - 1` up to (not including) month 11 of `year`, and its leap month if any. */
interface LunarSpan {
  readonly first: number;
  readonly next: number;
  /** Lunation of the leap month, or null in a 12-month span. */
  readonly leap: number | null;
}

const spanCache = new Map<number, LunarSpan>();

function spanEndingIn(year: number): LunarSpan {
  const cached = spanCache.get(year);
  if (cached) return cached;
  const first = month11Lunation(year - 1);
  const next = month11Lunation(year);
  let leap: number | null = null;
  if (next - first === 13) {
    for (let k = first + 1; k < next; k += 1) {
      if (solarSectorAtStartOf(newMoonDay(k)) === solarSectorAtStartOf(newMoonDay(k + 1))) {
        leap = k;
        break;
      }
    }
  }
  const span = { first, next, leap };
  spanCache.set(year, span);
  return span;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_YEARS.from || year > LUNAR_YEARS.to) {
    throw new RangeError(`lunar calendar year ${year} is outside ${LUNAR_YEARS.from}–${LUNAR_YEARS.to}`);
  }
}

/** The lunar date of a civil day in Vietnam. */
export function lunarDateOf(date: IsoDate): LunarDate {
  const gregorianYear = yearOf(date);
  assertYear(gregorianYear);
  const jdn = dayNumber(date);
  const k = lunationOfDay(jdn);
  // Months 11 and 12 that start in late December belong to the span ending next year.
  const spanYear = k >= month11Lunation(gregorianYear) ? gregorianYear + 1 : gregorianYear;
  const span = spanEndingIn(spanYear);
  const offset = k - span.first;
  const counted = span.leap !== null && k >= span.leap ? offset - 1 : offset;
  return {
    day: jdn - newMoonDay(k) + 1,
    month: ((counted + 10) % 12) + 1,
    year: counted <= 1 ? spanYear - 1 : spanYear,
    leap: k === span.leap,
  };
}

/** The civil day of a lunar date; throws if that date does not exist (e.g. a 30th in a 29-day month). */
export function solarDateOfLunar(lunar: Omit<LunarDate, 'leap'> & { readonly leap?: boolean }): IsoDate {
  const { day, month, year, leap = false } = lunar;
  assertYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`lunar month ${month} does not exist`);
  // Months 11 and 12 of lunar year Y lie in the span that ends in Gregorian year Y + 1.
  const span = month >= 11 ? spanEndingIn(year + 1) : spanEndingIn(year);
  const counted = month >= 11 ? month - 11 : month + 1;
  let k: number;
  if (leap) {
    if (span.leap === null || span.leap - span.first !== counted + 1) {
      throw new RangeError(`lunar year ${year} has no leap month ${month}`);
    }
    k = span.leap;
  } else {
    k = span.first + counted + (span.leap !== null && span.first + counted >= span.leap ? 1 : 0);
  }
  const start = newMoonDay(k);
  const length = newMoonDay(k + 1) - start;
  if (!Number.isInteger(day) || day < 1 || day > length) {
    throw new RangeError(`lunar month ${month}${leap ? ' (leap)' : ''} of ${year} has ${length} days, not day ${day}`);
  }
  return fromDayNumber(start + day - 1);
}

/** Mùng 1 Tết: the first day of the first lunar month of a year. */
export function lunarNewYear(year: number): IsoDate {
  return solarDateOfLunar({ day: 1, month: 1, year });
}
