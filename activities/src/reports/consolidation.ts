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
import { type Plan, planTasks } from '@dondoc/domain';
import { vietnamDate } from '@dondoc/policy';

// The consolidated report as plain data: the DOCX, the XLSX and the JSON are
// three renderings of this one object, so they can never disagree.

export type ConsolidatedCycle = Omit<ReportCyclePlan, 'policy' | 'calendarOverrides'>;

/** A task's status across its agencies, plus "no report yet". */
export type TaskOutcome = TaskReportStatus | 'no-report';
export const TASK_OUTCOMES: readonly TaskOutcome[] = ['done', 'on-track', 'late', 'not-started', 'no-report'];
export const TASK_OUTCOME_LABELS: Readonly<Record<TaskOutcome, string>> = { ...TASK_REPORT_STATUS_LABELS, 'no-report': 'Chưa có báo cáo' };

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
  readonly outcome: TaskOutcome;
  /** Mean of the lead agencies' percentages (coordinators' when no lead reported); null without reports. */
  readonly percent: number | null;
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
  readonly late: boolean;
  /** Vietnamese date of the first submission. */
  readonly submittedOn: string | null;
  readonly revision: number | null;
  readonly counts: OutcomeCounts;
  /** The evidence files the agency attached (name as uploaded, size in bytes). */
  readonly evidence: ReadonlyArray<{ readonly fileName: string; readonly sizeBytes: number }>;
}

export interface ConsolidatedReport {
  readonly cycle: ConsolidatedCycle;
  /** Vietnamese civil date of generation. */
  readonly generatedOn: string;
  readonly totals: OutcomeCounts;
  readonly groups: ReadonlyArray<{ readonly title: string; readonly counts: OutcomeCounts }>;
  readonly agencies: readonly AgencyLine[];
  readonly tasks: readonly ConsolidatedTask[];
  readonly indicators: readonly ConsolidatedIndicator[];
  readonly lateAgencies: readonly AgencyLine[];
  readonly missingAgencies: readonly AgencyLine[];
}

const emptyCounts = (): OutcomeCounts => ({ done: 0, 'on-track': 0, late: 0, 'not-started': 0, 'no-report': 0, total: 0 });
const count = (counts: OutcomeCounts, outcome: TaskOutcome) => {
  counts[outcome]++;
  counts.total++;
};

/** One task's outcome: late if any agency says so, done only when all are done. */
function outcomeOf(reports: readonly AgencyTaskReport[]): TaskOutcome {
  if (reports.length === 0) return 'no-report';
  const statuses = reports.map((r) => r.status);
  if (statuses.includes('late')) return 'late';
  if (statuses.every((s) => s === 'done')) return 'done';
  if (statuses.some((s) => s === 'done' || s === 'on-track')) return 'on-track';
  return 'not-started';
}

/**
 * @param leads each task's lead agencies after successor and collective
 *   resolution (reportTaskLeads, as of the unit deadline): the reporters are
 *   those resolved agencies, never the ids printed in the plan's cell.
 */
export function consolidate(
  cycle: ConsolidatedCycle,
  plan: Plan,
  leads: ReadonlyMap<string, ReadonlySet<string>>,
  finals: readonly AgencyReportState[],
  submissions: readonly ReportSubmission[],
  generatedAt: number,
  evidence: readonly ReportEvidence[] = [],
): ConsolidatedReport {
  const contents = new Map<string, ReportContent>();
  for (const submission of submissions) {
    const parsed = reportContentSchema.safeParse(submission.payload);
    if (parsed.success) contents.set(submission.agencyId, parsed.data);
  }
  const finalOf = new Map(finals.map((f) => [f.agencyId, f]));
  const nameOf = new Map(cycle.agencies.map((a) => [a.agencyId, a.agencyName]));
  const leadsOf = (taskId: string) => new Set(cycle.agencies.filter((a) => a.taskIds.includes(taskId)).map((a) => a.agencyId));

  const totals = emptyCounts();
  const groups = new Map<string, OutcomeCounts>();
  const agencyCounts = new Map(cycle.agencies.map((a) => [a.agencyId, emptyCounts()]));
  const tasks: ConsolidatedTask[] = planTasks(plan).map((task) => {
    const leadIds = leads.get(task.id) ?? new Set<string>();
    const reports: AgencyTaskReport[] = [];
    for (const agencyId of leadsOf(task.id)) {
      const item = contents.get(agencyId)?.tasks.find((t) => t.taskId === task.id);
      if (!item) continue;
      count(agencyCounts.get(agencyId)!, item.status);
      reports.push({ agencyId, agencyName: nameOf.get(agencyId) ?? agencyId, role: leadIds.has(agencyId) ? 'lead' : 'coordinator', ...item });
    }
    for (const agencyId of leadsOf(task.id)) if (!contents.get(agencyId)) count(agencyCounts.get(agencyId)!, 'no-report');
    // Coordinators decide only where no lead reported.
    const leading = reports.filter((r) => r.role === 'lead');
    const basis = leading.length ? leading : reports;
    const outcome = outcomeOf(basis);
    const groupTitle = task.group.number ? `${task.group.number}. ${task.group.title}` : task.group.title;
    count(totals, outcome);
    if (!groups.has(groupTitle)) groups.set(groupTitle, emptyCounts());
    count(groups.get(groupTitle)!, outcome);
    const percent = basis.length ? Math.round(basis.reduce((sum, r) => sum + r.percent, 0) / basis.length) : null;
    return { taskId: task.id, groupTitle, name: task.name, lead: task.lead.text, outcome, percent, reports };
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
    const final = finalOf.get(a.agencyId);
    const reportStatus: AgencyReportStatus = final?.status ?? (contents.has(a.agencyId) ? 'submitted' : 'requested');
    return {
      agencyId: a.agencyId,
      agencyName: a.agencyName,
      reportStatus,
      reportStatusLabel: AGENCY_REPORT_STATUS_LABELS[reportStatus],
      late: final?.late ?? false,
      submittedOn: final?.firstSubmittedAt ? vietnamDate(final.firstSubmittedAt) : null,
      revision: final?.revision ?? null,
      counts: agencyCounts.get(a.agencyId)!,
      evidence: evidence.filter((e) => e.agencyId === a.agencyId).map((e) => ({ fileName: e.fileName, sizeBytes: e.sizeBytes })),
    };
  });
  return {
    cycle,
    generatedOn: vietnamDate(generatedAt),
    totals,
    groups: [...groups].map(([title, counts]) => ({ title, counts })),
    agencies,
    tasks,
    indicators,
    lateAgencies: agencies.filter((a) => a.late),
    missingAgencies: agencies.filter((a) => a.reportStatus === 'missing'),
  };
}

/** "15/11/2026". */
export const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
