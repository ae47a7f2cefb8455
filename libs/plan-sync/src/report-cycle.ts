import { type AgencyIndex, resolveAssignees, resolveSuccessor } from '@dondoc/catalog';
import type { WorkingCalendar } from '@dondoc/calendar';
import {
  type ReportAgencyAssignment,
  type ReportCyclePlan,
  type ReportCycleRequest,
  reportCycleKey,
  type ReportDeadlineOverride,
  type ReportRecipient,
} from '@dondoc/contracts';
import { type DayMonth, daysInMonth, type IsoDate, type Plan, planTasks } from '@dondoc/domain';
import { addCalendarDays, DEFAULT_REPORT_DAY, DEFAULT_SIGN_OFF_WORKING_DAYS, type EscalationPolicy, vietnamInstant, workingDayOnOrBefore } from '@dondoc/policy';

// A plan's report cycle as pure functions of the plan, the directory, the
// policy and the calendar, so the Schedule, the cycle workflow's preparation
// and the CLI preview all compute the same dates and the same agencies.

/** Where a plan says only "theo quy định": Sở KH&CN reports this many working days after the units' cut-off. */
export const DEFAULT_AGGREGATOR_LAG_WORKING_DAYS = 5;
/** Calendar days between the request and the unit deadline when the policy has no "before" step. */
export const DEFAULT_REQUEST_LEAD_DAYS = 30;

export class ReportCycleError extends Error {
  override readonly name = 'ReportCycleError';
}

export interface ReportDates {
  readonly unitDeadline: IsoDate;
  readonly aggregatorDeadline: IsoDate;
  /** The working day the request goes out (the policy's first notice, e.g. 30 days before). */
  readonly requestDay: IsoDate;
  /** Epoch ms of the request, at the policy's send time in Asia/Ho_Chi_Minh. */
  readonly requestAt: number;
  /**
   * Epoch ms: revisions close and the consolidation goes to Sở KH&CN's admins
   * for approval, a few working days before the aggregator deadline (see
   * signOffWorkingDays), and never before offices close on the unit deadline.
   */
  readonly closesAt: number;
  /**
   * Epoch ms: without an approval by then, Sở KH&CN's head is told. The morning
   * of the working day before the aggregator deadline ("trước ngày 15/12": the
   * last day the report can go out), or later when the cycle closes later.
   */
  readonly approvalDueAt: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const onDay = (year: number, day: DayMonth): IsoDate => `${year}-${pad(day.month)}-${pad(Math.min(day.day, daysInMonth(day.month, year)))}`;

/** The lead time of the request: the policy's earliest calendar-day notice. */
export function requestLeadDays(policy: EscalationPolicy): number {
  const days = policy.before.flatMap((step) => (step.calendarDaysBefore !== undefined ? [step.calendarDaysBefore] : []));
  return days.length ? Math.max(...days) : DEFAULT_REQUEST_LEAD_DAYS;
}

/** Working days before the aggregator deadline the sign-off starts: the plan's, else the policy's, else 3. */
export function signOffWorkingDays(plan: Plan, policy: EscalationPolicy): number {
  return plan.reporting.signOffWorkingDays ?? policy.reports?.signOffWorkingDays ?? DEFAULT_SIGN_OFF_WORKING_DAYS;
}

/**
 * The dates of one yearly cycle. The plan's days apply unless overridden for
 * the year, by the plan itself (`reporting.overrides`) or by the caller (an
 * admin's start, the Schedule's input), the caller's date winning field by
 * field; "theo quy định" means the Nghị định 09/2019 cut-off (14/12) for
 * units and a few working days later for Sở KH&CN.
 */
export function reportDates(plan: Plan, year: number, policy: EscalationPolicy, calendar: WorkingCalendar, given: ReportDeadlineOverride = {}): ReportDates {
  const override: ReportDeadlineOverride = { ...plan.reporting.overrides?.[String(year)], ...given };
  const unitDeadline = override.unitDeadline ?? onDay(year, plan.reporting.unitDeadline ?? DEFAULT_REPORT_DAY);
  const aggregatorDeadline =
    override.aggregatorDeadline ??
    (plan.reporting.aggregatorDeadline ? onDay(year, plan.reporting.aggregatorDeadline) : calendar.addWorkingDays(unitDeadline, DEFAULT_AGGREGATOR_LAG_WORKING_DAYS));
  return datesFor(unitDeadline, aggregatorDeadline, requestLeadDays(policy), policy, calendar, signOffWorkingDays(plan, policy));
}

/**
 * Problems of a plan's own per-year deadlines that need the policy and the
 * calendar to see (the schema checks the rest): the Schedule names a cycle by
 * the year its request goes out in, so a unit deadline early in January, whose
 * request falls in December, would start the wrong year's cycle.
 */
export function reportOverrideProblems(plan: Plan, policy: EscalationPolicy, calendar: WorkingCalendar): string[] {
  return Object.keys(plan.reporting.overrides ?? {}).flatMap((year) => {
    try {
      const dates = reportDates(plan, Number(year), policy, calendar);
      if (dates.requestDay.startsWith(year)) return [];
      return [`reporting.overrides.${year}: ngày gửi đề nghị báo cáo (${dates.requestDay}, trước hạn của các đơn vị ${dates.unitDeadline}) rơi vào năm khác; hạn của các đơn vị năm ${year} phải muộn hơn.`];
    } catch (error) {
      if (error instanceof ReportCycleError) return [`reporting.overrides.${year}: ${error.message}`];
      throw error;
    }
  });
}

export function datesFor(
  unitDeadline: IsoDate,
  aggregatorDeadline: IsoDate,
  leadDays: number,
  policy: EscalationPolicy,
  calendar: WorkingCalendar,
  signOffDays: number = policy.reports?.signOffWorkingDays ?? DEFAULT_SIGN_OFF_WORKING_DAYS,
): ReportDates {
  if (aggregatorDeadline <= unitDeadline) {
    throw new ReportCycleError(`Hạn báo cáo của Sở (${aggregatorDeadline}) phải sau hạn báo cáo của các đơn vị (${unitDeadline}).`);
  }
  const requestDay = workingDayOnOrBefore(calendar, addCalendarDays(unitDeadline, -leadDays));
  const morningOf = (day: IsoDate) => calendar.nextOfficeMoment(vietnamInstant(day, policy.sendAt));
  // The units have until offices close on their deadline (a deadline of today closes tonight, not this morning).
  const closesAt = Math.max(morningOf(calendar.addWorkingDays(aggregatorDeadline, -signOffDays)), calendar.officeDayEnd(unitDeadline));
  // "Trước ngày 15/12": the report must be out the working day before the aggregator deadline.
  const dueAt = [morningOf(calendar.addWorkingDays(aggregatorDeadline, -1)), morningOf(aggregatorDeadline)].find((at) => at > closesAt) ?? closesAt;
  return {
    unitDeadline,
    aggregatorDeadline,
    requestDay,
    requestAt: morningOf(requestDay),
    closesAt,
    approvalDueAt: dueAt,
  };
}

/**
 * Every agency that leads or coordinates a task, or monitors an indicator:
 * collectives expanded, successors as of `on`. Agencies dissolved without a
 * successor are left out (an admin reassigns their tasks).
 */
export function reportAssignments(plan: Plan, index: AgencyIndex, on: IsoDate): ReportAgencyAssignment[] {
  const scopes = new Map<string, { tasks: Set<string>; indicators: Set<string> }>();
  const scope = (id: string) => {
    let found = scopes.get(id);
    if (!found) scopes.set(id, (found = { tasks: new Set(), indicators: new Set() }));
    return found;
  };
  for (const task of planTasks(plan)) {
    for (const agency of resolveAssignees(index, [...task.lead.agencies, ...task.coordinators.agencies], on).agencies) scope(agency.id).tasks.add(task.id);
  }
  for (const indicator of plan.indicators) {
    for (const agency of resolveAssignees(index, indicator.monitoringAgency.agencies, on).agencies) scope(agency.id).indicators.add(indicator.id);
  }
  return [...scopes].map(([agencyId, { tasks, indicators }]) => ({
    agencyId,
    agencyName: index.nameOf(agencyId),
    taskIds: [...tasks],
    indicatorIds: [...indicators],
  }));
}

/**
 * Who leads each task as of `on`, resolved like the reporters above (collectives
 * expanded, successors for merged agencies), so the consolidation can tell a
 * lead's report from a coordinator's although neither is named in the plan's cell.
 */
export function reportTaskLeads(plan: Plan, index: AgencyIndex, on: IsoDate): Map<string, Set<string>> {
  return new Map(planTasks(plan).map((task) => [task.id, new Set(resolveAssignees(index, task.lead.agencies, on).agencies.map((a) => a.id))]));
}

/** The plan's recipients of the consolidated report as of `on`, with their focal point's (else head's) address. */
export function reportRecipients(plan: Plan, index: AgencyIndex, on: IsoDate): ReportRecipient[] {
  return resolveAssignees(index, plan.reporting.aggregatorReportsTo, on).agencies.flatMap((agency) => {
    const contact = agency.focal ?? agency.head;
    return contact ? [{ agencyId: agency.id, agencyName: agency.name, name: contact.name, email: contact.email }] : [];
  });
}

/** The title as the report states it: "Kết quả thực hiện Kế hoạch [số …] <subject> năm 2026". */
export function reportTitle(plan: Plan, year: number): string {
  const number = plan.number ? ` số ${plan.number}` : '';
  const subject = plan.title.replace(/^Kế hoạch\s*/iu, '');
  return `Kết quả thực hiện Kế hoạch${number} ${subject} năm ${year}`;
}

/** What a cycle resolves against besides its plan: the directory, the policies and the calendar (seeds/). */
export interface ReportCycleCatalog {
  readonly index: AgencyIndex;
  readonly calendarOverrides: ReportCyclePlan['calendarOverrides'];
  policyFor(planId: string): EscalationPolicy;
}

/**
 * A cycle request resolved against a plan version and the catalog: what the
 * cycle workflow runs on. `planVersion` is the stored version the plan came
 * from (plan_versions), so the consolidation reads the same tasks even if the
 * plan is revised while the cycle runs.
 */
export function resolveReportCycle(catalog: ReportCycleCatalog, plan: Plan, request: ReportCycleRequest, calendar: WorkingCalendar, planVersion: number | null = null): ReportCyclePlan {
  if (plan.id !== request.planId) throw new ReportCycleError(`Kế hoạch "${plan.id}" không phải kế hoạch của yêu cầu (${request.planId}).`);
  const policy = catalog.policyFor(plan.id);
  const { adHoc } = request;
  if (adHoc && !/^[a-z0-9-]{1,40}$/.test(adHoc.id)) throw new ReportCycleError(`Mã yêu cầu báo cáo đột xuất "${adHoc.id}" chỉ gồm chữ thường không dấu, số và dấu "-".`);
  const dates = adHoc
    ? datesFor(adHoc.unitDeadline, adHoc.aggregatorDeadline, 0, policy, calendar, signOffWorkingDays(plan, policy))
    : reportDates(plan, request.year, policy, calendar, request.deadlines);
  const aggregator = resolveSuccessor(catalog.index, plan.reporting.unitsReportTo, dates.unitDeadline).agency;
  if (!aggregator) throw new ReportCycleError(`Cơ quan tổng hợp ${plan.reporting.unitsReportTo} không còn tồn tại và không có cơ quan kế thừa.`);
  const agencies = reportAssignments(plan, catalog.index, dates.unitDeadline);
  if (agencies.length === 0) throw new ReportCycleError(`Kế hoạch ${plan.id} không có cơ quan nào phải báo cáo.`);
  return {
    planId: plan.id,
    planVersion,
    planTitle: plan.title,
    planNumber: plan.number,
    aggregator: { agencyId: aggregator.id, agencyName: aggregator.name, province: provinceOf(aggregator.name) },
    recipients: reportRecipients(plan, catalog.index, dates.aggregatorDeadline),
    year: request.year,
    cycleKey: reportCycleKey(request.year, adHoc?.id),
    kind: adHoc ? 'ad-hoc' : 'yearly',
    title: adHoc ? adHoc.title : reportTitle(plan, request.year),
    unitDeadline: dates.unitDeadline,
    aggregatorDeadline: dates.aggregatorDeadline,
    closesAt: dates.closesAt,
    approvalDueAt: dates.approvalDueAt,
    agencies,
    policy,
    calendarOverrides: catalog.calendarOverrides,
  };
}

/** "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi" → "Quảng Ngãi". */
export function provinceOf(agencyName: string): string {
  const match = /tỉnh\s+(.+)$/iu.exec(agencyName);
  return match?.[1]?.trim() ?? '';
}
