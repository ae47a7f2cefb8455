import type { WorkingCalendar } from '@dondoc/calendar';
import type { Plan } from '@dondoc/domain';
import { type EscalationPolicy, vietnamDate } from '@dondoc/policy';

import { reportDates } from './report-cycle';
import { reportFires, type ReportScheduleOptions } from './report-schedule';

export interface ReportCatchUp {
  readonly year: number;
  /** The request the Schedule would have sent (epoch ms), already past. */
  readonly requestAt: number;
  /** Epoch ms the cycle closes; the catch-up only makes sense before it. */
  readonly closesAt: number;
}

/**
 * Present state on start: a Schedule created or updated after this year's
 * request went out will only fire next year, so this year's cycle must be
 * started now — when the year is one the plan reports on, its request moment
 * has passed and the cycle has not closed yet. Whether the cycle already
 * exists is the caller's question (Temporal's, not a pure one).
 */
export function reportCatchUpAt(
  plan: Plan,
  policy: EscalationPolicy,
  calendar: WorkingCalendar,
  now: number,
  options: Omit<ReportScheduleOptions, 'taskQueue'> = {},
): ReportCatchUp | null {
  const year = Number(vietnamDate(now).slice(0, 4));
  const fire = reportFires(plan, policy, calendar, options).find((f) => f.year === year);
  if (!fire || fire.at > now) return null;
  const { closesAt } = reportDates(plan, year, policy, calendar, options.overrides?.[String(year)]);
  return closesAt > now ? { year, requestAt: fire.at, closesAt } : null;
}
