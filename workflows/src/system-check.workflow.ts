import { proxyActivities, workflowInfo } from '@temporalio/workflow';

import type { Activities, DependencyReport } from '@dondoc/activities';

const { checkDependencies } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 3 },
});

export interface SystemCheckResult extends DependencyReport {
  workflowId: string;
  taskQueue: string;
}

/**
 * End-to-end health check: proves a worker polls the queue, runs workflow code
 * from the current bundle and reaches the database and Redis. `dondoc status` runs it.
 */
export async function systemCheckWorkflow(): Promise<SystemCheckResult> {
  const report = await checkDependencies();
  const { workflowId, taskQueue } = workflowInfo();
  return { ...report, workflowId, taskQueue };
}
