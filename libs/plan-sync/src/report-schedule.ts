import type { WorkingCalendar } from '@dondoc/calendar';
import {
  REPORT_CYCLE_WORKFLOW_TYPE,
  REPORT_SCHEDULE_WORKFLOW_TYPE,
  reportCycleWorkflowId,
  type ReportCycleRequest,
  type ReportDeadlineOverride,
  reportScheduleId,
  type ReportScheduleInput,
} from '@dondoc/contracts';
import { daysInMonth, type Plan } from '@dondoc/domain';
import { type EscalationPolicy, vietnamDate } from '@dondoc/policy';
import { type CalendarSpec, type Client, MONTHS, ScheduleAlreadyRunning, type ScheduleSpec, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';

import { reportCatchUpAt } from './report-catch-up';
import { reportDates } from './report-cycle';
import { horizonYear } from './task-starts';

export const REPORT_SCHEDULE_TIMEZONE = 'Asia/Ho_Chi_Minh';

export interface ReportScheduleOptions {
  readonly taskQueue: string;
  /**
   * Deadlines that differ from the plan's for a given year, keyed by year; a
   * date given here wins over the plan's own `reporting.overrides` for that year.
   * @defaultValue the plan's `reporting.overrides`
   */
  readonly overrides?: Readonly<Record<string, ReportDeadlineOverride>>;
  /** @defaultValue the plan's year of issue to its horizon (2030 for the seeds) */
  readonly years?: { readonly from: number; readonly to: number };
  /** @defaultValue `Date.now()`; decides whether this year's cycle is started at once */
  readonly now?: number;
}

export interface ReportScheduleResult {
  readonly scheduleId: string;
  readonly created: boolean;
  readonly fires: ReportFire[];
  /** This year's cycle, when its request day had passed before the Schedule existed (see reportCatchUpAt). */
  readonly catchUp: { readonly year: number; readonly workflowId: string; readonly started: boolean } | null;
}

export interface ReportFire {
  readonly year: number;
  /** Epoch ms of the request (the policy's send time on a working day, Asia/Ho_Chi_Minh). */
  readonly at: number;
  readonly requestDay: string;
}

/**
 * The moment each year's request goes out: the unit deadline minus the policy's
 * lead time, moved earlier onto a working day. One entry per year (rather than
 * one yearly rule) because holidays, weekends and per-year overrides move the day.
 */
export function reportFires(plan: Plan, policy: EscalationPolicy, calendar: WorkingCalendar, options: Omit<ReportScheduleOptions, 'taskQueue'> = {}): ReportFire[] {
  const from = options.years?.from ?? plan.issued.year;
  const to = options.years?.to ?? horizonYear(plan);
  const fires = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i).map((year) => {
    const dates = reportDates(plan, year, policy, calendar, options.overrides?.[String(year)]);
    return { year, at: dates.requestAt, requestDay: dates.requestDay };
  });
  const issued = issuedBy(plan);
  return fires.filter((fire) => fire.requestDay >= issued);
}

/**
 * No report is requested before the plan existed. Where the source leaves the
 * day blank, the end of the printed month counts (kh-ai: "ngày    tháng 10 năm
 * 2024", so no 2024 cycle), else the start of the year (kh-nq03: "năm 2025").
 */
function issuedBy(plan: Plan): string {
  if (plan.issued.date) return plan.issued.date;
  const month = Number(/tháng\s+(\d{1,2})/u.exec(plan.issued.text)?.[1] ?? 0);
  if (month < 1 || month > 12) return `${plan.issued.year}-01-01`;
  return `${plan.issued.year}-${String(month).padStart(2, '0')}-${daysInMonth(month, plan.issued.year)}`;
}

/** The Schedule's spec: one calendar entry per fire, as Vietnamese wall-clock time. */
export function reportScheduleSpec(fires: readonly ReportFire[]): ScheduleSpec {
  const calendars: CalendarSpec[] = fires.map(({ year, at }) => {
    const local = new Date(at + 7 * 3_600_000); // Vietnam keeps UTC+7 all year
    return {
      year,
      month: MONTHS[local.getUTCMonth()]!,
      dayOfMonth: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: 0,
      comment: `Đề nghị báo cáo năm ${year} (${vietnamDate(at)})`,
    };
  });
  return { calendars, timezone: REPORT_SCHEDULE_TIMEZONE };
}

/** Creates the plan's report Schedule, or brings an existing one up to date. */
export async function upsertReportSchedule(
  client: Client,
  plan: Plan,
  policy: EscalationPolicy,
  calendar: WorkingCalendar,
  given: ReportScheduleOptions,
): Promise<ReportScheduleResult> {
  // The Schedule's input carries the plan's per-year deadlines too, so a cycle it starts runs on what was upserted.
  const planOverrides = plan.reporting.overrides ?? {};
  const years = new Set([...Object.keys(planOverrides), ...Object.keys(given.overrides ?? {})]);
  const merged = Object.fromEntries([...years].sort().map((year) => [year, { ...planOverrides[year], ...given.overrides?.[year] }]));
  const options: ReportScheduleOptions = { ...given, ...(years.size ? { overrides: merged } : {}) };
  const fires = reportFires(plan, policy, calendar, options);
  const spec = reportScheduleSpec(fires);
  const input: ReportScheduleInput = { planId: plan.id, taskQueue: options.taskQueue, ...(options.overrides ? { overrides: options.overrides } : {}) };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: REPORT_SCHEDULE_WORKFLOW_TYPE,
    workflowId: `report-schedule/${plan.id}`,
    taskQueue: options.taskQueue,
    args: [input],
  };
  const scheduleId = reportScheduleId(plan.id);
  let created = true;
  try {
    // A worker down on the day still sends the request when it returns within a week.
    await client.schedule.create({ scheduleId, spec, action, policies: { catchupWindow: '7 days', overlap: 'SKIP' } });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action }));
    created = false;
  }
  const due = reportCatchUpAt(plan, policy, calendar, options.now ?? Date.now(), options);
  const catchUp = due ? { year: due.year, ...(await startCycleOnce(client, plan.id, due.year, options)) } : null;
  return { scheduleId, created, fires, catchUp };
}

/** Starts `report/<plan>/<year>` unless a cycle of that id ever ran (started by the Schedule, an admin or an earlier start). */
async function startCycleOnce(client: Client, planId: string, year: number, options: ReportScheduleOptions): Promise<{ workflowId: string; started: boolean }> {
  const workflowId = reportCycleWorkflowId(planId, String(year));
  const deadlines = options.overrides?.[String(year)];
  const request: ReportCycleRequest = { planId, year, ...(deadlines ? { deadlines } : {}) };
  try {
    await client.workflow.start(REPORT_CYCLE_WORKFLOW_TYPE, { workflowId, taskQueue: options.taskQueue, args: [request], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
    return { workflowId, started: true };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
    throw error;
  }
}
