// Quiet hours are local office time ("11:30"–"13:30" in Asia/Ho_Chi_Minh,
// the lunch break). A reminder due inside them waits until they end.
import type { QuietHours } from '@dondoc/domain';
import { DateTime } from 'luxon';

export const VIETNAM_ZONE = 'Asia/Ho_Chi_Minh';

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Milliseconds until the quiet hours around `nowMs` end; 0 outside them. Handles windows across midnight. */
export function quietHoursDelay(quiet: QuietHours | null, nowMs: number): number {
  if (!quiet) return 0;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return 0;
  const now = DateTime.fromMillis(nowMs, { zone: VIETNAM_ZONE });
  const minute = now.hour * 60 + now.minute;
  const inside = from < to ? minute >= from && minute < to : minute >= from || minute < to;
  if (!inside) return 0;
  let end = now.set({ hour: Math.floor(to / 60), minute: to % 60, second: 0, millisecond: 0 });
  if (end.toMillis() <= nowMs) end = end.plus({ days: 1 });
  return end.toMillis() - nowMs;
}

/** Today's date in Vietnam, for "who holds this agency's tasks today". */
export function vietnamIsoDate(nowMs: number): string {
  return DateTime.fromMillis(nowMs, { zone: VIETNAM_ZONE }).toISODate() ?? '';
}
