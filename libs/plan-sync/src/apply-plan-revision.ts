import type { AgencyIndex, PlanDiff } from '@dondoc/catalog';
import type { CalendarOverrides } from '@dondoc/calendar';
import { cancelUpdate, revisePlanTaskUpdate } from '@dondoc/contracts';
import type { IsoDate, Plan } from '@dondoc/domain';
import type { EscalationPolicy } from '@dondoc/policy';
import type { Client } from '@temporalio/client';

import { startTaskWorkflows } from './start-workflows';
import { type DissolvedLead, planTaskStarts } from './task-starts';

export interface PlanRevisionInput {
  readonly plan: Plan;
  /** The diff from the previously imported version (null: a first import). */
  readonly diff: PlanDiff | null;
  readonly version: number;
  readonly index: AgencyIndex;
  readonly policy: EscalationPolicy;
  readonly calendarOverrides: readonly CalendarOverrides[];
  readonly today: IsoDate;
  readonly taskQueue: string;
  readonly by: string;
}

export interface PlanRevisionReport {
  readonly started: string[];
  /** Already running (or finished) under the same id. */
  readonly existing: string[];
  /** Leads dissolved without successor: an admin must reassign their tasks. */
  readonly dissolved: DissolvedLead[];
  readonly revised: string[];
  readonly cancelled: string[];
}

/**
 * Brings running task workflows in line with a newly imported plan version:
 * every task and lead of the plan has a workflow (new ones start), a task whose
 * wording or deadline changed rebuilds its ladder, and a removed task, or a lead
 * the plan no longer names, is cancelled with the reason.
 */
export async function applyPlanRevision(client: Client, input: PlanRevisionInput): Promise<PlanRevisionReport> {
  const { starts, dissolved } = planTaskStarts({ plan: input.plan, index: input.index, policy: input.policy, calendarOverrides: input.calendarOverrides, today: input.today });
  const { started, existing } = await startTaskWorkflows(client, starts, input.taskQueue);
  const revised: string[] = [];
  const cancelled: string[] = [];
  if (!input.diff) return { started, existing, dissolved, revised, cancelled };

  const reason = `${input.plan.id} phiên bản ${input.version}`;
  const wanted = new Map(starts.map((s) => [s.workflowId, s.input]));
  const cancel = async (workflowId: string, why: string) => {
    await client.workflow.getHandle(workflowId).executeUpdate(cancelUpdate, { args: [{ reason: `${why} (${reason})`, by: input.by }] });
    cancelled.push(workflowId);
  };

  for (const task of input.diff.removed) {
    for (const workflowId of await runningWorkflowsOf(client, input.plan.id, task.id)) await cancel(workflowId, 'Nhiệm vụ bị bỏ khỏi kế hoạch');
  }
  for (const change of input.diff.changed) {
    const wording = change.fields.includes('name') || change.fields.includes('deadline');
    for (const workflowId of await runningWorkflowsOf(client, input.plan.id, change.id)) {
      const desired = wanted.get(workflowId);
      if (!desired) {
        await cancel(workflowId, 'Cơ quan không còn chủ trì nhiệm vụ theo kế hoạch sửa đổi');
      } else if (wording && !started.includes(workflowId)) {
        const revision = { taskName: desired.taskName, deadline: desired.deadline, reason, by: input.by };
        await client.workflow.getHandle(workflowId).executeUpdate(revisePlanTaskUpdate, { args: [revision] });
        revised.push(workflowId);
      }
    }
  }
  return { started, existing, dissolved, revised, cancelled };
}

async function runningWorkflowsOf(client: Client, planId: string, taskId: string): Promise<string[]> {
  const ids: string[] = [];
  const query = `DondocPlan = '${planId.replace(/'/g, '')}' AND DondocTask = '${taskId.replace(/'/g, '')}' AND ExecutionStatus = 'Running'`;
  for await (const execution of client.workflow.list({ query })) ids.push(execution.workflowId);
  return ids;
}
