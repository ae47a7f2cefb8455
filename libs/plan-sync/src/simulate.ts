import type { TaskWorkflowInput } from '@dondoc/contracts';
import type { IsoDate } from '@dondoc/domain';
import { buildLadder, catchUpSpacingEnd, cyclesOf, deferredSteps, type LadderStep, positionAt, vietnamInstant, type WorkingDayCalendar } from '@dondoc/policy';

export interface SimulatedReminder {
  readonly workflowId: string;
  readonly cycle: number;
  readonly due: IsoDate;
  readonly stepId: string;
  readonly catchUp: boolean;
  readonly at: number;
  readonly step: LadderStep;
}

export interface SimulationWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** For tasks waiting for central guidance: when it arrives (none: they stay silent). */
  readonly guidanceDate?: IsoDate;
  /** The exact instant the workflows start (epoch ms); default: the start of `from` in Vietnam. */
  readonly startAt?: number;
}

/**
 * What a task workflow started at `from` would send until `to` if nobody acted
 * on it: the same cycles and ladder as the workflow, the same roll-over from an
 * unanswered cycle to the next, and one catch-up for a step already passed at start
 * (the next step then no sooner than a working day after it).
 */
export function simulateTask(workflowId: string, input: TaskWorkflowInput, calendar: WorkingDayCalendar, window: SimulationWindow): SimulatedReminder[] {
  const fromMs = window.startAt ?? vietnamInstant(window.from, '00:00');
  const toMs = vietnamInstant(window.to, '23:59');
  const startMs = window.guidanceDate ? Math.max(fromMs, vietnamInstant(window.guidanceDate, '00:00')) : fromMs;
  const cycles = cyclesOf(input.deadline, { ...input.cycleContext, ...(window.guidanceDate ? { guidanceDate: window.guidanceDate } : {}) });
  const firstAt = (index: number) => {
    const cycle = cycles[index];
    return cycle ? buildLadder(cycle.due, input.policy, calendar, 0)[0]?.at : undefined;
  };

  let index = 0;
  while (index < cycles.length - 1 && (firstAt(index + 1) ?? Infinity) <= startMs) index++;

  const reminders: SimulatedReminder[] = [];
  for (let first = true; index < cycles.length; index++, first = false) {
    const cycle = cycles[index]!;
    const rollOverAt = firstAt(index + 1);
    const until = Math.min(toMs, rollOverAt ?? Infinity);
    const ladder = buildLadder(cycle.due, input.policy, calendar, until);
    const remind = (step: LadderStep, catchUp: boolean, at: number) =>
      reminders.push({ workflowId, cycle: index, due: cycle.due, stepId: step.stepId, catchUp, at, step });
    let notBefore = 0;
    if (first && input.catchUp) {
      const { current } = positionAt(ladder, startMs);
      const catchUpAt = calendar.nextOfficeMoment(startMs);
      if (current) remind(current, true, catchUpAt);
      if (current) notBefore = catchUpSpacingEnd(catchUpAt, calendar, input.policy);
    }
    // A step held back after the catch-up goes out when the hold ends (still inside the window).
    const due = ladder.filter((step) => step.at > startMs && step.at <= until && Math.max(step.at, notBefore) <= toMs);
    for (const step of deferredSteps(due, notBefore).send) remind(step, false, Math.max(step.at, notBefore));
    if (rollOverAt === undefined || rollOverAt > toMs) break;
  }
  return reminders;
}
