import { CALENDAR_YEARS } from '@dondoc/calendar';
import type { Deadline } from '@dondoc/domain';
import { type CycleContext, cyclesOf } from '@dondoc/policy';

import type { Ladders } from './task-ladders';

// Input a task workflow cannot work with (a date outside the working-day
// calendar) is refused by its validators, or noted and ignored by its signal
// handler, instead of failing every workflow task from then on (issue 12 §10).

/** Why a deadline's cycles cannot be worked with (a date outside the calendar), or null. */
export function cyclesProblem(deadline: Deadline, context: CycleContext, ladders: Ladders, dateProblem: string | null): string | null {
  if (dateProblem) return dateProblem;
  // Building each cycle's ladder is what would fail later, deep in the loop.
  for (const cycle of cyclesOf(deadline, context)) ladders.first(cycle.due);
  return null;
}

/** A check that may run into the calendar's limits: its RangeError becomes the reason, in Vietnamese. */
export function inputProblem(check: () => string | null): string | null {
  try {
    return check();
  } catch (error) {
    if (error instanceof RangeError) return `ngày nằm ngoài khoảng lịch làm việc hỗ trợ (${CALENDAR_YEARS.from}–${CALENDAR_YEARS.to})`;
    throw error;
  }
}
