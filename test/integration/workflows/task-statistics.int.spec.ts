// Statistics count cycles from visibility (dev server: the time-skipping server
// cannot list): a recurring duty's completed round counts from its closed run, a
// run that continued within its cycle (new rules) does not count twice.
import { completeUpdate, refreshWorkingRulesUpdate } from '@dondoc/contracts';
import { collectTaskStatistics, listTaskCycleRecords, rulesFingerprint } from '@dondoc/plan-sync';
import { vietnamDate } from '@dondoc/policy';
import { createTaskScenario, eventually, loadSeedPolicy, startDevServer, taskInput, type TaskScenario, vnYear } from '@dondoc/test-harness';
import type { TestWorkflowEnvironment } from '@temporalio/testing';

describe('task statistics from visibility (dev server)', () => {
  let env: TestWorkflowEnvironment;
  let s: TaskScenario;

  beforeAll(async () => {
    env = await startDevServer();
    s = await createTaskScenario(env, 'stats');
  });
  afterAll(async () => {
    await s?.cleanUp();
    await s?.stop();
    await env?.teardown();
  });

  it('counts a completed yearly round and the next one, and a task continued under new rules once', async () => {
    const planId = `stats-${Date.now()}`;
    const year = vnYear(Date.now());
    const yearly = await s.start('Hằng năm', { planId, cycleContext: { ...taskInput('Hằng năm').cycleContext, startYear: year, horizonYear: year + 2 } });
    const month = await s.start('12/2025', { planId });
    await eventually(() => s.state(yearly), (state) => state.dueDate !== null);
    await yearly.executeUpdate(completeUpdate, { args: [{ by: 'admin', evidence: 'Báo cáo năm' }] });
    await eventually(() => s.state(yearly), (state) => state.cycle === 1);
    const policy = loadSeedPolicy();
    const monthFirstRun = (await month.describe()).runId;
    await month.executeUpdate(refreshWorkingRulesUpdate, { args: [{ by: 'import', policy, calendarOverrides: [], rulesFingerprint: rulesFingerprint(policy, []), reason: 'lịch mới' }] });

    // The refresh continues the month task in a new run, within the same cycle.
    await eventually(() => month.describe(), (description) => description.runId !== monthFirstRun && description.status.name === 'RUNNING');
    const records = await eventually(
      () => listTaskCycleRecords(env.client, { planId }, () => null),
      (found) => found.length === 3 && found.every((r) => r.status !== 'active'),
    );
    const monthTask = (await s.state(month)).taskId;
    expect(records.filter((r) => r.taskId === monthTask)).toEqual([expect.objectContaining({ status: 'overdue' })]);
    const completedRound = records.find((r) => r.status.startsWith('completed'))!;
    expect(completedRound).toMatchObject({ planId, agencyId: 'so-khcn', dueDate: `${year}-11-15` });
    const today = vietnamDate(Date.now());
    const stats = await collectTaskStatistics(env.client, { today, planId }, () => 'I');
    const onTime = today <= `${year}-11-15` ? 1 : 0;
    expect(stats.overall).toMatchObject({
      total: 3,
      categories: { 'completed-on-time': onTime, 'completed-late': 1 - onTime, 'open-overdue': 1, 'not-due': 1 },
    });
    expect(stats.byGroup).toEqual([{ planId, group: 'I', counts: stats.overall }]);
  });
});
