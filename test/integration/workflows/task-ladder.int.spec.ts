// Months-long ladders on the time-skipping server: every reminder of a task
// goes out once, on the day the pure ladder (and `dondoc simulate`) says.
import { createActivities } from '@dondoc/activities';
import { completeUpdate, searchAttributes, stateQuery, taskWorkflowId, timelineQuery } from '@dondoc/contracts';
import { buildLadder } from '@dondoc/policy';
import { WorkingCalendar } from '@dondoc/calendar';
import { createTestWorker, RecordingNotificationQueue, startTimeSkippingServer, taskInput, uniqueTaskQueue } from '@dondoc/test-harness';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';

import type { taskWorkflow } from '@dondoc/workflows';

const DAY = 86_400_000;

describe('task workflow ladder (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let queue: RecordingNotificationQueue;
  let worker: Worker;
  let taskQueue: string;

  beforeAll(async () => {
    env = await startTimeSkippingServer();
  });
  afterAll(() => env?.teardown());
  beforeEach(async () => {
    queue = new RecordingNotificationQueue(env.client);
    taskQueue = uniqueTaskQueue('ladder');
    const probes = { database: async () => {}, redis: async () => {} };
    worker = await createTestWorker(env, taskQueue, createActivities({ probes, notifications: queue, temporal: env.client }));
  });

  function start(deadline: string, taskId: string, overrides = {}) {
    const input = taskInput(deadline, { taskId, ...overrides });
    return env.client.workflow.start<typeof taskWorkflow>('taskWorkflow', {
      taskQueue,
      workflowId: taskWorkflowId(input.planId, `${taskId}-${taskQueue}`, input.agencyId),
      args: [input],
      searchAttributes: { DondocPlan: [input.planId], DondocTask: [taskId], DondocAgency: [input.agencyId], DondocStatus: ['active'] },
    });
  }

  it('sends a fixed-date ladder once per step on the days the pure ladder gives, then completes', async () => {
    const now = await env.currentTimeMs();
    // A month deadline about five months ahead, so every step lies in the future.
    const dueMonth = new Date(now + 150 * DAY);
    const deadline = `${dueMonth.getUTCMonth() + 1}/${dueMonth.getUTCFullYear()}`;
    await worker.runUntil(async () => {
      const handle = await start(deadline, 'fixed');
      const state0 = await handle.query(stateQuery);
      const expected = buildLadder(state0.dueDate!, taskInput(deadline).policy, new WorkingCalendar(), now + 400 * DAY);
      expect(state0.status).toBe('not-due'); // five months ahead: its first reminder has not come yet
      expect(state0.nextReminderStep).toBe('before-30d');

      // Skip to three weeks past the due date: the before steps, the due day and the +1, +5, +15 escalations.
      const until = Date.parse(`${state0.dueDate}T12:00:00+07:00`) + 28 * DAY;
      await env.sleep(until - (await env.currentTimeMs()));
      const expectedSoFar = expected.filter((s) => s.at <= until).map((s) => `${s.stepId}@${s.day}`);
      expect(queue.steps()).toEqual(expectedSoFar);
      expect(queue.steps().map((s) => s.split('@')[0])).toEqual(
        // (before-1wd merges into due-day when the due date is a holiday, e.g. 30/4)
        expect.arrayContaining(['before-30d', 'before-7d', 'due-day', 'overdue-1wd', 'overdue-5wd', 'overdue-15wd']),
      );
      for (const job of queue.jobs) expect(job.idempotencyKey).toBe(`${handle.workflowId}|${state0.dueDate}|${job.stepId}`);
      expect(queue.calls).toBe(queue.jobs.length);

      const overdue = await handle.query(stateQuery);
      expect(overdue.status).toBe('overdue');
      const description = await handle.describe();
      expect(description.typedSearchAttributes.get(searchAttributes.status)).toBe('overdue');
      expect(description.typedSearchAttributes.get(searchAttributes.daysOverdue)).toBeGreaterThan(20);

      await handle.executeUpdate(completeUpdate, { args: [{ by: 'chuyenvien@skhcn', evidence: 'Công văn 123/SKHCN' }] });
      const final = await handle.result();
      expect(final).toMatchObject({ status: 'completed-late', completion: { dueDate: state0.dueDate, daysLate: expect.any(Number) } });
      expect(final.completion!.daysLate).toBeGreaterThan(20);
      const timeline = await handle.query(timelineQuery);
      expect(timeline.map((e) => e.type)).toContain('completed');
    });
  });
});
