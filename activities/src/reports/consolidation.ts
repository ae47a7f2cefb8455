import {
  AGENCY_REPORT_STATUS_LABELS,
  type AgencyReportState,
  type AgencyReportStatus,
  type ReportContent,
  reportContentSchema,
  type ReportCyclePlan,
  TASK_REPORT_STATUS_LABELS,
  type TaskReportStatus,
} from '@dondoc/contracts';
import type { ReportEvidence, ReportSubmission } from '@dondoc/db';
import { type IsoDate, type Plan, planTasks } from '@dondoc/domain';
import { vietnamDate } from '@dondoc/policy';

import { type AgencyStanding, countStandings, type StandingCounts, standingLabel, standingOf, vietnamMoment } from './agency-standing';

// The consolidated report as plain data: the DOCX, the XLSX and the JSON are
// three renderings of this one object, so they can never disagree.

export type ConsolidatedCycle = Omit<ReportCyclePlan, 'policy' | 'calendarOverrides'>;

/** A task's status across its agencies, plus "no report yet". */
export type TaskOutcome = TaskReportStatus | 'no-report';
export const TASK_OUTCOMES: readonly TaskOutcome[] = ['done', 'on-track', 'late', 'not-started', 'no-report'];
/** 'no-report': the task's lead has not reported (its partners' answers may be there, beside it). */
export const TASK_OUTCOME_LABELS: Readonly<Record<TaskOutcome, string>> = { ...TASK_REPORT_STATUS_LABELS, 'no-report': 'Chủ trì chưa báo cáo' };

export type OutcomeCounts = Record<TaskOutcome, number> & { total: number };

export interface AgencyTaskReport {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly role: 'lead' | 'coordinator';
  readonly status: TaskReportStatus;
  readonly percent: number;
  readonly results: string;
  readonly evidence: readonly string[];
  readonly difficulties: string;
  readonly proposals: string;
}

export interface ConsolidatedTask {
  readonly taskId: string;
  readonly groupTitle: string;
  readonly name: string;
  readonly lead: string;
  /** Decided by the lead agencies' own answers only; 'no-report' while no lead has reported. */
  readonly outcome: TaskOutcome;
  /** Mean of the lead agencies' percentages; null while no lead has reported. */
  readonly percent: number | null;
  /** Whether a lead agency has reported; when not, `reports` holds the partners' answers alone. */
  readonly leadReported: boolean;
  readonly reports: readonly AgencyTaskReport[];
}

export interface ConsolidatedIndicator {
  readonly indicatorId: string;
  readonly name: string;
  readonly unit: string;
  readonly target: string;
  readonly achieved: ReadonlyArray<{ readonly agencyName: string; readonly value: string; readonly note: string }>;
}

export interface AgencyLine {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly reportStatus: AgencyReportStatus;
  readonly reportStatusLabel: string;
  /** Where its report stands at generation time. */
  readonly standing: AgencyStanding;
  /** What section IV says of it ("Chưa gửi báo cáo (hạn 15/11/2026)", "Bị trả lại, chưa gửi lại", …). */
  readonly standingLabel: string;
  /** Its own deadline (later than the unit deadline after a grace period). */
  readonly dueDate: IsoDate;
  readonly late: boolean;
  /** No report in effect and its deadline passed by generation time. */
  readonly overdue: boolean;
  /** Vietnamese date of the first submission. */
  readonly submittedOn: string | null;
  readonly revision: number | null;
  readonly counts: OutcomeCounts;
  /** The agency's own remarks on the whole report (its "Nhận xét chung"); empty without a report in effect. */
  readonly summary: string;
  /** The evidence files the agency attached (name as uploaded, size in bytes). */
  readonly evidence: ReadonlyArray<{ readonly fileName: string; readonly sizeBytes: number }>;
}

export interface ConsolidatedReport {
  readonly cycle: ConsolidatedCycle;
  /** Vietnamese civil date of generation. */
  readonly generatedOn: string;
  /** ISO instant of generation: the counts are those of this moment. */
  readonly generatedAt: string;
  /** Made while the cycle was still open: its counts may change. */
  readonly provisional: boolean;
  /** "Số liệu tạm tính đến 09:30 ngày 04/12/2026", null once the cycle has closed. */
  readonly provisionalNote: string | null;
  /** How many agencies' reports stand where: accepted, waiting for review, returned, not submitted. */
  readonly standing: StandingCounts;
  readonly totals: OutcomeCounts;
  readonly groups: ReadonlyArray<{ readonly title: string; readonly counts: OutcomeCounts }>;
  readonly agencies: readonly AgencyLine[];
  readonly tasks: readonly ConsolidatedTask[];
  readonly indicators: readonly ConsolidatedIndicator[];
  /** Reports in that came after their deadline. */
  readonly lateAgencies: readonly AgencyLine[];
  /** Reports returned and not sent again. */
  readonly returnedAgencies: readonly AgencyLine[];
  /** Agencies with no report in (not yet, or never once the cycle closed). */
  readonly missingAgencies: readonly AgencyLine[];
}

const emptyCounts = (): OutcomeCounts => ({ done: 0, 'on-track': 0, late: 0, 'not-started': 0, 'no-report': 0, total: 0 });
const count = (counts: OutcomeCounts, outcome: TaskOutcome) => {
  counts[outcome]++;
  counts.total++;
};

/** One task's outcome from its leads' answers: late if any says so, done only when all are done. */
function outcomeOf(leading: readonly AgencyTaskReport[]): TaskOutcome {
  if (leading.length === 0) return 'no-report';
  const statuses = leading.map((r) => r.status);
  if (statuses.includes('late')) return 'late';
  if (statuses.every((s) => s === 'done')) return 'done';
  if (statuses.some((s) => s === 'done' || s === 'on-track')) return 'on-track';
  return 'not-started';
}

/**
 * @param leads each task's lead agencies after successor and collective
 *   resolution (reportTaskLeads, as of the unit deadline): the reporters are
 *   those resolved agencies, never the ids printed in the plan's cell.
 * @param states each agency's report state at `generatedAt` (the cycle as it
 *   stands): which reports count, and which are returned, missing or late.
 */
export function consolidate(
  cycle: ConsolidatedCycle,
  plan: Plan,
  leads: ReadonlyMap<string, ReadonlySet<string>>,
  states: readonly AgencyReportState[],
  submissions: readonly ReportSubmission[],
  generatedAt: number,
  evidence: readonly ReportEvidence[] = [],
): ConsolidatedReport {
  const stateOf = new Map(states.map((f) => [f.agencyId, f]));
  const latestOf = new Map(submissions.map((s) => [s.agencyId, s]));
  const standings = new Map(cycle.agencies.map((a) => [a.agencyId, standingOf(stateOf.get(a.agencyId), latestOf.get(a.agencyId), cycle.unitDeadline, generatedAt)]));
  // Only reports in effect (accepted, or waiting for review) count; a returned one is being corrected.
  const contents = new Map<string, ReportContent>();
  for (const [agencyId, standing] of standings) {
    const parsed = standing.submission ? reportContentSchema.safeParse(standing.submission.payload) : null;
    if (parsed?.success) contents.set(agencyId, parsed.data);
  }
  const nameOf = new Map(cycle.agencies.map((a) => [a.agencyId, a.agencyName]));
  const reportersOf = (taskId: string) => cycle.agencies.filter((a) => a.taskIds.includes(taskId)).map((a) => a.agencyId);

  const totals = emptyCounts();
  const groups = new Map<string, OutcomeCounts>();
  const agencyCounts = new Map(cycle.agencies.map((a) => [a.agencyId, emptyCounts()]));
  const tasks: ConsolidatedTask[] = planTasks(plan).map((task) => {
    const leadIds = leads.get(task.id) ?? new Set<string>();
    const reports: AgencyTaskReport[] = [];
    for (const agencyId of reportersOf(task.id)) {
      const item = contents.get(agencyId)?.tasks.find((t) => t.taskId === task.id);
      count(agencyCounts.get(agencyId)!, item?.status ?? 'no-report');
      if (item) reports.push({ agencyId, agencyName: nameOf.get(agencyId) ?? agencyId, role: leadIds.has(agencyId) ? 'lead' : 'coordinator', ...item });
    }
    // The lead's own answer decides the line; partners' answers stand beside it, never in its place.
    const leading = reports.filter((r) => r.role === 'lead');
    const outcome = outcomeOf(leading);
    const groupTitle = task.group.number ? `${task.group.number}. ${task.group.title}` : task.group.title;
    count(totals, outcome);
    if (!groups.has(groupTitle)) groups.set(groupTitle, emptyCounts());
    count(groups.get(groupTitle)!, outcome);
    const percent = leading.length ? Math.round(leading.reduce((sum, r) => sum + r.percent, 0) / leading.length) : null;
    return { taskId: task.id, groupTitle, name: task.name, lead: task.lead.text, outcome, percent, leadReported: leading.length > 0, reports };
  });

  const indicators: ConsolidatedIndicator[] = plan.indicators.map((indicator) => ({
    indicatorId: indicator.id,
    name: indicator.name,
    unit: indicator.unit,
    target: indicator.target,
    achieved: cycle.agencies.flatMap((a) => {
      const item = contents.get(a.agencyId)?.indicators.find((i) => i.indicatorId === indicator.id);
      return item ? [{ agencyName: a.agencyName, value: item.achieved, note: item.note }] : [];
    }),
  }));

  const agencies: AgencyLine[] = cycle.agencies.map((a) => {
    const state = stateOf.get(a.agencyId);
    const standing = standings.get(a.agencyId)!;
    const submittedOn = state?.firstSubmittedAt ? vietnamDate(state.firstSubmittedAt) : null;
    return {
      agencyId: a.agencyId,
      agencyName: a.agencyName,
      reportStatus: standing.status,
      reportStatusLabel: AGENCY_REPORT_STATUS_LABELS[standing.status],
      standing: standing.standing,
      standingLabel: standingLabel({ ...standing, submittedOn }),
      dueDate: standing.dueDate,
      late: standing.late,
      overdue: standing.overdue,
      submittedOn,
      revision: state?.revision ?? null,
      counts: agencyCounts.get(a.agencyId)!,
      summary: contents.get(a.agencyId)?.summary.trim() ?? '',
      evidence: evidence.filter((e) => e.agencyId === a.agencyId).map((e) => ({ fileName: e.fileName, sizeBytes: e.sizeBytes })),
    };
  });
  // Open while any agency's workflow is: the counts are those of this moment only.
  const provisional = cycle.agencies.some((a) => !standings.get(a.agencyId)!.closed);
  const inEffect = (a: AgencyLine) => a.standing === 'accepted' || a.standing === 'submitted';
  return {
    cycle,
    generatedOn: vietnamDate(generatedAt),
    generatedAt: new Date(generatedAt).toISOString(),
    provisional,
    provisionalNote: provisional ? `Số liệu tạm tính đến ${vietnamMoment(generatedAt)}` : null,
    standing: countStandings(agencies),
    totals,
    groups: [...groups].map(([title, counts]) => ({ title, counts })),
    agencies,
    tasks,
    indicators,
    lateAgencies: agencies.filter((a) => a.late && inEffect(a)),
    returnedAgencies: agencies.filter((a) => a.standing === 'returned'),
    missingAgencies: agencies.filter((a) => a.standing === 'not-submitted'),
  };
}

/** "15/11/2026". */
export const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
