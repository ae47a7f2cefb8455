// How dates and calendar entries read in Vietnamese, shared by the CLI and any
// other place that shows the calendar to officials.
import type { IsoDate } from '@dondoc/domain';

import { parseIsoDate, weekdayOf } from './civil-day';
import type { DayOffKind, HolidaySource } from './holiday';
import type { LunarDate } from './lunar-calendar';

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

const KINDS: Readonly<Record<DayOffKind, string>> = {
  holiday: 'nghỉ lễ',
  compensatory: 'nghỉ bù',
  swapped: 'nghỉ hoán đổi',
  extra: 'nghỉ thêm',
};

/** "25/01/2025" */
export function formatVietnameseDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** "Thứ Bảy", "Chủ nhật" */
export function vietnameseWeekday(date: IsoDate): string {
  return WEEKDAYS[weekdayOf(date)];
}

/** "1/1 âm lịch", "15/6 nhuận âm lịch" */
export function formatLunarDate(lunar: LunarDate): string {
  return `${lunar.day}/${lunar.month}${lunar.leap ? ' nhuận' : ''} âm lịch`;
}

export function dayOffKindLabel(kind: DayOffKind): string {
  return KINDS[kind];
}

/** "tính toán" for the computed calendar; "công bố: <document>" for an announcement. */
export function sourceLabel(source: HolidaySource, document?: string): string {
  return source === 'computed' ? 'tính toán' : `công bố: ${document ?? 'không rõ văn bản'}`;
}
