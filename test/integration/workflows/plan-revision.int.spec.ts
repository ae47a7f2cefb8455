// Applying a new plan version to running task workflows (dev server: Updates and
// visibility): a changed deadline rebuilds the ladder, a removed task is
// cancelled with the reason, a new task starts.
import { createActivities } from '@dondoc/activities';
import { diffPlans } from '@dondoc/catalog';
import { type CalendarOverrides, WorkingCalendar } from '@dondoc/calendar';
import { RULES_FINGERPRINT_MEMO, stateQuery, timelineQuery } from '@dondoc/contracts';
import type { Plan, TaskGroup } from '@dondoc/domain';
import { applyPlanRevision, loadSeedCatalog, rulesFingerprint } from '@dondoc/plan-sync';
import { buildLadder, positionAt, vietnamDate } from '@dondoc/policy';
import { parseDeadline } from '@dondoc/schemas';
import { createTestWorker, RecordingNotificationQueue, startDevServer, uniqueTaskQueue } from '@dondoc/test-harness';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import path from 'node:path';

const catalog = loadSeedCatalog(path.join(__dirname, '..', '..', '..', 'seeds'));
const deadline = (raw: string) => {
  const parsed = parseDeadline(raw);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.deadline;
};

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('plan revisions applied to running task workflows (dev server)', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = uniqueTaskQueue('revision');

  beforeAll(async () => {
    env = await startDevServer();
    const activities = createActivities({ probes: { database: async () => {}, redis: async () => {} }, notifications: new RecordingNotificationQueue(), temporal: env.client });
    worker = await createTestWorker(env, taskQueue, activities);
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  it('rebuilds the changed task, cancels the removed one and starts the new one', async () => {
    const v1 = catalog.plans.get('kh-ai-2025-2030')!;
    const common = { index: catalog.index, policy: catalog.policyFor(v1.id), calendarOverrides: catalog.calendarOverrides, today: vietnamDate(Date.now()), taskQueue, by: 'admin@skhcn' };
    const first = await applyPlanRevision(env.client, { ...common, plan: v1, diff: null, version: 1 });
    expect(first.started).toContain('task/kh-ai-2025-2030/1/so-khcn-qng');
    const count = async () => (await env.client.workflow.count(`DondocPlan = '${v1.id}' AND ExecutionStatus = 'Running'`)).count;
    expect(await eventually(count, (n) => n === first.started.length)).toBe(first.started.length);

    // Version 2: task 1 now runs 2027-2028, task 14 is gone, task 15 is new.
    const [group] = v1.groups as [TaskGroup];
    const tasks = group.tasks.filter((t) => t.id !== '14').map((t) => (t.id === '1' ? { ...t, deadline: deadline('2027-2028') } : t));
    const added = { ...group.tasks.find((t) => t.id === '13')!, id: '15', row: 15, name: 'Nhiệm vụ bổ sung: ứng dụng TTNT trong tiếp nhận phản ánh của người dân.' };
    const v2: Plan = { ...v1, groups: [{ ...group, tasks: [...tasks, added] }] };
    const diff = diffPlans(v1, v2);
    const second = await applyPlanRevision(env.client, { ...common, plan: v2, diff, version: 2 });

    expect(second.revised).toEqual(['task/kh-ai-2025-2030/1/so-khcn-qng']);
    expect(second.cancelled.length).toBeGreaterThan(0);
    expect(second.cancelled.every((id) => id.startsWith('task/kh-ai-2025-2030/14/'))).toBe(true);
    expect(second.started.length).toBeGreaterThan(0);
    expect(second.started.every((id) => id.startsWith('task/kh-ai-2025-2030/15/'))).toBe(true);

    const revised = env.client.workflow.getHandle('task/kh-ai-2025-2030/1/so-khcn-qng');
    const state = await eventually(() => revised.query(stateQuery), (s) => s.dueDate === '2027-11-15');
    expect(state).toMatchObject({ dueDate: '2027-11-15', cycleKind: 'progress', status: 'not-due' });
    expect((await revised.query(timelineQuery)).map((e) => e.type)).toContain('plan-revised');

    const removed = env.client.workflow.getHandle(second.cancelled[0]!);
    expect((await removed.result()).status).toBe('cancelled');
    const again = await applyPlanRevision(env.client, { ...common, plan: v2, diff: diffPlans(v2, v2), version: 2 });
    expect(again).toMatchObject({ started: [], revised: [], cancelled: [], rulesRefreshed: [] }); // re-applying changes nothing
  });

  it('a holiday announced later reaches running workflows: the next reminder moves off it, and only once', async () => {
    // A plan of its own, so the first test's workflows stay out of the way.
    const plan: Plan = { ...catalog.plans.get('kh-ai-2025-2030')!, id: 'kh-ai-rules' };
    const policy = catalog.policyFor('kh-ai-2025-2030');
    const common = { plan, diff: null, version: 1, index: catalog.index, policy, today: vietnamDate(Date.now()), taskQueue, by: 'admin@skhcn' };
    const first = await applyPlanRevision(env.client, { ...common, calendarOverrides: catalog.calendarOverrides });
    expect(first.rulesRefreshed).toEqual([]);
    const handle = env.client.workflow.getHandle('task/kh-ai-rules/1/so-khcn-qng');
    const before = await eventually(() => handle.query(stateQuery), (s) => s.nextReminderAt !== null);
    const day = vietnamDate(before.nextReminderAt!);
    // Visibility shows the fingerprint the workflow wrote into its memo.
    await eventually(async () => (await handle.describe()).memo?.[RULES_FINGERPRINT_MEMO], (memo) => memo !== undefined);

    // The Government announces that day as a day off (an override file for its year).
    const announced: CalendarOverrides = {
      year: Number(day.slice(0, 4)),
      documents: { 'bnv-test': 'Thông báo nghỉ thêm (thử nghiệm)' },
      replaces: [],
      daysOff: [{ date: day, occasion: 'other', kind: 'extra', name: 'Nghỉ thêm', document: 'bnv-test' }],
      workingDays: [],
    };
    const calendarOverrides = [...catalog.calendarOverrides.filter((o) => o.year !== announced.year), announced];
    const second = await applyPlanRevision(env.client, { ...common, calendarOverrides });
    expect(second.rulesRefreshed.length).toBe(first.started.length);
    expect(second.rulesRefreshed).toContain(handle.workflowId);

    const after = await eventually(() => handle.query(stateQuery), (s) => s.nextReminderAt !== before.nextReminderAt);
    const calendar = new WorkingCalendar({ overrides: calendarOverrides });
    const ladderNext = (overrides: readonly CalendarOverrides[]) =>
      positionAt(buildLadder(before.dueDate!, policy, new WorkingCalendar({ overrides }), Date.now() + 800 * 86_400_000), Date.now()).next!;
    // Started out of office hours with a step already past, the task waits to send that step as its catch-up at
    // the next office moment; the refresh carries the catch-up over, to the next office moment of the new calendar.
    const pendingCatchUp = before.nextReminderStep !== ladderNext(catalog.calendarOverrides).stepId;
    const expected = pendingCatchUp ? { stepId: before.nextReminderStep, at: calendar.nextOfficeMoment(Date.now()) } : ladderNext(calendarOverrides);
    expect(after).toMatchObject({ dueDate: before.dueDate, cycle: before.cycle, nextReminderStep: expected.stepId, nextReminderAt: expected.at });
    expect(vietnamDate(after.nextReminderAt!)).not.toBe(day);
    expect((await handle.query(timelineQuery)).filter((e) => e.type === 'rules-updated')).toHaveLength(1);

    await eventually(async () => (await handle.describe()).memo?.[RULES_FINGERPRINT_MEMO], (memo) => memo === rulesFingerprint(policy, calendarOverrides));
    const third = await applyPlanRevision(env.client, { ...common, calendarOverrides });
    expect(third.rulesRefreshed).toEqual([]);
  });
});
