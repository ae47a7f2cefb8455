import { searchAttributes, taskCycleQuery } from '@dondoc/contracts';
import { isTaskStatus, type Plan, type TaskCycleRecord, taskStatistics, type StatisticsFilter, type TaskStatistics } from '@dondoc/domain';
import { vietnamDate } from '@dondoc/policy';
import type { Client } from '@temporalio/client';

// The cycles of task workflows as visibility holds them, for taskStatistics: the
// API's GET /stats, `dondoc stats` (through the API) and the consolidated report.

/** Each task's group number ("I", "II", …; null without groups) from the plan it belongs to. */
export type TaskGroupOf = (planId: string, taskId: string) => string | null;

/** The group lookup of a set of plans (each plan's latest version). */
export function taskGroupsOf(plans: Iterable<Plan>): TaskGroupOf {
  const groups = new Map<string, string | null>();
  for (const plan of plans) for (const group of plan.groups) for (const task of group.tasks) groups.set(`${plan.id}|${task.id}`, group.number);
  return (planId, taskId) => groups.get(`${planId}|${taskId}`) ?? null;
}

export async function listTaskCycleRecords(client: Client, filter: { planId?: string; agencyId?: string }, groupOf: TaskGroupOf): Promise<TaskCycleRecord[]> {
  const records: TaskCycleRecord[] = [];
  for await (const execution of client.workflow.list({ query: taskCycleQuery(filter) })) {
    const attributes = execution.typedSearchAttributes;
    const status = attributes.get(searchAttributes.status);
    const planId = attributes.get(searchAttributes.plan);
    const taskId = attributes.get(searchAttributes.task);
    const agencyId = attributes.get(searchAttributes.agency);
    // A workflow started outside Đôn Đốc's imports, without its attributes, is no task of a plan.
    if (!status || !isTaskStatus(status) || !planId || !taskId || !agencyId) continue;
    const due = attributes.get(searchAttributes.dueDate);
    records.push({
      planId,
      taskId,
      agencyId,
      group: groupOf(planId, taskId),
      status,
      dueDate: due ? vietnamDate(due.getTime()) : null,
      daysLate: attributes.get(searchAttributes.daysOverdue) ?? null,
      closedOn: execution.closeTime ? vietnamDate(execution.closeTime.getTime()) : null,
    });
  }
  return records;
}

/** Statistics of the task cycles visibility holds, filtered as asked (plan and agency already in the query). */
export async function collectTaskStatistics(client: Client, filter: StatisticsFilter, groupOf: TaskGroupOf): Promise<TaskStatistics> {
  const records = await listTaskCycleRecords(client, { ...(filter.planId ? { planId: filter.planId } : {}), ...(filter.agencyId ? { agencyId: filter.agencyId } : {}) }, groupOf);
  return taskStatistics(records, filter);
}
