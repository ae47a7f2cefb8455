// A cycle started after its request day (dondoc up in late November): the
// agencies are asked at once, but like every letter only in office hours; a
// report sent before the morning makes the request moot, and a cycle started
// after it closed asks nobody and records who is missing.
import { createActivities } from '@dondoc/activities';
import { WorkingCalendar } from '@dondoc/calendar';
import { agencyReportStateQuery, agencyReportWorkflowId, reportCycleStateQuery, reportCycleWorkflowId, submitReportUpdate, validateReportContent } from '@dondoc/contracts';
import { ReportSubmissionRepository } from '@dondoc/db';
import { loadSeedCatalog, reportDates, resolveReportCycle } from '@dondoc/plan-sync';
import { createTestWorker, RecordingNotificationQueue, startTimeSkippingServer, storePlans, uniqueTaskQueue } from '@dondoc/test-harness';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';

import type { reportCycleWorkflow } from '@dondoc/workflows';

import { createTestDatabase, type TestDatabase } from '../../../libs/db/src/testing';
import { contentFor } from './support/report-scenario';

const PLAN = 'kh-nq03-2025';
const catalog = loadSeedCatalog(path.join(__dirname, '..', '..', '..', 'seeds'));
const plan = catalog.plans.get(PLAN)!;
const policy = catalog.policyFor(PLAN);
const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
const DAY = 86_400_000;
const pause = () => new Promise((r) => setTimeout(r, 50));

describe('report cycle started after its request day (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let database: TestDatabase;
  let dataDir: string;
  let queue: RecordingNotificationQueue;
  let taskQueue: string;
  /** A worker runs once (runUntil); each test gets its own on the shared queue. */
  const newWorker = (): Promise<Worker> => {
    const reports = { db: database.db, loadCatalog: () => catalog, dataDir, mailer: nodemailer.createTransport({ jsonTransport: true }), mailFrom: 'dondoc@skhcn.example', publicBaseUrl: 'https://dondoc.example' };
    return createTestWorker(env, taskQueue, createActivities({ probes: { database: async () => {}, redis: async () => {} }, notifications: queue, temporal: env.client, reports }));
  };

  beforeAll(async () => {
    [env, database] = await Promise.all([startTimeSkippingServer(), createTestDatabase({ label: 'report catch-up' })]);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-report-catch-up-'));
    queue = new RecordingNotificationQueue();
    taskQueue = uniqueTaskQueue('report-catch-up');
    await storePlans(database.db, [plan]);
  });
  afterAll(async () => {
    await env?.teardown();
    await database?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends the requests of a cycle started at night the next office morning, except to an agency that reported meanwhile', async () => {
    const year = new Date(await env.currentTimeMs()).getUTCFullYear() + 1;
    const dates = reportDates(plan, year, policy, calendar);
    // Ten days after the request day, at 21:00 in Vietnam: inside the cycle's window, outside office hours.
    const startAt = Date.parse(`${dates.requestDay}T21:00:00+07:00`) + 10 * DAY;
    const morning = calendar.nextOfficeMoment(startAt);
    expect(morning).toBeGreaterThan(startAt);
    expect(morning).toBeLessThan(dates.closesAt);
    await env.sleep(startAt - (await env.currentTimeMs()));

    const cycleKey = String(year);
    const worker = await newWorker();
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof reportCycleWorkflow>('reportCycleWorkflow', { taskQueue, workflowId: reportCycleWorkflowId(PLAN, cycleKey), args: [{ planId: PLAN, year }] });
      const assignments = resolveReportCycle(catalog, plan, { planId: PLAN, year }, calendar).agencies;
      const child = (agencyId: string) => env.client.workflow.getHandle(agencyReportWorkflowId(PLAN, cycleKey, agencyId));
      let cycle = await handle.query(reportCycleStateQuery);
      for (let i = 0; i < 200 && !(cycle.agencies.length === assignments.length && cycle.agencies.every((a) => a.nextReminderAt === morning)); i++) {
        await pause();
        cycle = await handle.query(reportCycleStateQuery);
      }
      // Waiting for the morning, visibly: nothing sent yet, the request is the next letter.
      expect(cycle.agencies.map((a) => [a.remindersSent, a.nextReminderAt])).toEqual(assignments.map(() => [0, morning]));
      expect(queue.jobs.filter((j) => j.template === 'report-request')).toEqual([]);

      // One agency reports that night through the API.
      const [early] = assignments;
      const checked = validateReportContent(contentFor(plan, early!), early!);
      if (!checked.ok) throw new Error(checked.errors.join('\n'));
      const draft = await new ReportSubmissionRepository(database.db).createDraft({ planId: PLAN, year, cycleKey }, early!.agencyId, checked.content, 'focal');
      expect(await child(early!.agencyId).executeUpdate(submitReportUpdate, { args: [{ submissionId: draft.id, by: 'focal' }] })).toMatchObject({ status: 'submitted', nextReminderAt: null });

      await env.sleep(morning + 60_000 - (await env.currentTimeMs()));
      for (let i = 0; i < 200 && queue.jobs.filter((j) => j.template === 'report-request').length < assignments.length - 1; i++) await pause();
      const requests = queue.jobs.filter((j) => j.template === 'report-request');
      expect(requests.map((j) => j.agencyId).sort()).toEqual(assignments.slice(1).map((a) => a.agencyId).sort());
      expect(requests.map((j) => j.scheduledFor)).toEqual(requests.map(() => morning));
      expect((await child(assignments[1]!.agencyId).query(agencyReportStateQuery)).remindersSent).toBe(1);
      expect((await child(early!.agencyId).query(agencyReportStateQuery)).remindersSent).toBe(0);
      await handle.terminate('test over');
      for (const agency of assignments) await child(agency.agencyId).terminate('test over');
    });
  });

  it('asks nobody in a cycle started after it closed, records every agency as missing, and consolidates and sends nothing (issue 12 §6)', async () => {
    const year = new Date(await env.currentTimeMs()).getUTCFullYear() - 1;
    const cycleKey = String(year);
    const before = queue.jobs.length;
    const worker = await newWorker();
    await worker.runUntil(async () => {
      const final = await env.client.workflow.execute<typeof reportCycleWorkflow>('reportCycleWorkflow', { taskQueue, workflowId: reportCycleWorkflowId(PLAN, cycleKey), args: [{ planId: PLAN, year }] });
      // Before the sign-off such a cycle was 'completed' with a consolidation e-mailed of nobody having been asked.
      expect(final).toMatchObject({ phase: 'not-requested', files: [], emailMessageId: null, signOff: null });
      expect(final.agencies.length).toBeGreaterThan(10);
      expect(final.agencies.map((a) => [a.status, a.remindersSent, a.requestedAt])).toEqual(final.agencies.map(() => ['missing', 0, null]));
    });
    expect(queue.jobs.slice(before)).toEqual([]);
    expect(await database.db.selectFrom('report_files').select('id').where('cycle_key', '=', cycleKey).execute()).toEqual([]);
    expect(await database.db.selectFrom('delivery_log').select('id').where('workflow_id', '=', reportCycleWorkflowId(PLAN, cycleKey)).execute()).toEqual([]);
  });
});
