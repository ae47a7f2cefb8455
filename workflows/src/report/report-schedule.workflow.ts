import { REPORT_CYCLE_WORKFLOW_TYPE, reportCycleWorkflowId, type ReportScheduleInput } from '@dondoc/contracts';
import { vietnamDate } from '@dondoc/policy';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild, workflowInfo } from '@temporalio/workflow';

import type { reportCycleWorkflow } from './report-cycle.workflow';

/**
 * The action of a plan's report Schedule. A Schedule appends the fire time to
 * the ids of the workflows it starts, so this short workflow starts the cycle
 * under its own id, `report/<plan>/<year>`: a cycle an admin started early is
 * found, not started twice.
 */
export async function reportScheduleWorkflow(input: ReportScheduleInput): Promise<string> {
  // The year of the day the schedule fired in Vietnam, from the workflow clock.
  const year = Number(vietnamDate(workflowInfo().startTime.getTime()).slice(0, 4));
  const workflowId = reportCycleWorkflowId(input.planId, String(year));
  const deadlines = input.overrides?.[String(year)];
  try {
    await startChild<typeof reportCycleWorkflow>(REPORT_CYCLE_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: input.taskQueue,
      args: [{ planId: input.planId, year, ...(deadlines ? { deadlines } : {}) }],
      // The cycle runs for two months; this launcher ends as soon as it has started.
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return `started ${workflowId}`;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return `already started ${workflowId}`;
    throw error;
  }
}
