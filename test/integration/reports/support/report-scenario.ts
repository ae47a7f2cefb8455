// The reports agencies send in the acceptance scenario, and what the
// consolidated report must then say, worked out here from first principles.
import { type ReportAgencyAssignment, type ReportContent, TASK_REPORT_STATUSES, type TaskReportStatus } from '@dondoc/contracts';
import { type Plan, planTasks } from '@dondoc/domain';

const PERCENT: Record<TaskReportStatus, number> = { done: 100, 'on-track': 60, late: 30, 'not-started': 0 };

/** Every agency reports the same status for a task: the task's position in the plan, cycling through the four. */
export function statusOfTask(plan: Plan, taskId: string): TaskReportStatus {
  const index = planTasks(plan).findIndex((t) => t.id === taskId);
  return TASK_REPORT_STATUSES[index % TASK_REPORT_STATUSES.length]!;
}

export function contentFor(plan: Plan, agency: ReportAgencyAssignment, revision = 1): ReportContent {
  return {
    tasks: agency.taskIds.map((taskId) => {
      const status = statusOfTask(plan, taskId);
      return {
        taskId,
        status,
        percent: PERCENT[status],
        results: status === 'not-started' ? '' : `Kết quả ${taskId} của ${agency.agencyId} (lần ${revision})`,
        evidence: status === 'done' ? [`Văn bản số ${taskId}/${agency.agencyId}`] : [],
        difficulties: status === 'late' ? `Thiếu kinh phí cho ${taskId}` : '',
        proposals: '',
      };
    }),
    indicators: agency.indicatorIds.map((indicatorId) => ({ indicatorId, achieved: `Đạt ${indicatorId} (${agency.agencyId})`, note: '' })),
    summary: '',
  };
}

const LABELS: Record<TaskReportStatus | 'no-report', string> = {
  done: 'Đã hoàn thành',
  'on-track': 'Đang thực hiện, đúng tiến độ',
  late: 'Chậm tiến độ',
  'not-started': 'Chưa triển khai',
  'no-report': 'Chủ trì chưa báo cáo',
};

/** Each task's lead agencies after successor and collective resolution (reportTaskLeads). */
export type TaskLeads = ReadonlyMap<string, ReadonlySet<string>>;

/** The first five columns of the per-task table: TT, task, lead cell, status, percent. Only a lead's own answer decides them. */
export function expectedTaskRows(plan: Plan, agencies: readonly ReportAgencyAssignment[], silent: ReadonlySet<string>, leads: TaskLeads): string[][] {
  return planTasks(plan).map((task) => {
    const leading = agencies.filter((a) => a.taskIds.includes(task.id) && !silent.has(a.agencyId) && leads.get(task.id)?.has(a.agencyId));
    const outcome = leading.length ? statusOfTask(plan, task.id) : 'no-report';
    return [task.id, task.name, task.lead.text, LABELS[outcome], outcome === 'no-report' ? '' : String(PERCENT[outcome])];
  });
}

/** Outcome counts over the plan, in the table's column order, with the total. */
export function expectedTotals(rows: readonly string[][]): string[] {
  const order = Object.values(LABELS);
  return [...order.map((label) => String(rows.filter((r) => r[3] === label).length)), String(rows.length)];
}

/**
 * The whole per-task table, all seven columns: the first five, then each
 * reporter's results with its evidence and each one's difficulties, one line
 * per agency in the cycle's order, every agency on the revision it last sent.
 */
export function expectedTaskTable(plan: Plan, agencies: readonly ReportAgencyAssignment[], silent: ReadonlySet<string>, revisionOf: (agencyId: string) => number, leads: TaskLeads): string[][] {
  const firstFive = expectedTaskRows(plan, agencies, silent, leads);
  return planTasks(plan).map((task, i) => {
    const reporters = agencies.filter((a) => a.taskIds.includes(task.id) && !silent.has(a.agencyId));
    const items = reporters.map((a) => ({ agency: a, item: contentFor(plan, a, revisionOf(a.agencyId)).tasks.find((t) => t.taskId === task.id)! }));
    // Each answer with its agency's role and its own status, so partners' answers stand beside the lead's.
    const role = (agencyId: string) => (leads.get(task.id)?.has(agencyId) ? 'chủ trì' : 'phối hợp');
    const results = items
      .map(({ agency, item }) => `${agency.agencyName} (${role(agency.agencyId)}; ${LABELS[item.status].toLowerCase()}, ${item.percent}%): ${item.results}${item.evidence.length ? ` (minh chứng: ${item.evidence.join('; ')})` : ''}`)
      .join('\n');
    const difficulties = items.flatMap(({ agency, item }) => [item.difficulties, item.proposals].filter(Boolean).map((v) => `${agency.agencyName}: ${v}`)).join('\n');
    return [...firstFive[i]!, results, difficulties];
  });
}

/** Outcome counts of some rows of the per-task table, in the table's column order, with the total. */
const countsOf = (statuses: readonly string[]): string[] => [...Object.values(LABELS).map((label) => String(statuses.filter((s) => s === label).length)), String(statuses.length)];

/** The summary by task group: "Toàn kế hoạch" first, then each group as the plan numbers it. */
export function expectedGroupSummary(plan: Plan, taskRows: readonly string[][]): string[][] {
  const statusOf = new Map(taskRows.map((r) => [r[0]!, r[3]!]));
  return [
    ['Toàn kế hoạch', ...countsOf(taskRows.map((r) => r[3]!))],
    ...plan.groups.map((g) => [g.number ? `${g.number}. ${g.title}` : g.title, ...countsOf(g.tasks.map((t) => statusOf.get(t.id)!))]),
  ];
}

/** The summary by agency: each agency's own statuses, "Chưa có báo cáo" for every task of a silent one. */
export function expectedAgencySummary(plan: Plan, agencies: readonly ReportAgencyAssignment[], silent: ReadonlySet<string>): string[][] {
  return agencies.map((a) => [a.agencyName, ...countsOf(a.taskIds.map((taskId) => LABELS[silent.has(a.agencyId) ? 'no-report' : statusOfTask(plan, taskId)]))]);
}
