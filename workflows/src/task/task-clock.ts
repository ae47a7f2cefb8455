import type { IsoDate, TaskStatus } from '@dondoc/domain';
import { calendarDaysBetween, type LadderStep, vietnamDate } from '@dondoc/policy';

/** Status of an open cycle from the workflow clock: before the due date, on it, or past it. */
export function openStatusAt(now: number, due: IsoDate): TaskStatus {
  const today = vietnamDate(now);
  if (today < due) return 'active';
  return today === due ? 'due' : 'overdue';
}

/** Calendar days past the due date in Vietnam (0 when not overdue). */
export function daysOverdueAt(now: number, due: IsoDate): number {
  return Math.max(0, calendarDaysBetween(due, vietnamDate(now)));
}

/** The first step strictly after `after` that still applies. */
export function nextApplicableStep(ladder: readonly LadderStep[], after: number, acknowledged: boolean, sent: ReadonlySet<string>): LadderStep | undefined {
  return ladder.find((step) => step.at > after && !sent.has(step.stepId) && !(acknowledged && step.onlyUntilAcknowledged));
}
