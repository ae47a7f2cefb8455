import { WorkingCalendar } from '@dondoc/calendar';
import { vietnamDate } from '@dondoc/policy';
import path from 'node:path';

import { loadSeedCatalog } from './seed-catalog';
import { simulateTask } from './simulate';
import { planTaskStarts, rulesFingerprint, taskInputFor } from './task-starts';

const seeds = path.join(__dirname, '..', '..', '..', 'seeds');
const catalog = loadSeedCatalog(seeds);
const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
const startsOf = (planId: string, today: string) =>
  planTaskStarts({ plan: catalog.plans.get(planId)!, index: catalog.index, policy: catalog.policyFor(planId), calendarOverrides: catalog.calendarOverrides, today });

describe(planTaskStarts.name, () => {
  it('gives each task to the successor of its lead as of today', () => {
    const { starts } = startsOf('kh-ai-2025-2030', '2026-11-23');
    const ids = starts.map((s) => s.workflowId);
    // Task 3 is led by Sở Thông tin và Truyền thông, merged into Sở KH&CN (1/3/2025), then into Quảng Ngãi's (1/7/2025).
    expect(ids).toContain('task/kh-ai-2025-2030/3/so-khcn-qng');
    expect(ids.some((id) => id.includes('so-tttt'))).toBe(false);
  });

  it('keeps the plan-time lead before any reorganisation', () => {
    const { starts } = startsOf('kh-ai-2025-2030', '2025-01-15');
    expect(starts.map((s) => s.workflowId)).toContain('task/kh-ai-2025-2030/3/so-tttt');
  });

  it('expands collective leads to member agencies, and reports leads dissolved without successor', () => {
    const before = startsOf('kh-nq03-2025', '2025-02-01');
    // I.1 is led by "Các đơn vị, địa phương": every department and district committee.
    const i1 = before.starts.filter((s) => s.input.taskId === 'I.1');
    expect(i1.length).toBeGreaterThan(20);
    expect(i1.map((s) => s.input.agencyId)).toEqual(expect.arrayContaining(['so-khcn', 'so-tai-chinh', 'ubnd-huyen-dak-ha']));
    const after = startsOf('kh-nq03-2025', '2026-11-23');
    expect(after.dissolved.filter((d) => d.taskId === 'I.1').map((d) => d.agencyId)).toEqual(expect.arrayContaining(['ubnd-huyen-dak-ha']));
    expect(new Set(after.starts.map((s) => s.workflowId)).size).toBe(after.starts.length);
  });
});

describe(taskInputFor.name, () => {
  const plan = catalog.plans.get('kh-ai-2025-2030')!;
  const [task] = plan.groups[0]!.tasks.map((t) => ({ ...t, group: { number: null, title: '' } }));
  const policy = catalog.policyFor(plan.id);

  it('carries the plan’s completion mode; only `self` changes the rules fingerprint running workflows are compared by', () => {
    const confirmed = taskInputFor(plan, task!, 'so-khcn', policy, catalog.calendarOverrides);
    const self = taskInputFor({ ...plan, completion: 'self' }, task!, 'so-khcn', policy, catalog.calendarOverrides);
    expect([confirmed.completion, self.completion]).toEqual(['confirmed', 'self']);
    expect(confirmed.rulesFingerprint).toBe(rulesFingerprint(policy, catalog.calendarOverrides));
    expect(taskInputFor({ ...plan, completion: 'confirmed' }, task!, 'so-khcn', policy, catalog.calendarOverrides).rulesFingerprint).toBe(confirmed.rulesFingerprint);
    expect(self.rulesFingerprint).not.toBe(confirmed.rulesFingerprint);
  });

  it('starts yearly cycles no earlier than the working-day calendar (2021)', () => {
    const old = taskInputFor({ ...plan, issued: { ...plan.issued, year: 2019 } }, task!, 'so-khcn', policy, catalog.calendarOverrides);
    expect(old.cycleContext.startYear).toBe(2021);
  });
});

describe(simulateTask.name, () => {
  const aiStarts = startsOf('kh-ai-2025-2030', '2025-01-01').starts;
  const window = { from: '2025-01-01', to: '2030-12-31' };

  it('sends every reminder of the AI plan on a working day, inside office hours', () => {
    const all = aiStarts.flatMap((s) => simulateTask(s.workflowId, s.input, calendar, window));
    expect(all.length).toBeGreaterThan(1000);
    for (const reminder of all) {
      expect(calendar.isWorkingDay(vietnamDate(reminder.at))).toBe(true);
      expect(calendar.isOfficeMoment(reminder.at)).toBe(true);
    }
  });

  it('runs a 2025-2026 task through its 2025 progress cycle, then the 2026 deadline, then weekly escalation', () => {
    const task1 = aiStarts.find((s) => s.input.taskId === '1')!;
    const reminders = simulateTask(task1.workflowId, task1.input, calendar, window);
    const first = reminders.filter((r) => r.cycle === 0).map((r) => `${r.stepId}@${vietnamDate(r.at)}`);
    // Progress report due 15/11/2025 (a Saturday): due-day moves to Friday 14/11 and absorbs before-1wd.
    expect(first.slice(0, 6)).toEqual([
      'before-30d@2025-10-16',
      'before-7d@2025-11-07',
      'due-day@2025-11-14',
      'overdue-1wd@2025-11-17', // Monday: the first working day after Saturday 15/11
      'overdue-5wd@2025-11-21',
      'overdue-15wd@2025-12-05',
    ]);
    const second = reminders.filter((r) => r.cycle === 1);
    expect(second[0]).toMatchObject({ due: '2026-12-31', stepId: 'before-30d' });
    expect(reminders.some((r) => r.catchUp)).toBe(false);
  });

  it('sends one catch-up, not a burst, when started long after the due date', () => {
    const task1 = aiStarts.find((s) => s.input.taskId === '1')!;
    const reminders = simulateTask(task1.workflowId, task1.input, calendar, { from: '2026-03-02', to: '2026-03-31' });
    expect(reminders[0]).toMatchObject({ catchUp: true, cycle: 0 });
    expect(reminders.filter((r) => r.catchUp)).toHaveLength(1);
    expect(reminders.slice(1).every((r) => r.stepId.startsWith('weekly-'))).toBe(true);
  });

  it('after a catch-up, the next step comes no sooner than the next working day, as in the workflow', () => {
    const task1 = aiStarts.find((s) => s.input.taskId === '1')!;
    // Task 1 is due 2026-12-31; started two minutes before its +15wd escalation (08:00, January 2027).
    const plain = simulateTask(task1.workflowId, task1.input, calendar, { from: '2026-12-01', to: '2027-02-28' }).filter((r) => r.cycle === 1);
    const fifteenth = plain.find((r) => r.stepId === 'overdue-15wd')!;
    const started = simulateTask(task1.workflowId, task1.input, calendar, { from: '2027-01-01', to: '2027-02-28', startAt: fifteenth.at - 120_000 });
    expect(started.slice(0, 2).map((r) => [r.stepId, r.catchUp, vietnamDate(r.at)])).toEqual([
      ['overdue-5wd', true, vietnamDate(fifteenth.at)],
      ['overdue-15wd', false, calendar.addWorkingDays(vietnamDate(fifteenth.at), 1)],
    ]);
  });
});
