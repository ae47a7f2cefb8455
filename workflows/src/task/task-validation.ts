import { calendarDateProblem, isIsoDate } from '@dondoc/calendar';
import type { DeadlineExtension } from '@dondoc/contracts';
import { addCalendarDays, vietnamDate } from '@dondoc/policy';

/** An extension further out than this is taken for a typing mistake (e.g. 2205 for 2025). */
export const MAX_EXTENSION_YEARS = 10;

/** Refuses an extension the ladder could not work with; the messages go to the admin as they are. */
export function validateExtension({ newDue, reason, approvedBy }: DeadlineExtension, now: number): void {
  // A real calendar day: "2030-02-30" parses in JavaScript (as 2 March) but is no date.
  if (typeof newDue !== 'string' || !isIsoDate(newDue)) throw new Error(`Ngày gia hạn không hợp lệ: "${newDue}".`);
  const outside = calendarDateProblem(newDue);
  if (outside) throw new Error(`Ngày gia hạn ${newDue}: ${outside}`);
  const today = vietnamDate(now);
  if (newDue <= today) throw new Error(`Ngày gia hạn ${newDue} phải sau hôm nay.`);
  if (newDue > addCalendarDays(today, MAX_EXTENSION_YEARS * 366)) throw new Error(`Ngày gia hạn ${newDue} quá xa (tối đa ${MAX_EXTENSION_YEARS} năm kể từ hôm nay).`);
  if (!reason?.trim() || !approvedBy?.trim()) throw new Error('Cần lý do gia hạn và người phê duyệt.');
}
