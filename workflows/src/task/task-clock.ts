import type { DeadlineKind, IsoDate, TaskStatus } from '@dondoc/domain';
import { addCalendarDays, calendarDaysBetween, type LadderStep, vietnamDate, vietnamInstant } from '@dondoc/policy';

// Pure helpers of the task workflow's clock: what the status is at an instant,
// when it next changes, which steps of a ladder are due. No Temporal imports,
// so they are unit-testable and safe in the workflow sandbox.

/** Status of an open cycle as runs before the status model report it: before the due date, on it, or past it. */
export function openStatusAt(now: number, due: IsoDate): TaskStatus {
  const today = vietnamDate(now);
  if (today < due) return 'active';
  return today === due ? 'due' : 'overdue';
}

/**
 * The next instant the open status changes without anything happening: midnight
 * in Vietnam starting the due date (→ due) and the day after it (→ overdue).
 */
export function nextStatusChangeAt(now: number, due: IsoDate): number {
  const today = vietnamDate(now);
  if (today < due) return vietnamInstant(due, '00:00');
  if (today === due) return vietnamInstant(addCalendarDays(due, 1), '00:00');
  return Infinity;
}

/**
 * Status of an open, running cycle (neither proposed nor paused): not due before the
 * cycle's first reminder (when it begins for the agency), in progress up to and on
 * the due date, overdue from the day after.
 */
export function runningStatusAt(now: number, due: IsoDate, firstStepAt: number | undefined): 'not-due' | 'active' | 'overdue' {
  if (vietnamDate(now) > due) return 'overdue';
  return firstStepAt !== undefined && now < firstStepAt ? 'not-due' : 'active';
}

/** The next instant runningStatusAt changes by the clock alone: the first reminder, then the day after the due date. */
export function nextRunningStatusChangeAt(now: number, due: IsoDate, firstStepAt: number | undefined): number {
  if (firstStepAt !== undefined && now < firstStepAt) return firstStepAt;
  return vietnamDate(now) > due ? Infinity : vietnamInstant(addCalendarDays(due, 1), '00:00');
}

/** Calendar days from the due date to `day` (0 when `day` is not later). */
export const daysLateOn = (due: IsoDate, day: IsoDate) => Math.max(0, calendarDaysBetween(due, day));

/** Calendar days past the due date in Vietnam (0 when not overdue). */
export function daysOverdueAt(now: number, due: IsoDate): number {
  return Math.max(0, calendarDaysBetween(due, vietnamDate(now)));
}

/** Identity of a step of one due date: an extended deadline's steps are new steps. */
export const settledKey = (due: IsoDate, stepId: string) => `${due}|${stepId}`;

const applies = (step: LadderStep, acknowledged: boolean, settled: ReadonlySet<string>, due: IsoDate) =>
  !settled.has(settledKey(due, step.stepId)) && !(acknowledged && step.onlyUntilAcknowledged);

/** The first step strictly after `after` that still applies. */
export function nextApplicableStep(
  ladder: readonly LadderStep[],
  due: IsoDate,
  after: number,
  acknowledged: boolean,
  settled: ReadonlySet<string>,
): LadderStep | undefined {
  return ladder.find((step) => step.at > after && applies(step, acknowledged, settled, due));
}

/** Steps whose time lies in (after, upTo] and that still apply, in order. */
export function stepsDue(
  ladder: readonly LadderStep[],
  due: IsoDate,
  after: number,
  upTo: number,
  acknowledged: boolean,
  settled: ReadonlySet<string>,
): LadderStep[] {
  return ladder.filter((step) => step.at > after && step.at <= upTo && applies(step, acknowledged, settled, due));
}

/**
 * Whether completing the current cycle completes the task. One-off tasks (a month,
 * a year, a period, a task after guidance) are done when done, even during a
 * yearly progress cycle of a period; recurring duties (yearly, continuous, and the
 * continuation of a first deadline) only close this year's round, until the last.
 */
export function completionEndsTask(kind: DeadlineKind, cycleIndex: number, cycleCount: number): boolean {
  if (kind === 'yearly' || kind === 'continuous' || kind === 'first-then-continued') return cycleIndex >= cycleCount - 1;
  return true;
}
