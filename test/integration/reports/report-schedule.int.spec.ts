// The per-plan report Schedule. The time-skipping test server has no Schedule
// service ("Failed to create schedule"), so this runs on the real dev server:
// Temporal itself computes the next action times from our spec in
// Asia/Ho_Chi_Minh, and a triggered action starts the cycle under its own id.
import { createActivities } from '@dondoc/activities';
import { WorkingCalendar } from '@dondoc/calendar';
import { reportCycleStateQuery, reportCycleWorkflowId, type ReportDeadlineOverride, reportScheduleId } from '@dondoc/contracts';
import type { Plan } from '@dondoc/domain';
import { loadSeedCatalog, reportCatchUpAt, reportDates, reportFires, upsertReportSchedule } from '@dondoc/plan-sync';
import { addCalendarDays, type EscalationPolicy, vietnamDate } from '@dondoc/policy';
import { createTestWorker, RecordingNotificationQueue, startDevServer, storePlans, uniqueTaskQueue } from '@dondoc/test-harness';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import nodemailer from 'nodemailer';
import os from 'node:os';
import path from 'node:path';

import { createTestDatabase, type TestDatabase } from '../../../libs/db/src/testing';

const catalog = loadSeedCatalog(path.join(__dirname, '..', '..', '..', 'seeds'));
const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
const at = (iso: string) => Date.parse(iso);

describe('report schedule (dev server)', () => {
  let env: TestWorkflowEnvironment;
  let database: TestDatabase;

  beforeAll(async () => {
    [env, database] = await Promise.all([startDevServer(), createTestDatabase({ label: 'report schedule' })]);
  });
  afterAll(async () => {
    await env?.teardown();
    await database?.destroy();
  });

  it('fires 30 days before the unit deadline, moved onto a working day, at 08:00 in Asia/Ho_Chi_Minh', () => {
    const ai = catalog.plans.get('kh-ai-2025-2030')!;
    const fires = reportFires(ai, catalog.policyFor(ai.id), calendar);
    // Issued in 10/2024 (day blank): the first request is in 2025.
    expect(fires.map((f) => f.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    // 15/11/2027 minus 30 days is Saturday 16/10: the Friday before, 08:00 (+07:00).
    expect(fires.find((f) => f.year === 2027)?.at).toBe(at('2027-10-15T08:00:00+07:00'));
    // "Theo quy định": 14/12/2027 minus 30 days is Sunday 14/11: Friday 12/11.
    const nq03 = catalog.plans.get('kh-nq03-2025')!;
    const nq03Fires = reportFires(nq03, catalog.policyFor(nq03.id), calendar);
    expect(nq03Fires[0]?.year).toBe(2025); // issued "năm 2025", day and month blank
    const nq03Fire = nq03Fires.find((f) => f.year === 2027);
    expect(nq03Fire?.at).toBe(at('2027-11-12T08:00:00+07:00'));
  });

  it('plans the trigger part so that it holds whatever day the suite runs on', () => {
    // The pure half of the next test, for days before, inside and after a cycle (and around the plan's horizon).
    const plan = catalog.plans.get('kh-ai-2025-2030')!;
    const policy = catalog.policyFor(plan.id);
    for (const day of ['2026-12-03T09:00:00+07:00', '2026-12-20T10:00:00+07:00', '2027-03-01T10:00:00+07:00', '2027-10-20T22:00:00+07:00', '2030-12-31T23:59:00+07:00']) {
      const now = at(day);
      const scenario = scheduleScenario(plan, policy, now);
      expect([day, scenario.moved.year >= scenario.year]).toEqual([day, true]);
      expect([day, scenario.moved.before > now && scenario.moved.after > now && scenario.moved.after !== scenario.moved.before]).toEqual([day, true]);
      // The cycle the trigger finds or starts is open, so its requests go out.
      expect([day, scenario.triggered.closesAt > now]).toEqual([day, true]);
      // Opening this year for the trigger never starts a cycle by itself.
      expect([day, reportCatchUpAt(plan, policy, calendar, now, { years: scenario.years, overrides: scenario.openOverride })]).toEqual([day, null]);
    }
    // After 14/12/2026 this year's cycle has closed, so the trigger runs one opened for the test.
    expect(scheduleScenario(plan, policy, at('2026-12-20T10:00:00+07:00'))).toMatchObject({ year: 2026, catchUp: null, triggered: { unitDeadline: '2027-02-18' } });
    // Inside the 2026 cycle the one `dondoc up` started is found.
    expect(scheduleScenario(plan, policy, at('2026-12-03T09:00:00+07:00'))).toMatchObject({ year: 2026, catchUp: { year: 2026 }, triggered: { unitDeadline: '2026-11-15' } });
  });

  it('is created and updated per plan, Temporal agrees on the next fire times, and a fire starts report/<plan>/<year>', async () => {
    const plan = catalog.plans.get('kh-ai-2025-2030')!;
    const policy = catalog.policyFor(plan.id);
    const taskQueue = uniqueTaskQueue('report-schedule');
    const now = Date.now();
    const scenario = scheduleScenario(plan, policy, now);
    const { years } = scenario;
    const created = await upsertReportSchedule(env.client, plan, policy, calendar, { taskQueue, now, years });
    // Present state: past this year's request day and before its close, this year's cycle starts at once (else nothing does).
    const catchUp = scenario.catchUp && { year: scenario.catchUp.year, workflowId: reportCycleWorkflowId(plan.id, String(scenario.catchUp.year)) };
    expect(created).toMatchObject({ scheduleId: reportScheduleId(plan.id), created: true, catchUp: catchUp && { ...catchUp, started: true } });
    const handle = env.client.schedule.getHandle(created.scheduleId);
    const future = created.fires.filter((f) => f.at > now).map((f) => new Date(f.at).toISOString());
    let description = await handle.describe();
    expect(description.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(description.info.nextActionTimes.map((d) => d.toISOString())).toEqual(future.slice(0, description.info.nextActionTimes.length));
    expect(description.info.nextActionTimes.length).toBeGreaterThan(0);

    // Configuration per year in the plan (reporting.overrides): the first year still ahead has its units report by 01/11
    // instead, so its request moves earlier, and the Schedule's input carries the date for the cycle it starts.
    const { moved } = scenario;
    const configured: Plan = { ...plan, reporting: { ...plan.reporting, overrides: { [moved.year]: { unitDeadline: `${moved.year}-11-01` } } } };
    const updated = await upsertReportSchedule(env.client, configured, policy, calendar, { taskQueue, now, years });
    expect(updated).toMatchObject({ created: false, catchUp: catchUp && { ...catchUp, started: false } });
    description = await handle.describe();
    expect(description.info.nextActionTimes.map((d) => d.toISOString())).toContain(new Date(moved.after).toISOString());
    expect(description.info.nextActionTimes.map((d) => d.toISOString())).not.toContain(new Date(moved.before).toISOString());
    expect(description.action).toMatchObject({ type: 'startWorkflow', args: [{ planId: plan.id, taskQueue, overrides: { [moved.year]: { unitDeadline: `${moved.year}-11-01` } } }] });

    // Triggering the action now starts this year's cycle under its fixed id, or finds the one started above. Where
    // this year's cycle has already closed (or not yet opened), the test opens it with deadlines ahead of today.
    // Given by the caller (as `dondoc report start --unit-deadline` would): merged with the plan's year above.
    await upsertReportSchedule(env.client, configured, policy, calendar, { taskQueue, now, years, overrides: scenario.openOverride });
    expect((await handle.describe()).action).toMatchObject({ args: [{ overrides: { [moved.year]: { unitDeadline: `${moved.year}-11-01` }, ...scenario.openOverride } }] });
    const sink = nodemailer.createTransport({ jsonTransport: true });
    const reports = { db: database.db, loadCatalog: () => catalog, dataDir: os.tmpdir(), mailer: sink, mailFrom: 'dondoc@skhcn.example', publicBaseUrl: 'https://dondoc.example' };
    // The cycle resolves the plan from its stored versions, as the imports leave them.
    await storePlans(database.db, [plan]);
    const activities = createActivities({ probes: { database: async () => {}, redis: async () => {} }, notifications: new RecordingNotificationQueue(), temporal: env.client, reports });
    const worker = await createTestWorker(env, taskQueue, activities);
    await worker.runUntil(async () => {
      await handle.trigger();
      const cycleId = reportCycleWorkflowId(plan.id, String(scenario.year));
      const cycle = env.client.workflow.getHandle(cycleId);
      let state = null;
      // Collecting, and every child has sent its request, or waits for office hours to send it.
      const requestAt = calendar.nextOfficeMoment(Date.now());
      const asked = (a: { remindersSent: number; nextReminderAt: number | null }) => (requestAt > Date.now() ? a.remindersSent === 0 && a.nextReminderAt === requestAt : a.remindersSent === 1);
      for (let i = 0; i < 100 && !(state?.phase === 'collecting' && state.agencies.length > 0 && state.agencies.every(asked)); i++) {
        await new Promise((r) => setTimeout(r, 100));
        state = await cycle.query(reportCycleStateQuery).catch(() => null);
      }
      expect(state!.agencies.map(asked)).toEqual(state!.agencies.map(() => true));
      const { unitDeadline, aggregatorDeadline } = scenario.triggered;
      expect(state).toMatchObject({ phase: 'collecting', planId: plan.id, year: scenario.year, unitDeadline, aggregatorDeadline });
      await cycle.terminate('test over');
      for (const agency of state!.agencies) await env.client.workflow.getHandle(agency.workflowId).terminate('test over');
    });
    await handle.delete();
  });
});

/**
 * What the Schedule test expects at `now`, from the same pure functions the
 * Schedule uses, so the test holds on any day: the years around today, the
 * year whose request a per-year override moves (the first with both moments
 * still ahead), and the cycle a trigger today runs — the one started at once
 * when today is inside this year's cycle, else this year's cycle with
 * deadlines put two months ahead (an open cycle that nothing catches up).
 */
function scheduleScenario(plan: Plan, policy: EscalationPolicy, now: number) {
  const today = vietnamDate(now);
  const year = Number(today.slice(0, 4));
  const years = { from: year, to: year + 2 };
  const catchUp = reportCatchUpAt(plan, policy, calendar, now, { years });
  const moved = [year, year + 1, year + 2]
    .map((y) => ({ year: y, before: reportDates(plan, y, policy, calendar).requestAt, after: reportDates(plan, y, policy, calendar, { unitDeadline: `${y}-11-01` }).requestAt }))
    .find((m) => m.before > now && m.after > now)!;
  const open: ReportDeadlineOverride = { unitDeadline: addCalendarDays(today, 60), aggregatorDeadline: addCalendarDays(today, 70) };
  const openOverride = { [String(year)]: open };
  const triggered = catchUp ? reportDates(plan, year, policy, calendar) : reportDates(plan, year, policy, calendar, open);
  return { year, years, catchUp, moved, openOverride, triggered };
}
