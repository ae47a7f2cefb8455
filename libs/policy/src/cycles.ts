import { type DayMonth, type Deadline, daysInMonth, type IsoDate } from '@dondoc/domain';

import { addCalendarDays } from './working-calendar';

/**
 * One due date in a task's life. A fixed deadline has one cycle; yearly and
 * continuous duties have one per year (the workflow continues-as-new between them).
 */
export interface Cycle {
  readonly index: number;
  readonly due: IsoDate;
  /** `deadline`: the task (or this year's round of it) must be done; `progress`: a progress report is due. */
  readonly kind: 'deadline' | 'progress';
}

export interface CycleContext {
  /** The plan's yearly report day for units (15/11 in the AI plan); null: the plan says "theo quy định". */
  readonly reportDay: DayMonth | null;
  /** First year with a cycle (the plan's year of issue). */
  readonly startYear: number;
  /** Last year with a cycle (the plan's horizon, e.g. 2030). */
  readonly horizonYear: number;
  /** For tasks after central guidance: the guidance date, once it has arrived. */
  readonly guidanceDate?: IsoDate;
  readonly guidanceLeadDays: number;
}

/** Nghị định 09/2019/NĐ-CP: the yearly data cut-off is 14/12, the default report day. */
export const DEFAULT_REPORT_DAY: DayMonth = { day: 14, month: 12 };

const pad = (n: number) => String(n).padStart(2, '0');
const endOfMonth = (year: number, month: number): IsoDate => `${year}-${pad(month)}-${pad(daysInMonth(month, year))}`;
const reportDate = (year: number, day: DayMonth): IsoDate => `${year}-${pad(day.month)}-${pad(Math.min(day.day, daysInMonth(day.month, year)))}`;

function firstDue(deadline: { kind: 'month'; year: number; month: number } | { kind: 'year'; year: number }): IsoDate {
  return deadline.kind === 'month' ? endOfMonth(deadline.year, deadline.month) : `${deadline.year}-12-31`;
}

/** Every cycle of a deadline, in order. A task waiting for guidance has none until it arrives. */
export function cyclesOf(deadline: Deadline, context: CycleContext): Cycle[] {
  const reportDay = context.reportDay ?? DEFAULT_REPORT_DAY;
  const yearly = (from: number, to: number, kind: Cycle['kind']) =>
    Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => ({ due: reportDate(from + i, reportDay), kind }));

  let cycles: Array<Omit<Cycle, 'index'>>;
  switch (deadline.kind) {
    case 'month':
    case 'year':
      cycles = [{ due: firstDue(deadline), kind: 'deadline' }];
      break;
    case 'year-range':
      // Carried out over several years: a progress report each year, done by the end of the last.
      cycles = [...yearly(deadline.from, deadline.to - 1, 'progress'), { due: `${deadline.to}-12-31`, kind: 'deadline' }];
      break;
    case 'yearly':
      cycles = yearly(context.startYear, context.horizonYear, 'deadline');
      break;
    case 'continuous':
      cycles = yearly(context.startYear, context.horizonYear, 'progress');
      break;
    case 'after-central-guidance':
      cycles = context.guidanceDate ? [{ due: addCalendarDays(context.guidanceDate, context.guidanceLeadDays), kind: 'deadline' }] : [];
      break;
    case 'first-then-continued': {
      const first = firstDue(deadline.first);
      cycles = [{ due: first, kind: 'deadline' }, ...yearly(Number(first.slice(0, 4)) + 1, context.horizonYear, 'progress')];
      break;
    }
  }
  return cycles.map((cycle, index) => ({ ...cycle, index }));
}
