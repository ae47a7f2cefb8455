import type { EscalationPolicy } from './escalation-policy';
import type { LadderStep } from './ladder';
import { vietnamDate, vietnamInstant, type WorkingDayCalendar } from './working-calendar';

// After a catch-up (the one reminder of an import for where the ladder stands),
// the ladder's next step waits at least one working day: a task imported just
// before a step's time would otherwise get the catch-up and, minutes later, the
// next escalation (issue 12 §5). The workflow and `dondoc simulate` both apply it.

/** The first instant a step may follow a catch-up sent at `catchUpAt`: the policy's send time on the next working day. */
export function catchUpSpacingEnd(catchUpAt: number, calendar: WorkingDayCalendar, policy: EscalationPolicy): number {
  const nextWorkingDay = calendar.addWorkingDays(vietnamDate(catchUpAt), 1);
  return calendar.nextOfficeMoment(vietnamInstant(nextWorkingDay, policy.sendAt));
}

/**
 * Of steps that came while held back after a catch-up (their time before `notBefore`),
 * only the latest is still news when the hold ends; the earlier ones are superseded.
 */
export function deferredSteps(due: readonly LadderStep[], notBefore: number): { send: LadderStep[]; superseded: LadderStep[] } {
  const held = due.filter((step) => step.at < notBefore);
  const later = due.filter((step) => step.at >= notBefore);
  return { send: [...held.slice(-1), ...later], superseded: held.slice(0, -1) };
}
