// Acceptance of issue 13 §4 and §5 on the time-skipping server. A plan
// imported by `dondoc plan import` from a file outside seeds/ runs its yearly
// cycle from the stored version; at the close the consolidation goes to Sở
// KH&CN's admins, and nothing reaches Bộ KH&CN or UBND tỉnh until an admin
// approves: past the day it must go out, Sở KH&CN's head is told instead. The
// approved generation, not a newer one, is the one e-mailed. On the way, a
// report returned after its deadline gets the report-returned notice with a
// new deadline that its reminders count from (issue 12 §7).
import { createActivities } from '@dondoc/activities';
import { WorkingCalendar } from '@dondoc/calendar';
import { agencyReportStateQuery, agencyReportWorkflowId, reportCycleStateQuery, reportCycleWorkflowId, type ReportCycleState, reviewReportUpdate, submitReportUpdate, validateReportContent } from '@dondoc/contracts';
import { ReportFileRepository, ReportSubmissionRepository, UserRepository } from '@dondoc/db';
import { ConflictError } from '@dondoc/domain';
import { loadSeedCatalog, reportDates, resolveReportCycle } from '@dondoc/plan-sync';
import { buildLadder, vietnamDate } from '@dondoc/policy';
import { ReportService } from '@dondoc/reports-service';
import type { SmtpSink } from '@dondoc/runtime';
import { createTestWorker, RecordingNotificationQueue, saveHistoryFixture, startTestSmtpSink, startTimeSkippingServer, uniqueTaskQueue } from '@dondoc/test-harness';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { simpleParser } from 'mailparser';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';

import type { reportCycleWorkflow } from '@dondoc/workflows';

import { runPlanImport } from '../../../apps/cli/src/plan/import-plan';
import { createTestDatabase, type TestDatabase } from '../../../libs/db/src/testing';
import { contentFor } from './support/report-scenario';

const SEEDS = path.join(__dirname, '..', '..', '..', 'seeds');
const PLAN = 'kh-ai-thu-nghiem';
const catalog = loadSeedCatalog(SEEDS);
const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
const policy = catalog.policyFor(PLAN);
const DAY = 86_400_000;
const pause = () => new Promise((r) => setTimeout(r, 50));
const RECIPIENTS = ['dondoc@bkhcn.gov.example', 'dondoc@ubnd.quangngai.example'];
const HEAD = 'giamdoc@skhcn.quangngai.example';

describe('report sign-off (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let database: TestDatabase;
  let sink: SmtpSink;
  let dataDir: string;
  let planDir: string;
  let queue: RecordingNotificationQueue;
  let worker: Worker;
  let taskQueue: string;

  beforeAll(async () => {
    [env, database, sink] = await Promise.all([startTimeSkippingServer(), createTestDatabase({ label: 'report sign-off' }), startTestSmtpSink()]);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-sign-off-'));
    planDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-plan-'));
    queue = new RecordingNotificationQueue();
    taskQueue = uniqueTaskQueue('sign-off');
    const mailer = nodemailer.createTransport({ host: '127.0.0.1', port: sink.smtpPort, secure: false, ignoreTLS: true });
    const reports = { db: database.db, loadCatalog: () => catalog, dataDir, mailer, mailFrom: 'dondoc@skhcn.example', publicBaseUrl: 'https://dondoc.example/' };
    worker = await createTestWorker(env, taskQueue, createActivities({ probes: { database: async () => {}, redis: async () => {} }, notifications: queue, temporal: env.client, reports }));
    // Sở KH&CN's admins: the active one is asked; a disabled one is not.
    const users = new UserRepository(database.db);
    await users.create({ email: 'lanhdao@skhcn.example', displayName: 'Lãnh đạo Sở', role: 'admin', passwordHash: 'x' });
    const gone = await users.create({ email: 'nghiviec@skhcn.example', role: 'admin', passwordHash: 'x' });
    await database.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', gone.id).execute();
  });
  afterAll(async () => {
    await env?.teardown();
    await Promise.allSettled([database?.destroy(), sink?.stop()]);
    for (const dir of [dataDir, planDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a plan from outside seeds/, runs its cycle, asks for approval, escalates without it, and e-mails the generation approved', async () => {
    // A plan of our own, outside seeds/: the AI plan under another id, imported as `dondoc plan import` does.
    const file = path.join(planDir, `${PLAN}.yaml`);
    writeFileSync(file, readFileSync(path.join(SEEDS, 'plans', 'kh-ai-2025-2030.yaml'), 'utf8').replace(/^id: kh-ai-2025-2030$/m, `id: ${PLAN}`));
    const out: string[] = [];
    const io = { readFile: (f: string) => ({ ok: true as const, text: readFileSync(f, 'utf8') }), out: (t: string) => void out.push(t), err: (t: string) => void out.push(t), columns: 120, today: () => vietnamDate(Date.now()) };
    expect(await runPlanImport(file, { agencies: path.join(SEEDS, 'agencies.yaml'), by: 'test' }, io, database.db)).toBe(0);
    expect(out.join('')).toContain(`${PLAN}: đã nhập phiên bản 1.`);
    const plan = (await database.db.selectFrom('plan_versions').select('document').where('plan_id', '=', PLAN).executeTakeFirstOrThrow()).document;

    const year = new Date(await env.currentTimeMs()).getUTCFullYear() + 1;
    const dates = reportDates(plan, year, policy, calendar);
    expect(dates.closesAt).toBe(calendar.nextOfficeMoment(Date.parse(`${calendar.addWorkingDays(dates.aggregatorDeadline, -3)}T08:00:00+07:00`)));
    await env.sleep(dates.requestAt - (await env.currentTimeMs()));
    const cycleKey = String(year);
    const cycleId = reportCycleWorkflowId(PLAN, cycleKey);
    const ops = new ReportService({ client: env.client, db: database.db, dataDir, taskQueue, loadCatalog: () => catalog });
    const submissions = new ReportSubmissionRepository(database.db);
    const assignments = resolveReportCycle(catalog, plan, { planId: PLAN, year }, calendar).agencies;
    const child = (agencyId: string) => env.client.workflow.getHandle(agencyReportWorkflowId(PLAN, cycleKey, agencyId));
    const submit = async (agencyId: string, revision = 1) => {
      const agency = assignments.find((a) => a.agencyId === agencyId)!;
      const checked = validateReportContent(contentFor(plan, agency, revision), agency);
      if (!checked.ok) throw new Error(checked.errors.join('\n'));
      const draft = await submissions.createDraft({ planId: PLAN, year, cycleKey }, agencyId, checked.content, 'focal');
      return child(agencyId).executeUpdate(submitReportUpdate, { args: [{ submissionId: draft.id, by: 'focal' }] });
    };
    const until = async (handle: { query: (q: typeof reportCycleStateQuery) => Promise<ReportCycleState> }, done: (s: ReportCycleState) => boolean) => {
      let state = await handle.query(reportCycleStateQuery);
      for (let i = 0; i < 300 && !done(state); i++) state = await pause().then(() => handle.query(reportCycleStateQuery));
      return state;
    };

    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof reportCycleWorkflow>('reportCycleWorkflow', { taskQueue, workflowId: cycleId, args: [{ planId: PLAN, year }] });
      // The cycle resolved the stored plan, version 1.
      const collecting = await until(handle, (s) => s.phase === 'collecting' && s.agencies.length === assignments.length && s.agencies.every((a) => a.remindersSent === 1));
      expect(collecting.agencies.map((a) => a.agencyId).sort()).toEqual(assignments.map((a) => a.agencyId).sort());
      const [accepted, waiting, returned] = assignments;
      await submit(accepted!.agencyId);
      await child(accepted!.agencyId).executeUpdate(reviewReportUpdate, { args: [{ decision: 'accept', comment: '', by: 'lanhdao' }] });
      await submit(waiting!.agencyId);
      // A generation made while the cycle is open is provisional.
      const early = await ops.regenerate(PLAN, cycleKey);
      expect(JSON.parse(readFileSync(early[2]!.absolutePath, 'utf8'))).toMatchObject({ provisional: true, standing: { accepted: 1, submitted: 1, notSubmitted: assignments.length - 2 } });

      // Returned two days after the unit deadline: a new deadline, five working days on, stated in the report-returned notice.
      await env.sleep(Date.parse(`${dates.unitDeadline}T09:00:00+07:00`) + 2 * DAY - (await env.currentTimeMs()));
      await submit(returned!.agencyId);
      const returnedAt = await env.currentTimeMs();
      const back = await child(returned!.agencyId).executeUpdate(reviewReportUpdate, { args: [{ decision: 'return', comment: 'Bổ sung minh chứng nhiệm vụ 1', by: 'lanhdao' }] });
      const newDue = calendar.addWorkingDays(vietnamDate(returnedAt), 5);
      expect(back).toMatchObject({ status: 'returned', dueDate: newDue });
      const notice = queue.jobs.find((j) => j.agencyId === returned!.agencyId && j.stepId === 'returned-r1')!;
      expect(notice).toMatchObject({ template: 'report-returned', data: { dueDate: newDue, reviewComment: 'Bổ sung minh chứng nhiệm vụ 1', deadlineNote: `Hạn gửi lại báo cáo: ${newDue.split('-').reverse().join('/')} (5 ngày làm việc kể từ ngày ${vietnamDate(returnedAt).split('-').reverse().join('/')}).` } });

      // The close: every agency's workflow ends, the consolidation is made and put to the active admin, with the files and a link.
      await env.sleep(dates.closesAt + 60_000 - (await env.currentTimeMs()));
      const signing = await until(handle, (s) => s.phase === 'awaiting-approval' && (s.signOff?.requestedFrom.length ?? 0) > 0);
      expect(signing.signOff).toMatchObject({ generation: 2, requestedFrom: ['lanhdao@skhcn.example'], approvalDueAt: dates.approvalDueAt, escalatedAt: null, approval: null });
      // After the return the agency was chased from its new deadline, not the plan's (whose escalations would have gone on).
      const chased = queue.jobs.filter((j) => j.agencyId === returned!.agencyId && j.template === 'report-reminder' && j.scheduledFor > returnedAt);
      const fromNewDue = buildLadder(newDue, policy, calendar, dates.closesAt).filter((s) => s.at > returnedAt && s.at < dates.closesAt);
      expect(chased.map((j) => `${j.stepId}@${j.scheduledFor}|${j.data.dueDate}`)).toEqual(fromNewDue.map((s) => `${s.stepId}@${s.at}|${newDue}`));
      const [request] = await sink.waitForMessages(1);
      expect(request!.envelope.to).toEqual(['lanhdao@skhcn.example']);
      expect(request!.subject).toBe(`[Đôn Đốc] Đề nghị phê duyệt trước khi gửi: Báo cáo ${signing.title}`);
      expect(request!.text).toContain(`https://dondoc.example/bao-cao/${PLAN}/${cycleKey}`);
      expect(request!.text).toContain(`1 đã tiếp nhận, 1 chờ xem xét, 1 bị trả lại, ${assignments.length - 3} không gửi báo cáo (tổng số ${assignments.length} cơ quan, đơn vị)`);
      expect(request!.attachments.map((a) => a.filename)).toEqual(['docx', 'xlsx', 'json'].map((k) => `bao-cao-${PLAN}-${cycleKey}.${k}`));
      // The provisional generation cannot be approved.
      await expect(ops.approve(PLAN, cycleKey, 'lanhdao', 1)).rejects.toThrow(new ConflictError('Lần tổng hợp 1 được lập trước khi khóa sổ (số liệu tạm tính); chỉ phê duyệt được lần tổng hợp từ lần 2 trở đi.'));

      // Past the morning it had to go out, and past the deadline itself: the head is told, the recipients get nothing.
      await env.sleep(Date.parse(`${dates.aggregatorDeadline}T10:00:00+07:00`) + DAY - (await env.currentTimeMs()));
      const overdue = await until(handle, (s) => s.signOff?.escalatedAt !== null && s.signOff?.escalatedAt !== undefined);
      expect(overdue).toMatchObject({ phase: 'awaiting-approval', emailMessageId: null, signOff: { escalatedTo: [HEAD], approval: null } });
      // At the moment it was due (the timer's own delay aside), not a day later.
      expect(overdue.signOff!.escalatedAt! - dates.approvalDueAt).toBeGreaterThanOrEqual(0);
      expect(overdue.signOff!.escalatedAt! - dates.approvalDueAt).toBeLessThan(60_000);
      const [, escalation] = await sink.waitForMessages(2);
      expect(escalation!.envelope.to).toEqual([HEAD]);
      expect(escalation!.subject).toBe(`[Đôn Đốc] Chưa được phê duyệt, sắp đến hạn gửi: Báo cáo ${signing.title}`);
      expect(sink.messages.flatMap((m) => m.envelope.to).filter((to) => RECIPIENTS.includes(to))).toEqual([]);

      // A re-generation after the close (3), then the sign-off's own generation (2) approved: that one is e-mailed.
      const newest = await ops.regenerate(PLAN, cycleKey);
      expect(newest[0]!.generation).toBe(3);
      const approved = await ops.approve(PLAN, cycleKey, 'lanhdao@skhcn.example', 2);
      expect(approved.signOff?.approval).toMatchObject({ generation: 2, by: 'lanhdao@skhcn.example' });
      await expect(ops.approve(PLAN, cycleKey, 'khac', 3)).rejects.toThrow('Báo cáo tổng hợp đã được phê duyệt (lần tổng hợp 2, bởi lanhdao@skhcn.example).');
      const final = await handle.result();
      expect(final).toMatchObject({ phase: 'completed', signOff: { approval: { generation: 2 } } });

      const [, , sent] = await sink.waitForMessages(3);
      expect(sent!.envelope.to.sort()).toEqual(RECIPIENTS);
      const files = new ReportFileRepository(database.db);
      const second = await files.latest(PLAN, cycleKey, 2);
      const third = await files.latest(PLAN, cycleKey, 3);
      const attachments = (await simpleParser(sent!.raw)).attachments.map((a) => createHash('sha256').update(a.content).digest('hex'));
      const ordered = (rows: typeof second) => ['docx', 'xlsx', 'json'].map((kind) => rows.find((r) => r.kind === kind)!.sha256);
      expect(attachments).toEqual(ordered(second));
      expect(attachments).not.toEqual(ordered(third));
      expect(final.files.map((f) => f.generation)).toEqual([2, 2, 2]);
      expect((await ops.status(PLAN, cycleKey)).generations.map((g) => [g.generation, g.emailed])).toEqual([
        [1, false],
        [2, true],
        [3, false],
      ]);
      expect(sink.messages).toHaveLength(3);

      await saveHistoryFixture(env.client, cycleId, 'report-cycle-sign-off');
      await saveHistoryFixture(env.client, agencyReportWorkflowId(PLAN, cycleKey, returned!.agencyId), 'report-agency-returned-new-deadline');
      expect((await child(returned!.agencyId).query(agencyReportStateQuery)).status).toBe('returned');
    });
  });
});
