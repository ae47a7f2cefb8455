// The notifier reports each delivery back to the task workflow, whose timeline
// then shows what reached whom; outcomes never change the ladder. A day after each
// hand-over the workflow asks the queue again, so a lost entry is put back once.
import { timelineQuery } from '@dondoc/contracts';
import { createTaskScenario, DAY, HOUR, ladderOf, startTimeSkippingServer, type TaskScenario } from '@dondoc/test-harness';
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

  it('puts a reminder the queue lost back a day after the hand-over, once, under the same key', async () => {
    const s = await createTaskScenario(env, 'lost');
    try {
      const { handle, first } = await firstStepOfATaskDueIn(s, 120);
      await s.advanceTo(first.at + 2 * HOUR);
      const [job] = s.jobsOf(handle);
      expect(job?.stepId).toBe(first.stepId);
      s.queue.lose(job!.idempotencyKey);
      await s.advanceTo(first.at + 25 * HOUR);
      expect(s.queue.requeued.map((j) => j.idempotencyKey)).toEqual([job!.idempotencyKey]);
      await s.advanceTo(first.at + 4 * DAY);
      expect(s.queue.requeued).toHaveLength(1); // checked once only
      const timeline = await handle.query(timelineQuery);
      expect(timeline.filter((e) => e.detail.includes('hàng đợi đã mất thư nhắc'))).toMatchObject([{ idempotencyKey: job!.idempotencyKey }]);
      await s.cleanUp();
    } finally {
      await s.stop();
    }
  });

  it('asks again a day after every hand-over and leaves a present entry alone', async () => {
    const s = await createTaskScenario(env, 'kept');
    try {
      const { handle, first } = await firstStepOfATaskDueIn(s, 120);
      await s.advanceTo(first.at + 26 * HOUR);
      expect(s.queue.ensureCalls).toBeGreaterThanOrEqual(1);
      expect(s.queue.requeued).toEqual([]);
      expect(s.jobsOf(handle)).toHaveLength(1);
      await s.cleanUp();
    } finally {
      await s.stop();
    }
  });
});
