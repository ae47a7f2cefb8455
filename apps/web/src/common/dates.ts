// Dates as Vietnamese offices write them (dd/mm/yyyy) and times in Vietnam's
// zone whatever the browser's own zone is. The API sends calendar days as
// YYYY-MM-DD and instants as epoch ms or ISO 8601.
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('vi');

export const VIETNAM_ZONE = 'Asia/Ho_Chi_Minh';

/** "2026-12-15" → "15/12/2026" (a calendar day: no zone conversion). */
export function formatDay(isoDay: string | null | undefined): string {
  if (!isoDay) return '—';
  const [year, month, day] = isoDay.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** An instant as "14:05 15/12/2026", in Vietnam's time. */
export function formatInstant(at: number | string | null | undefined): string {
  if (at === null || at === undefined) return '—';
  return dayjs(at).tz(VIETNAM_ZONE).format('HH:mm DD/MM/YYYY');
}

/** "Còn 12 ngày", "Đến hạn hôm nay", "Quá hạn 3 ngày" from days left (negative when overdue). */
export function daysLeftText(daysLeft: number | null | undefined): string {
  if (daysLeft === null || daysLeft === undefined) return 'Chưa có thời hạn';
  if (daysLeft > 0) return `Còn ${daysLeft} ngày`;
  if (daysLeft === 0) return 'Đến hạn hôm nay';
  return `Quá hạn ${-daysLeft} ngày`;
}

export { dayjs };
