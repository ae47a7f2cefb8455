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
  'no-report': 'Chưa có báo cáo',
};

/** The first five columns of the per-task table: TT, task, lead cell, status, percent. */
export function expectedTaskRows(plan: Plan, agencies: readonly ReportAgencyAssignment[], silent: ReadonlySet<string>): string[][] {
  return planTasks(plan).map((task) => {
    const reporters = agencies.filter((a) => a.taskIds.includes(task.id) && !silent.has(a.agencyId));
    const outcome = reporters.length ? statusOfTask(plan, task.id) : 'no-report';
    return [task.id, task.name, task.lead.text, LABELS[outcome], outcome === 'no-report' ? '' : String(PERCENT[outcome])];
  });
}

/** Outcome counts over the plan, in the table's column order, with the total. */
export function expectedTotals(rows: readonly string[][]): string[] {
  const order = Object.values(LABELS);
  return [...order.map((label) => String(rows.filter((r) => r[3] === label).length)), String(rows.length)];
}
