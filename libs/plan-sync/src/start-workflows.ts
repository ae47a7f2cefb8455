import { RULES_FINGERPRINT_MEMO, searchAttributes, TASK_QUEUE_DEFAULT } from '@dondoc/contracts';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';

import type { TaskStart } from './task-starts';

export interface StartReport {
  readonly started: string[];
  /** Already running (or finished) under the same id: imports are idempotent. */
  readonly existing: string[];
}

/** Starts each task workflow unless one with its id already exists. */
export async function startTaskWorkflows(client: Client, starts: readonly TaskStart[], taskQueue = TASK_QUEUE_DEFAULT): Promise<StartReport> {
  const started: string[] = [];
  const existing: string[] = [];
  for (const { workflowId, input } of starts) {
    try {
      await client.workflow.start('taskWorkflow', {
        taskQueue,
        workflowId,
        args: [input],
        // A finished task is not restarted by a later import of the same plan.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        // In visibility from the start, so an import right after this one finds it current.
        ...(input.rulesFingerprint ? { memo: { [RULES_FINGERPRINT_MEMO]: input.rulesFingerprint } } : {}),
        typedSearchAttributes: [
          { key: searchAttributes.plan, value: input.planId },
          { key: searchAttributes.task, value: input.taskId },
          { key: searchAttributes.agency, value: input.agencyId },
          { key: searchAttributes.status, value: 'active' },
        ],
      });
      started.push(workflowId);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      existing.push(workflowId);
    }
  }
  return { started, existing };
}
