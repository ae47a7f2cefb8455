// The notifier reports each delivery back to the task workflow, whose timeline
// then shows what reached whom; outcomes never change the ladder.
import { timelineQuery } from '@dondoc/contracts';
import { createTaskScenario, DAY, ladderOf, startTimeSkippingServer, type TaskScenario } from '@dondoc/test-harness';
import type { TestWorkflowEnvironment } from '@temporalio/testing';

describe('task workflow: delivery outcomes (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startTimeSkippingServer();
  });
  afterAll(() => env?.teardown());

  async function firstStepOfATaskDueIn(s: TaskScenario, days: number) {
    const now = await s.now();
    const due = new Date(now + days * DAY);
    const deadline = `${due.getUTCMonth() + 1}/${due.getUTCFullYear()}`;
    const handle = await s.start(deadline, { catchUp: false });
    const state = await s.state(handle);
    const [first] = ladderOf(state.dueDate!, now + 400 * DAY).filter((step) => step.at > now);
    return { handle, first: first! };
  }

  it('records each reported delivery in the timeline', async () => {
    const s = await createTaskScenario(env, 'outcome');
    try {
      const { handle, first } = await firstStepOfATaskDueIn(s, 120);
      await s.advanceTo(first.at + 3 * DAY);
      expect(s.queue.calls).toBe(s.queue.jobs.length);
      const timeline = await handle.query(timelineQuery);
      expect(timeline.filter((e) => e.type === 'delivered')).toMatchObject([{ stepId: first.stepId }]);
      await s.cleanUp();
    } finally {
      await s.stop();
    }
  });
});
