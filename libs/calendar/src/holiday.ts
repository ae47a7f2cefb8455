// What the calendar says about a year: the days off (ngày nghỉ) and the
// weekend days worked instead (ngày làm bù), each with where it comes from.
import type { IsoDate } from '@dondoc/domain';

import type { LunarDate } from './lunar-calendar';

/** The public holidays of Bộ luật Lao động 2019, Điều 112, plus `other` for one-off announced days. */
export const OCCASIONS = ['new-year', 'tet', 'hung-kings', 'victory-day', 'labour-day', 'national-day', 'other'] as const;
export type Occasion = (typeof OCCASIONS)[number];

export const OCCASION_NAMES: Readonly<Record<Occasion, string>> = {
  'new-year': 'Tết Dương lịch',
  tet: 'Tết Nguyên Đán',
  'hung-kings': 'Giỗ Tổ Hùng Vương',
  'victory-day': 'Ngày Chiến thắng',
  'labour-day': 'Ngày Quốc tế Lao động',
  'national-day': 'Quốc khánh',
  other: 'Ngày nghỉ khác',
};

/** Occasions fixed on the lunar calendar, whose days carry their lunar date. */
export const LUNAR_OCCASIONS: ReadonlySet<Occasion> = new Set<Occasion>(['tet', 'hung-kings']);

export const DAY_OFF_KINDS = ['holiday', 'compensatory', 'swapped', 'extra'] as const;
/**
 * - `holiday`: a statutory holiday day (ngày nghỉ lễ, Tết);
 * - `compensatory`: nghỉ bù for a holiday that fell on a weekend (Điều 111 khoản 3);
 * - `swapped`: a working day given off and worked back on a weekend day (hoán đổi);
 * - `extra`: any other day off the government announces.
 */
export type DayOffKind = (typeof DAY_OFF_KINDS)[number];

/**
 * Occasions whose exact days the Prime Minister fixes every year: which five days
 * of Tết, and which day beside 2/9. Until announced, their computed days (and the
 * nghỉ bù owed for them) are an estimate.
 */
export const ANNOUNCED_YEARLY: ReadonlySet<Occasion> = new Set<Occasion>(['tet', 'national-day']);

/** `computed` from the labour code; `override` from an announcement in seeds/calendar. */
export type HolidaySource = 'computed' | 'override';

export interface DayOff {
  readonly date: IsoDate;
  /** Vietnamese, as printed for officials. */
  readonly name: string;
  readonly occasion: Occasion;
  readonly kind: DayOffKind;
  /** For holidays of a lunar occasion (Tết, Giỗ Tổ Hùng Vương). */
  readonly lunar?: LunarDate;
  /** For a compensatory day: the holiday it makes up for. */
  readonly compensatesFor?: IsoDate;
  readonly source: HolidaySource;
  /** The announcing document, for `source: 'override'`. */
  readonly document?: string;
  /**
   * A computed day the government has not announced yet (dự kiến): Tết, the day
   * beside 2/9 and their nghỉ bù in a year without an announcement of that occasion.
   */
  readonly provisional?: true;
}

/** A weekend day that is a working day because the government swapped it (làm bù). */
export interface SwappedWorkingDay {
  readonly date: IsoDate;
  readonly name: string;
  /** The day off this working day pays back, when the announcement says. */
  readonly replaces?: IsoDate;
  readonly source: 'override';
  readonly document: string;
}

export interface YearCalendar {
  readonly year: number;
  /** Sorted by date; weekends are not listed unless they are holidays. */
  readonly daysOff: readonly DayOff[];
  /** Sorted by date. */
  readonly swappedWorkingDays: readonly SwappedWorkingDay[];
}
