import { calendarDateProblem } from '@dondoc/calendar';
import { type GuidanceFanoutInput, type GuidanceFanoutResult, guidanceIssuedSignal } from '@dondoc/contracts';
import { getExternalWorkflowHandle, patched, proxyActivities } from '@temporalio/workflow';

import type { Activities } from '@dondoc/activities';

const { listGuidanceTargets } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Signals in flight at once: keeps the history readable and the server unhurried. */
const BATCH = 50;

/**
 * Central guidance arrived: signal every task waiting for it (or the named ones).
 * A workflow, not an API loop, so the fan-out finishes even if the caller goes
 * away, and a retried request (same id) never signals twice.
 */
export async function guidanceFanoutWorkflow(input: GuidanceFanoutInput): Promise<GuidanceFanoutResult> {
  // A date the tasks' calendar cannot work with reaches no task (the API refuses it first; this guards other starters).
  const refused = calendarDateProblem(input.guidance?.date);
  if (refused && patched('refuse-unusable-guidance-date')) return { signalled: [], missed: [], refused };
  const targets = await listGuidanceTargets({
    ...(input.planId !== undefined ? { planId: input.planId } : {}),
    ...(input.taskIds !== undefined ? { taskIds: input.taskIds } : {}),
  });
  const signalled: string[] = [];
  const missed: string[] = [];
  for (let start = 0; start < targets.length; start += BATCH) {
    const batch = targets.slice(start, start + BATCH);
    const outcomes = await Promise.allSettled(batch.map((id) => getExternalWorkflowHandle(id).signal(guidanceIssuedSignal, input.guidance)));
    // A task that closed after the listing (cancelled meanwhile) cannot be signalled: note it, go on.
    outcomes.forEach((outcome, i) => (outcome.status === 'fulfilled' ? signalled : missed).push(batch[i]!));
  }
  return { signalled, missed };
}
