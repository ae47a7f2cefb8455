// How dates and distances to a deadline read in Vietnamese official mail.
import type { DeadlineDistance } from '@dondoc/policy';

/** "2026-03-05" → "05/03/2026"; null when there is no date. */
export function formatDueDate(isoDate: string | null): string | null {
  if (isoDate === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`not an ISO date: ${isoDate}`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** "còn 7 ngày", "đến hạn hôm nay", "quá hạn 19 ngày (15 ngày làm việc)". */
export function formatDeadlineDistance(distance: DeadlineDistance): string {
  switch (distance.kind) {
    case 'none':
      return 'chưa có hạn cụ thể';
    case 'ahead':
      return `còn ${distance.days} ngày`;
    case 'today':
      return 'đến hạn hôm nay';
    case 'overdue':
      return distance.workingDays === null ? `quá hạn ${distance.days} ngày` : `quá hạn ${distance.days} ngày (${distance.workingDays} ngày làm việc)`;
  }
}

/** The same within ZNS's 30 characters: "quá hạn 19 ngày (15 ngày LV)". */
export function formatDeadlineDistanceShort(distance: DeadlineDistance): string {
  return distance.kind === 'overdue' && distance.workingDays !== null ? `quá hạn ${distance.days} ngày (${distance.workingDays} ngày LV)` : formatDeadlineDistance(distance);
}

/** " kể từ ngày 16/11/2026" for an overdue task (the first day it was overdue), else "". */
export function formatOverdueSince(distance: DeadlineDistance): string {
  return distance.kind === 'overdue' ? ` kể từ ngày ${formatDueDate(distance.since)}` : '';
}
