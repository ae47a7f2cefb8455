// The AI plan run by real task workflows until the end of 2030 sends, task by
// task, exactly what `dondoc simulate` lists. The time-skipping server starts at
// today's date, so the run starts today (not 2025-01-01), with today's successor
// agencies and the one catch-up each task gets on import.
import { createActivities } from '@dondoc/activities';
import { WorkingCalendar } from '@dondoc/calendar';
import { loadSeedCatalog, planTaskStarts, simulateTask } from '@dondoc/plan-sync';
import { vietnamDate, vietnamInstant } from '@dondoc/policy';
import { createTestWorker, RecordingNotificationQueue, startTimeSkippingServer, uniqueTaskQueue } from '@dondoc/test-harness';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import path from 'node:path';

const catalog = loadSeedCatalog(path.join(__dirname, '..', '..', '..', 'seeds'));
const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
const PLAN = 'kh-ai-2025-2030';
// Sở KH&CN (Quảng Ngãi since 1/7/2025) leads four of the plan's tasks: enough to cover
// a two-year range in its last cycle, longer ranges and a collective lead. All 30
// task workflows of the plan take over four minutes on this 2-core machine.
const AGENCY = 'so-khcn-qng';

describe('the AI plan until 2030 against dondoc simulate (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startTimeSkippingServer();
  });
  afterAll(() => env?.teardown());

  it('sends per task exactly the reminders the simulation lists, on the same days', async () => {
    const queue = new RecordingNotificationQueue();
    const taskQueue = uniqueTaskQueue('ai-plan');
    const worker = await createTestWorker(env, taskQueue, createActivities({ probes: { database: async () => {}, redis: async () => {} }, notifications: queue, temporal: env.client }));
    const startAt = await env.currentTimeMs();
    const today = vietnamDate(startAt);
    const plan = catalog.plans.get(PLAN)!;
    const { starts } = planTaskStarts({ plan, index: catalog.index, policy: catalog.policyFor(PLAN), calendarOverrides: catalog.calendarOverrides, today });
    const mine = starts.filter((s) => s.input.agencyId === AGENCY);
    expect(mine.map((s) => s.input.taskId)).toEqual(['1', '2', '3', '14']);
    const until = vietnamInstant('2030-12-31', '23:59');

    await worker.runUntil(async () => {
      for (const { workflowId, input } of mine) await env.client.workflow.start('taskWorkflow', { taskQueue, workflowId, args: [input] });
      await env.sleep(until - (await env.currentTimeMs()));
    });

    const sent = (workflowId: string) =>
      queue.jobs.filter((j) => j.workflowId === workflowId).map((j) => `${j.stepId}@${vietnamDate(j.scheduledFor)}${j.template === 'catch-up' ? '*' : ''}`);
    let simulatedTotal = 0;
    for (const { workflowId, input } of mine) {
      const simulated = simulateTask(workflowId, input, calendar, { from: today, to: '2030-12-31', startAt }).map((r) => `${r.stepId}@${vietnamDate(r.at)}${r.catchUp ? '*' : ''}`);
      expect({ workflowId, steps: sent(workflowId) }).toEqual({ workflowId, steps: simulated });
      expect(simulated.length).toBeGreaterThan(0); // every task has reminders left until 2030
      simulatedTotal += simulated.length;
    }
    // Not vacuous: the more years remain before 2030-12-31, the more weekly escalations (over 600 from 2026).
    expect(queue.jobs.length).toBe(simulatedTotal);
    expect(queue.calls).toBe(queue.jobs.length);
  });
});
