import { searchAttributes, type TaskState } from '@dondoc/contracts';
import type { TaskStatus } from '@dondoc/domain';

import { daysLateOn, daysOverdueAt, openStatusAt, runningStatusAt } from './task-clock';
import type { Ladders } from './task-ladders';
import { dueDateOf, type TaskRun } from './task-run';

// What a task workflow shows: its status, the state its query answers, and the
// search attributes lists read. Pure functions of the run and the clock.

export interface TaskIdentity {
  readonly workflowId: string;
  readonly planId: string;
  readonly taskId: string;
}

export type Upcoming = { at: number; stepId: string } | null;

/** The status by the model of TASK_STATUSES, or as runs before it reported it (see TaskRun.statusModel). */
export function statusOf(run: TaskRun, now: number, ladders: Ladders): TaskStatus {
  // Only runs that received closeAsMerged have it, under either model.
  if (run.mergedInto) return 'merged';
  if (!run.statusModel) {
    if (run.cancelled) return 'cancelled';
    if (run.completed) return 'completed';
    return run.cycle ? openStatusAt(now, dueDateOf(run)!) : 'waiting-trigger';
  }
  if (run.cancelled) return 'cancelled';
  // A completed cycle: the task, or this round of a recurring duty until the next run begins.
  if (run.completion) return run.completion.daysLate > 0 ? 'completed-late' : 'completed-on-time';
  if (!run.cycle) return 'waiting-trigger';
  if (run.proposal) return 'proposed';
  if (run.paused) return 'paused';
  const due = dueDateOf(run)!;
  return runningStatusAt(now, due, ladders.first(due)?.at);
}

/** DondocDaysOverdue: days late of a completion or a pending proposal, days overdue of an open cycle, else 0. */
function daysOverdueOf(run: TaskRun, now: number, status: TaskStatus): number {
  const due = dueDateOf(run);
  if (status === 'merged') return 0;
  if (!run.statusModel) return due && status !== 'completed' && status !== 'cancelled' ? daysOverdueAt(now, due) : 0;
  if (status === 'cancelled') return 0;
  if (run.completion) return run.completion.daysLate;
  if (run.proposal) return run.proposal.daysLate;
  return due ? daysOverdueAt(now, due) : 0;
}

export function searchAttributesOf(run: TaskRun, now: number, ladders: Ladders) {
  const due = dueDateOf(run);
  const status = statusOf(run, now, ladders);
  return {
    [searchAttributes.status.name]: [status],
    [searchAttributes.agency.name]: [run.agencyId],
    [searchAttributes.daysOverdue.name]: [daysOverdueOf(run, now, status)],
    ...(due ? { [searchAttributes.dueDate.name]: [new Date(`${due}T00:00:00+07:00`)] } : {}),
  };
}

export function stateOf(run: TaskRun, now: number, ladders: Ladders, identity: TaskIdentity, next: Upcoming): TaskState {
  return {
    ...identity,
    agencyId: run.agencyId,
    status: statusOf(run, now, ladders),
    acknowledged: run.acknowledged,
    paused: run.paused,
    cycle: run.cycleIndex,
    cycleKind: run.cycle?.kind ?? null,
    dueDate: dueDateOf(run),
    progressPercent: run.progressPercent,
    nextReminderAt: next?.at ?? null,
    nextReminderStep: next?.stepId ?? null,
    completionMode: run.completionMode,
    proposal: run.proposal,
    completion: run.completion,
    continuesIn: run.mergedInto,
  };
}

/** Days from the due date to `day` for a completion or proposal made on `day`. */
export const daysLateFor = (run: TaskRun, day: string) => daysLateOn(dueDateOf(run)!, day);
