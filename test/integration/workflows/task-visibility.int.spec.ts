// The lists users read come from Temporal visibility over the task's search
// attributes (dev server: the time-skipping server cannot list).
import { cancelUpdate, completeUpdate, reassignUpdate, searchAttributes, taskVisibilityQuery } from '@dondoc/contracts';
import { calendarDaysBetween } from '@dondoc/policy';
import { createTaskScenario, DAY, eventually, startDevServer, type TaskScenario, vnDay } from '@dondoc/test-harness';
import type { TestWorkflowEnvironment } from '@temporalio/testing';

describe('task workflow: visibility lists (dev server)', () => {
  let env: TestWorkflowEnvironment;
  let s: TaskScenario;

  beforeAll(async () => {
    env = await startDevServer();
    s = await createTaskScenario(env, 'vis');
  });
  afterAll(async () => {
    await s?.cleanUp();
    await s?.stop();
    await env?.teardown();
  });

  async function list(query: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const execution of s.env.client.workflow.list({ query })) ids.push(execution.workflowId);
    return ids.sort();
  }
  /** Visibility is eventually consistent: poll until the list has the expected members. */
  const listed = (query: string, expected: string[]) =>
    eventually(() => list(query), (ids) => JSON.stringify(ids) === JSON.stringify([...expected].sort()));

  it('lists a plan’s tasks by status, days overdue and agency', async () => {
    const planId = `vis-${Date.now()}`;
    const [y, m] = vnDay(Date.now() + 150 * DAY).split('-').map(Number) as [number, number];
    const late = await s.start('12/2025', { planId });
    const later = await s.start('6/2025', { planId });
    const ahead = await s.start(`${m}/${y}`, { planId });
    const waiting = await s.start('Sau khi có văn bản hướng dẫn của Trung ương', { planId });
    const dropped = await s.start('9/2025', { planId });
    await dropped.executeUpdate(cancelUpdate, { args: [{ by: 'admin', reason: 'Bãi bỏ' }] });
    const doneLate = await s.start('11/2025', { planId });
    await doneLate.executeUpdate(completeUpdate, { args: [{ by: 'admin', evidence: 'Công văn 3/SKHCN' }] });

    const plan = `DondocPlan = '${planId}'`;
    expect(await listed(`${plan} AND DondocStatus = 'overdue'`, [late.workflowId, later.workflowId])).toEqual(
      [late.workflowId, later.workflowId].sort(),
    );
    expect(await listed(`${plan} AND DondocStatus = 'not-due'`, [ahead.workflowId])).toEqual([ahead.workflowId]);
    expect(await listed(`${plan} AND DondocStatus = 'completed-late'`, [doneLate.workflowId])).toEqual([doneLate.workflowId]);
    // Days late stay on a task completed late, but the overdue list is of open tasks only.
    expect((await doneLate.describe()).typedSearchAttributes.get(searchAttributes.daysOverdue)).toBeGreaterThan(200);
    expect(await listed(taskVisibilityQuery({ planId, overdue: true }), [late.workflowId, later.workflowId])).toEqual([late.workflowId, later.workflowId].sort());
    expect(await listed(`${plan} AND DondocStatus = 'waiting-trigger'`, [waiting.workflowId])).toEqual([waiting.workflowId]);
    expect(await listed(`${plan} AND DondocStatus = 'cancelled'`, [dropped.workflowId])).toEqual([dropped.workflowId]);

    // The longest overdue: 6/2025 has been late 184 days longer than 12/2025.
    const daysLater = calendarDaysBetween('2025-06-30', vnDay(Date.now()));
    const longest = await listed(`${plan} AND DondocDaysOverdue >= ${daysLater - 1}`, [later.workflowId]);
    expect(longest).toEqual([later.workflowId]);
    const days = (await later.describe()).typedSearchAttributes.get(searchAttributes.daysOverdue);
    expect(days === daysLater || days === daysLater - 1).toBe(true); // the workflow may have counted just before midnight

    await ahead.executeUpdate(reassignUpdate, { args: [{ by: 'admin', toAgency: 'so-tc', reason: 'Chuyển chủ trì' }] });
    expect(await listed(`${plan} AND DondocAgency = 'so-tc'`, [ahead.workflowId])).toEqual([ahead.workflowId]);
    expect(await listed(`${plan} AND DondocAgency = 'so-khcn' AND DondocStatus = 'overdue'`, [late.workflowId, later.workflowId])).toHaveLength(2);
  });
});
