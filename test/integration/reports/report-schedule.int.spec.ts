// The per-plan report Schedule. The time-skipping test server has no Schedule
// service ("Failed to create schedule"), so this runs on the real dev server:
// Temporal itself computes the next action times from our spec in
// Asia/Ho_Chi_Minh, and a triggered action starts the cycle under its own id.
import { createActivities } from '@dondoc/activities';
import { WorkingCalendar } from '@dondoc/calendar';
import { reportCycleStateQuery, reportCycleWorkflowId, reportScheduleId } from '@dondoc/contracts';
import { loadSeedCatalog, reportCatchUpAt, reportFires, upsertReportSchedule } from '@dondoc/plan-sync';
import { vietnamDate } from '@dondoc/policy';
import { createTestWorker, RecordingNotificationQueue, startDevServer, uniqueTaskQueue } from '@dondoc/test-harness';
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

  it('is created and updated per plan, Temporal agrees on the next fire times, and a fire starts report/<plan>/<year>', async () => {
    const plan = catalog.plans.get('kh-ai-2025-2030')!;
    const policy = catalog.policyFor(plan.id);
    const taskQueue = uniqueTaskQueue('report-schedule');
    const now = Date.now();
    const created = await upsertReportSchedule(env.client, plan, policy, calendar, { taskQueue, now });
    // Present state: past this year's request day and before its close, this year's cycle starts at once (else nothing does).
    const due = reportCatchUpAt(plan, policy, calendar, now);
    const catchUp = due && { year: due.year, workflowId: reportCycleWorkflowId(plan.id, String(due.year)) };
    expect(created).toMatchObject({ scheduleId: reportScheduleId(plan.id), created: true, catchUp: catchUp && { ...catchUp, started: true } });
    const handle = env.client.schedule.getHandle(created.scheduleId);
    const future = created.fires.filter((f) => f.at > now).map((f) => new Date(f.at).toISOString());
    let description = await handle.describe();
    expect(description.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(description.info.nextActionTimes.map((d) => d.toISOString())).toEqual(future.slice(0, description.info.nextActionTimes.length));
    expect(description.info.nextActionTimes.length).toBeGreaterThan(0);

    // Configuration per year: 2027's units report by 01/11 instead, so the request moves to Friday 01/10/2027.
    const updated = await upsertReportSchedule(env.client, plan, policy, calendar, { taskQueue, overrides: { '2027': { unitDeadline: '2027-11-01' } } });
    expect(updated).toMatchObject({ created: false, catchUp: catchUp && { ...catchUp, started: false } });
    description = await handle.describe();
    expect(description.info.nextActionTimes.map((d) => d.toISOString())).toContain('2027-10-01T01:00:00.000Z');
    expect(description.info.nextActionTimes.map((d) => d.toISOString())).not.toContain('2027-10-15T01:00:00.000Z');

    // Triggering the action now starts this year's cycle under its fixed id (or finds the one started above).
    const sink = nodemailer.createTransport({ jsonTransport: true });
    const reports = { db: database.db, loadCatalog: () => catalog, dataDir: os.tmpdir(), mailer: sink, mailFrom: 'dondoc@skhcn.example' };
    const activities = createActivities({ probes: { database: async () => {}, redis: async () => {} }, notifications: new RecordingNotificationQueue(), temporal: env.client, reports });
    const worker = await createTestWorker(env, taskQueue, activities);
    await worker.runUntil(async () => {
      await handle.trigger();
      const cycleId = reportCycleWorkflowId(plan.id, vietnamDate(Date.now()).slice(0, 4));
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
      expect(state).toMatchObject({ phase: 'collecting', planId: plan.id, unitDeadline: `${cycleId.slice(-4)}-11-15`, aggregatorDeadline: `${cycleId.slice(-4)}-12-15` });
      await cycle.terminate('test over');
      for (const agency of state!.agencies) await env.client.workflow.getHandle(agency.workflowId).terminate('test over');
    });
    await handle.delete();
  });
});
