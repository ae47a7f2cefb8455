import type { IsoDate } from '@dondoc/domain';

import { addCalendarDays, calendarDaysBetween, vietnamDate, type WorkingDayCalendar } from './working-calendar';

/**
 * How far a due date is from the moment a message is composed. Counted then,
 * not when the ladder planned the step, so a catch-up sent weeks after its
 * step, or a reminder that waited in a queue, still tells the truth. Before
 * the due date the policy counts calendar days ("30 ngày trước hạn"); after it,
 * working days as well, as escalation does.
 */
export type DeadlineDistance =
  | { readonly kind: 'none' }
  | { readonly kind: 'ahead'; readonly days: number }
  | { readonly kind: 'today' }
  | {
      readonly kind: 'overdue';
      readonly days: number;
      /**
       * Working days after the due date, up to and including today: the n of the ladder's
       * "+n working days". Null when the calendar cannot count them (a year it does not cover).
       */
      readonly workingDays: number | null;
      /** The first day the task was overdue (the day after the due date). */
      readonly since: IsoDate;
    };

export function deadlineDistanceAt(dueDate: IsoDate | null, now: number, calendar: Pick<WorkingDayCalendar, 'isWorkingDay'>): DeadlineDistance {
  if (dueDate === null) return { kind: 'none' };
  const today = vietnamDate(now);
  const days = calendarDaysBetween(today, dueDate);
  if (days > 0) return { kind: 'ahead', days };
  if (days === 0) return { kind: 'today' };
  const since = addCalendarDays(dueDate, 1);
  return { kind: 'overdue', days: -days, workingDays: workingDaysFrom(since, today, calendar), since };
}

function workingDaysFrom(first: IsoDate, last: IsoDate, calendar: Pick<WorkingDayCalendar, 'isWorkingDay'>): number | null {
  let count = 0;
  try {
    for (let day = first; day <= last; day = addCalendarDays(day, 1)) if (calendar.isWorkingDay(day)) count += 1;
  } catch (error) {
    // The calendar covers a range of years (RangeError outside it): say the calendar days only.
    if (error instanceof RangeError) return null;
    throw error;
  }
  return count;
}

/** Positive: days left; negative: days overdue; null without a due date (the old `daysLeft` of a message). */
export function signedDaysLeft(distance: DeadlineDistance): number | null {
  switch (distance.kind) {
    case 'none':
      return null;
    case 'ahead':
      return distance.days;
    case 'today':
      return 0;
    case 'overdue':
      return -distance.days;
  }
}
