import { COMPLETED_STATUSES } from '@dondoc/domain';

import { searchAttributes } from './search-attributes';

/** Statuses of a task nobody is chased for any more. */
const CLOSED_STATUSES = [...COMPLETED_STATUSES, 'cancelled'];

// Visibility queries over the task workflows' search attributes, shared by the
// API's lists and the guidance fan-out so both mean the same by "a task of X".

export const TASK_WORKFLOW_TYPE = 'taskWorkflow';

/** Ids in queries are quoted; these characters never occur in plan, task or agency ids. */
const SAFE_VALUE = /^[\p{L}\p{N}._\-/|]+$/u;

export class UnsafeQueryValueError extends Error {
  override readonly name = 'UnsafeQueryValueError';
}

export function quoteQueryValue(value: string): string {
  if (!SAFE_VALUE.test(value)) throw new UnsafeQueryValueError(`not allowed in a visibility query: ${JSON.stringify(value)}`);
  return `'${value}'`;
}

export interface TaskVisibilityFilter {
  readonly planId?: string;
  readonly agencyId?: string;
  readonly statuses?: readonly string[];
  readonly taskIds?: readonly string[];
  /** Only open tasks past their due date (DondocDaysOverdue > 0; a task completed late keeps its days late there). */
  readonly overdue?: boolean;
  /** ISO dates, inclusive, in Vietnam's time zone. */
  readonly dueFrom?: string;
  readonly dueTo?: string;
  /** Only running workflows (open tasks). */
  readonly openOnly?: boolean;
}

const inList = (name: string, values: readonly string[]) =>
  values.length === 1 ? `${name} = ${quoteQueryValue(values[0]!)}` : `${name} IN (${values.map(quoteQueryValue).join(', ')})`;

export function taskVisibilityQuery(filter: TaskVisibilityFilter): string {
  // A run that continued as new is an earlier chapter of the same task: each task is listed once.
  const parts = [`WorkflowType = '${TASK_WORKFLOW_TYPE}'`, `ExecutionStatus != 'ContinuedAsNew'`];
  if (filter.openOnly) parts.push(`ExecutionStatus = 'Running'`);
  if (filter.planId !== undefined) parts.push(inList(searchAttributes.plan.name, [filter.planId]));
  if (filter.agencyId !== undefined) parts.push(inList(searchAttributes.agency.name, [filter.agencyId]));
  if (filter.statuses?.length) parts.push(inList(searchAttributes.status.name, filter.statuses));
  if (filter.taskIds?.length) parts.push(inList(searchAttributes.task.name, filter.taskIds));
  if (filter.overdue) {
    parts.push(`${searchAttributes.daysOverdue.name} > 0`);
    parts.push(`${searchAttributes.status.name} NOT IN (${CLOSED_STATUSES.map(quoteQueryValue).join(', ')})`);
  }
  // Due dates are stored as midnight in Vietnam (UTC+7).
  if (filter.dueFrom !== undefined) parts.push(`${searchAttributes.dueDate.name} >= ${quoteVietnamMidnight(filter.dueFrom)}`);
  if (filter.dueTo !== undefined) parts.push(`${searchAttributes.dueDate.name} <= ${quoteVietnamMidnight(filter.dueTo)}`);
  return parts.join(' AND ');
}

function quoteVietnamMidnight(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new UnsafeQueryValueError(`not an ISO date: ${JSON.stringify(isoDate)}`);
  return `'${isoDate}T00:00:00+07:00'`;
}

/**
 * The runs that each stand for one cycle, for statistics: every task's current run,
 * and earlier runs that closed a cycle by completing it (a recurring duty's past
 * rounds). A run that continued as new within its cycle (long history, new rules)
 * carries an open status and is left out, so no cycle counts twice.
 */
export function taskCycleQuery(filter: Pick<TaskVisibilityFilter, 'planId' | 'agencyId'>): string {
  const completed = `${searchAttributes.status.name} IN (${COMPLETED_STATUSES.map(quoteQueryValue).join(', ')})`;
  const parts = [`WorkflowType = '${TASK_WORKFLOW_TYPE}'`, `(ExecutionStatus != 'ContinuedAsNew' OR ${completed})`];
  if (filter.planId !== undefined) parts.push(inList(searchAttributes.plan.name, [filter.planId]));
  if (filter.agencyId !== undefined) parts.push(inList(searchAttributes.agency.name, [filter.agencyId]));
  return parts.join(' AND ');
}
