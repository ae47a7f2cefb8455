// How dates and distances to a deadline read in Vietnamese official mail.

/** "2026-03-05" → "05/03/2026"; null when there is no date. */
export function formatDueDate(isoDate: string | null): string | null {
  if (isoDate === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`not an ISO date: ${isoDate}`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** "còn 7 ngày", "đến hạn hôm nay", "quá hạn 12 ngày". */
export function formatDaysLeft(daysLeft: number | null): string {
  if (daysLeft === null) return 'chưa có hạn cụ thể';
  if (daysLeft > 0) return `còn ${daysLeft} ngày`;
  if (daysLeft === 0) return 'đến hạn hôm nay';
  return `quá hạn ${-daysLeft} ngày`;
}
