// Cycles that start late, on the time-skipping server.
// Issue 12 §5: `dondoc up` on 04/12 started the 2026 cycle of kh-ai-2025-2030
// after its unit deadline (15/11): the requests came with a deadline already
// past and, minutes later, every agency got the +15-working-day escalation.
// A request sent after its deadline now gives a grace period, stated in the
// request, and the ladder counts from it.
// Issue 12 §6: an ad-hoc request due today sent no request and e-mailed the
// consolidation at once. Now requests go out and the cycle closes when
// offices close today; a deadline in the past is refused.
import { createActivities } from '@dondoc/activities';
import { WorkingCalendar } from '@dondoc/calendar';
import { agencyReportWorkflowId, type NotificationJob, reportCycleStateQuery, reportCycleWorkflowId, type ReportCycleState, submitReportUpdate, validateReportContent } from '@dondoc/contracts';
import { ReportSubmissionRepository } from '@dondoc/db';
import { InvalidInputError } from '@dondoc/domain';
import { loadSeedCatalog, reportDates, resolveReportCycle } from '@dondoc/plan-sync';
import { addCalendarDays, buildLadder, vietnamDate } from '@dondoc/policy';
import { ReportService } from '@dondoc/reports-service';
import { createTestWorker, RecordingNotificationQueue, saveHistoryFixture, startTimeSkippingServer, storePlans, uniqueTaskQueue } from '@dondoc/test-harness';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';

import type { reportCycleWorkflow } from '@dondoc/workflows';

import { createTestDatabase, type TestDatabase } from '../../../libs/db/src/testing';
import { contentFor } from './support/report-scenario';

const catalog = loadSeedCatalog(path.join(__dirname, '..', '..', '..', 'seeds'));
const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
const pause = () => new Promise((r) => setTimeout(r, 50));
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

describe('report cycles started late (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let database: TestDatabase;
  let dataDir: string;
  let queue: RecordingNotificationQueue;
  let taskQueue: string;
  const newWorker = (): Promise<Worker> => {
    const reports = { db: database.db, loadCatalog: () => catalog, dataDir, mailer: nodemailer.createTransport({ jsonTransport: true }), mailFrom: 'dondoc@skhcn.example', publicBaseUrl: 'https://dondoc.example' };
    return createTestWorker(env, taskQueue, createActivities({ probes: { database: async () => {}, redis: async () => {} }, notifications: queue, temporal: env.client, reports }));
  };
  const until = async (workflowId: string, done: (s: ReportCycleState) => boolean) => {
    const handle = env.client.workflow.getHandle(workflowId);
    let state = await handle.query(reportCycleStateQuery);
    for (let i = 0; i < 300 && !done(state); i++) state = await pause().then(() => handle.query(reportCycleStateQuery));
    return state;
  };
  const jobsOf = (agencyId: string, cycleId: string): NotificationJob[] => queue.jobs.filter((j) => j.agencyId === agencyId && j.workflowId.startsWith(`${cycleId}/`));

  beforeAll(async () => {
    [env, database] = await Promise.all([startTimeSkippingServer(), createTestDatabase({ label: 'report late start' })]);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-report-late-'));
    queue = new RecordingNotificationQueue();
    taskQueue = uniqueTaskQueue('report-late');
    await storePlans(database.db, catalog.plans.values());
  });
  afterAll(async () => {
    await env?.teardown();
    await database?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('issue 12 §5: a request sent after the unit deadline states a grace deadline and the ladder counts from it, with no burst of escalations', async () => {
    const plan = catalog.plans.get('kh-ai-2025-2030')!;
    const policy = catalog.policyFor(plan.id);
    const year = new Date(await env.currentTimeMs()).getUTCFullYear() + 1;
    const dates = reportDates(plan, year, policy, calendar);
    // Nineteen days after the unit deadline, as on 04/12/2026, at the first office moment from 09:30.
    const startAt = calendar.nextOfficeMoment(Date.parse(`${addCalendarDays(dates.unitDeadline, 19)}T09:30:00+07:00`));
    expect(startAt).toBeLessThan(dates.closesAt);
    await env.sleep(startAt - (await env.currentTimeMs()));
    // Five working days from the request, but no later than the last day whose offices close before the cycle does.
    const closingDay = vietnamDate(dates.closesAt);
    const lastDay = calendar.officeDayEnd(closingDay) <= dates.closesAt ? closingDay : calendar.addWorkingDays(closingDay, -1);
    const proposed = calendar.addWorkingDays(vietnamDate(startAt), 5);
    const grace = proposed < lastDay ? proposed : lastDay;
    expect(grace > dates.unitDeadline).toBe(true);

    const cycleKey = String(year);
    const cycleId = reportCycleWorkflowId(plan.id, cycleKey);
    const assignments = resolveReportCycle(catalog, plan, { planId: plan.id, year }, calendar).agencies;
    const worker = await newWorker();
    await worker.runUntil(async () => {
      await env.client.workflow.start<typeof reportCycleWorkflow>('reportCycleWorkflow', { taskQueue, workflowId: cycleId, args: [{ planId: plan.id, year }] });
      const asked = await until(cycleId, (s) => s.agencies.length === assignments.length && s.agencies.every((a) => a.remindersSent === 1));
      expect(asked.agencies.map((a) => a.dueDate)).toEqual(assignments.map(() => grace));
      const requests = queue.jobs.filter((j) => j.template === 'report-request' && j.workflowId.startsWith(`${cycleId}/`));
      expect(requests).toHaveLength(assignments.length);
      for (const request of requests) {
        expect(request.data).toMatchObject({ dueDate: grace, daysLeft: expect.any(Number) });
        expect(request.data.daysLeft).toBeGreaterThan(0);
        expect(request.data.deadlineNote).toMatch(new RegExp(`^Hạn gửi báo cáo theo kế hoạch \\(${ddmmyyyy(dates.unitDeadline)}\\) đã qua khi đề nghị này được gửi; hạn gửi báo cáo của quý cơ quan là ${ddmmyyyy(grace)} \\(`));
      }

      // One agency reports within the grace period: on time against its own deadline.
      const [onTime, silent] = assignments;
      const checked = validateReportContent(contentFor(plan, onTime!), onTime!);
      if (!checked.ok) throw new Error(checked.errors.join('\n'));
      const draft = await new ReportSubmissionRepository(database.db).createDraft({ planId: plan.id, year, cycleKey }, onTime!.agencyId, checked.content, 'focal');
      await env.sleep(calendar.nextOfficeMoment(Date.parse(`${calendar.addWorkingDays(vietnamDate(startAt), 1)}T10:00:00+07:00`)) - (await env.currentTimeMs()));
      expect(await env.client.workflow.getHandle(agencyReportWorkflowId(plan.id, cycleKey, onTime!.agencyId)).executeUpdate(submitReportUpdate, { args: [{ submissionId: draft.id, by: 'focal' }] })).toMatchObject({ status: 'submitted', late: false });

      // To the close: the silent agency was reminded on the grace deadline's ladder only, nothing in the first working day.
      await env.sleep(dates.closesAt + 60_000 - (await env.currentTimeMs()));
      await until(cycleId, (s) => s.phase === 'awaiting-approval');
      const reminders = jobsOf(silent!.agencyId, cycleId).filter((j) => j.template === 'report-reminder');
      const ladder = buildLadder(grace, policy, calendar, dates.closesAt).filter((s) => s.at > startAt && s.at < dates.closesAt);
      expect(reminders.map((j) => `${j.stepId}@${j.scheduledFor}|${j.data.dueDate}`)).toEqual(ladder.map((s) => `${s.stepId}@${s.at}|${grace}`));
      expect(reminders.length).toBeGreaterThan(0);
      const nextWorkingMorning = calendar.nextOfficeMoment(Date.parse(`${calendar.addWorkingDays(vietnamDate(startAt), 1)}T00:00:00+07:00`));
      expect(reminders.every((j) => j.scheduledFor >= nextWorkingMorning)).toBe(true);
      // None of the plan's own escalations (its deadline had passed weeks before).
      expect(queue.jobs.filter((j) => j.workflowId.startsWith(`${cycleId}/`) && j.data.dueDate === dates.unitDeadline)).toEqual([]);

      await saveHistoryFixture(env.client, agencyReportWorkflowId(plan.id, cycleKey, silent!.agencyId), 'report-agency-late-request-grace');
      await env.client.workflow.getHandle(cycleId).terminate('test over');
    });
  });

  it('issue 12 §6: an ad-hoc request due today asks every agency and closes when offices close; one due yesterday is refused', async () => {
    const plan = catalog.plans.get('kh-nq03-2025')!;
    const year = new Date(await env.currentTimeMs()).getUTCFullYear() + 1;
    // 10:00 on a working day in March.
    const startAt = calendar.nextOfficeMoment(Date.parse(`${year}-03-10T10:00:00+07:00`));
    await env.sleep(startAt - (await env.currentTimeMs()));
    const today = vietnamDate(startAt);
    const ops = new ReportService({ client: env.client, db: database.db, dataDir, taskQueue, loadCatalog: () => catalog, now: () => startAt });
    const adHoc = (unitDeadline: string) => ({ id: 'trong-ngay', title: 'Báo cáo đột xuất tình hình thực hiện', unitDeadline, aggregatorDeadline: calendar.addWorkingDays(today, 1), requestedBy: 'admin' });

    const yesterday = addCalendarDays(today, -1);
    const refused = ops.start({ planId: plan.id, year, adHoc: adHoc(yesterday) });
    await expect(refused).rejects.toThrow(InvalidInputError);
    await expect(refused).rejects.toMatchObject({
      message: `Hạn báo cáo của các cơ quan (${ddmmyyyy(yesterday)}) đã qua; chọn hạn từ hôm nay (${ddmmyyyy(today)}) trở đi (hạn hôm nay: các cơ quan gửi báo cáo đến hết giờ làm việc hôm nay).`,
      details: { issues: [{ field: 'adHoc.unitDeadline' }] },
    });

    const worker = await newWorker();
    await worker.runUntil(async () => {
      const { workflowId, cycleKey } = await ops.start({ planId: plan.id, year, adHoc: adHoc(today) });
      const assignments = resolveReportCycle(catalog, plan, { planId: plan.id, year, adHoc: adHoc(today) }, calendar).agencies;
      const collecting = await until(workflowId, (s) => s.phase === 'collecting' && s.agencies.length === assignments.length && s.agencies.every((a) => a.remindersSent === 1));
      // Asked at once, with today as the deadline, and open until offices close.
      expect(collecting.closesAt).toBe(calendar.officeDayEnd(today));
      const requests = queue.jobs.filter((j) => j.template === 'report-request' && j.workflowId.startsWith(`${workflowId}/`));
      expect(requests.map((j) => j.agencyId).sort()).toEqual(assignments.map((a) => a.agencyId).sort());
      expect(requests.every((j) => j.data.dueDate === today && j.data.daysLeft === 0 && j.data.deadlineNote === undefined)).toBe(true);

      // After 17:00 the cycle has closed and waits for Sở KH&CN's approval; nothing has been e-mailed.
      await env.sleep(calendar.officeDayEnd(today) + 60_000 - (await env.currentTimeMs()));
      const closed = await until(workflowId, (s) => s.phase === 'awaiting-approval');
      expect(closed).toMatchObject({ phase: 'awaiting-approval', emailMessageId: null });
      expect(closed.agencies.every((a) => a.closed && a.status === 'missing')).toBe(true);
      const approved = await ops.approve(plan.id, cycleKey, 'lanhdao');
      expect(approved.phase).toBe('approved');
      const final = await env.client.workflow.getHandle(workflowId).result();
      expect(final).toMatchObject({ phase: 'completed', emailMessageId: expect.any(String), signOff: { escalatedAt: null, approval: { generation: 1, by: 'lanhdao' } } });
      expect(await database.db.selectFrom('delivery_log').select('recipient').where('idempotency_key', '=', `${workflowId}|consolidated`).execute()).toHaveLength(2);
    });
  });
});
