import type { IsoDate } from '@dondoc/domain';
import type { NotificationTemplate } from '@dondoc/contracts';

import { type EscalationPolicy, type PolicyRecipient, type StepPhase, templateOfPhase } from './escalation-policy';
import {
  addCalendarDays,
  calendarDaysBetween,
  vietnamInstant,
  type WorkingDayCalendar,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from './working-calendar';

export interface LadderStep {
  readonly stepId: string;
  readonly phase: StepPhase;
  readonly template: NotificationTemplate;
  /** The working day the reminder goes out (Vietnamese civil date). */
  readonly day: IsoDate;
  /** The instant (epoch ms), inside office hours. */
  readonly at: number;
  readonly recipients: readonly PolicyRecipient[];
  readonly onlyUntilAcknowledged: boolean;
  /** Calendar days from `day` to the due date: positive before, negative after. */
  readonly daysLeft: number;
}

/**
 * Every reminder of one due date, in time order, repeats included up to `repeatsUntil`
 * (epoch ms; repeats are unbounded otherwise, so a caller always bounds them).
 * Pure: the workflow and `dondoc simulate` call this same function.
 */
export function buildLadder(due: IsoDate, policy: EscalationPolicy, calendar: WorkingDayCalendar, repeatsUntil: number): LadderStep[] {
  const step = (phase: StepPhase, stepId: string, day: IsoDate, recipients: readonly PolicyRecipient[], onlyUntilAcknowledged: boolean): LadderStep => ({
    stepId,
    phase,
    template: templateOfPhase[phase],
    day,
    at: calendar.nextOfficeMoment(vietnamInstant(day, policy.sendAt)),
    recipients,
    onlyUntilAcknowledged,
    daysLeft: calendarDaysBetween(day, due),
  });

  const steps: LadderStep[] = [];
  for (const before of policy.before) {
    // Before the due date a reminder moves earlier, never later, when it falls on a day off.
    const day =
      before.workingDaysBefore !== undefined
        ? calendar.addWorkingDays(due, -before.workingDaysBefore)
        : workingDayOnOrBefore(calendar, addCalendarDays(due, -(before.calendarDaysBefore ?? 0)));
    steps.push(step('before', before.id, day, before.recipients, before.onlyUntilAcknowledged));
  }
  if (policy.onDueDate) {
    const due_ = policy.onDueDate;
    steps.push(step('due', due_.id, workingDayOnOrBefore(calendar, due), due_.recipients, due_.onlyUntilAcknowledged));
  }
  for (const after of policy.after) {
    steps.push(step('after', after.id, calendar.addWorkingDays(due, after.workingDaysAfter), after.recipients, after.onlyUntilAcknowledged));
  }
  const ordered = dropSameDayDuplicates(steps.sort((a, b) => a.at - b.at));

  const repeat = policy.repeat;
  const last = ordered.at(-1);
  if (repeat && last) {
    let day = last.day;
    for (let n = 1; repeat.maxRepeats === null || n <= repeat.maxRepeats; n++) {
      day = workingDayOnOrAfter(calendar, addCalendarDays(day, repeat.everyCalendarDays));
      const next = step('repeat', `weekly-${n}`, day, repeat.recipients, false);
      if (next.at > repeatsUntil) break;
      ordered.push(next);
    }
  }
  return ordered;
}

/**
 * Two steps that land on the same working day (e.g. "1 working day before" and
 * "7 days before" around Tết) would mean two letters in one day: keep the later step.
 */
function dropSameDayDuplicates(steps: LadderStep[]): LadderStep[] {
  return steps.filter((step, index) => steps.slice(index + 1).every((later) => later.day !== step.day));
}

export interface LadderPosition {
  /** The step whose time has come most recently (null: none yet). */
  readonly current: LadderStep | null;
  /** The next step still to come (null: none within the ladder). */
  readonly next: LadderStep | null;
}

/** Where `now` falls in the ladder: what should have been sent last, and what comes next. */
export function positionAt(ladder: readonly LadderStep[], now: number): LadderPosition {
  let current: LadderStep | null = null;
  for (const step of ladder) {
    if (step.at > now) return { current, next: step };
    current = step;
  }
  return { current, next: null };
}
