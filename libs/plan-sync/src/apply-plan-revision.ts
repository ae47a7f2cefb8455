import type { AgencyIndex, PlanDiff } from '@dondoc/catalog';
import type { CalendarOverrides } from '@dondoc/calendar';
import { cancelUpdate, refreshWorkingRulesUpdate, revisePlanTaskUpdate, RULES_FINGERPRINT_MEMO, taskVisibilityQuery } from '@dondoc/contracts';
import type { IsoDate, Plan } from '@dondoc/domain';
import type { EscalationPolicy } from '@dondoc/policy';
import { type Client, WorkflowUpdateFailedError } from '@temporalio/client';

import { startTaskWorkflows } from './start-workflows';
import { type DissolvedLead, planTaskStarts, rulesFingerprint } from './task-starts';

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
  /** Running on an older calendar or policy: moved onto the current ones, in their present cycle. */
  readonly rulesRefreshed: string[];
}

/**
 * Brings running task workflows in line with a newly imported plan version:
 * every task and lead of the plan has a workflow (new ones start), a task whose
 * wording or deadline changed rebuilds its ladder, and a removed task, or a lead
 * the plan no longer names, is cancelled with the reason. Workflows running on
 * an older holiday calendar, escalation policy or completion mode continue on the current ones.
 */
export async function applyPlanRevision(client: Client, input: PlanRevisionInput): Promise<PlanRevisionReport> {
  const { starts, dissolved } = planTaskStarts({ plan: input.plan, index: input.index, policy: input.policy, calendarOverrides: input.calendarOverrides, today: input.today });
  const { started, existing } = await startTaskWorkflows(client, starts, input.taskQueue);
  const revised: string[] = [];
  const cancelled: string[] = [];
  const rulesRefreshed = await refreshWorkingRules(client, input, new Set(started));
  if (!input.diff) return { started, existing, dissolved, revised, cancelled, rulesRefreshed };

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
  return { started, existing, dissolved, revised, cancelled, rulesRefreshed };
}

/** New holiday announcements or policy edits reach running workflows; the fingerprint in their memo tells which. */
async function refreshWorkingRules(client: Client, input: PlanRevisionInput, justStarted: ReadonlySet<string>): Promise<string[]> {
  const fingerprint = rulesFingerprint(input.policy, input.calendarOverrides, input.plan.completion);
  const stale: string[] = [];
  for await (const execution of client.workflow.list({ query: taskVisibilityQuery({ planId: input.plan.id, openOnly: true }) })) {
    if (!justStarted.has(execution.workflowId) && execution.memo?.[RULES_FINGERPRINT_MEMO] !== fingerprint) stale.push(execution.workflowId);
  }
  const refresh = {
    policy: input.policy,
    calendarOverrides: input.calendarOverrides,
    rulesFingerprint: fingerprint,
    completion: input.plan.completion ?? 'confirmed',
    reason: 'lịch nghỉ lễ, quy định nhắc việc hoặc cách xác nhận hoàn thành đã thay đổi',
    by: input.by,
  } as const;
  const refreshed: string[] = [];
  for (const workflowId of stale) {
    try {
      await client.workflow.getHandle(workflowId).executeUpdate(refreshWorkingRulesUpdate, { args: [refresh] });
      refreshed.push(workflowId);
    } catch (error) {
      // A task that has just been completed or cancelled refuses it: it has nothing left to send.
      if (!(error instanceof WorkflowUpdateFailedError)) throw error;
    }
  }
  return refreshed;
}

async function runningWorkflowsOf(client: Client, planId: string, taskId: string): Promise<string[]> {
  const ids: string[] = [];
  const query = taskVisibilityQuery({ planId, taskIds: [taskId], openOnly: true });
  for await (const execution of client.workflow.list({ query })) ids.push(execution.workflowId);
  return ids;
}
