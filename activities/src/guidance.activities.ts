import { type GuidanceTargetFilter, taskVisibilityQuery } from '@dondoc/contracts';
import type { Client } from '@temporalio/client';

/** The guidance fan-out's one side effect: asking visibility who waits for guidance. */
export function createGuidanceActivities(client: Client) {
  return {
    /** Workflow ids of running tasks waiting for central guidance, sorted so retries see the same order. */
    async listGuidanceTargets(filter: GuidanceTargetFilter): Promise<string[]> {
      const query = taskVisibilityQuery({
        openOnly: true,
        statuses: ['waiting-trigger'],
        ...(filter.planId !== undefined ? { planId: filter.planId } : {}),
        ...(filter.taskIds !== undefined ? { taskIds: filter.taskIds } : {}),
      });
      const ids = new Set<string>();
      for await (const execution of client.workflow.list({ query })) ids.add(execution.workflowId);
      return [...ids].sort();
    },
  };
}
