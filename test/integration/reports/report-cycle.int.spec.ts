// Acceptance test of issue 8 on the time-skipping server: a whole yearly report
// cycle of kh-nq03-2025 (Phụ lục I indicators included), from the request to
// the consolidated DOCX/XLSX e-mailed to Bộ KH&CN and UBND tỉnh.
import { createActivities, XLSX_SHEETS } from '@dondoc/activities';
import { WorkingCalendar } from '@dondoc/calendar';
import {
  agencyReportStateQuery,
  agencyReportWorkflowId,
  reportCycleStateQuery,
  reportCycleWorkflowId,
  reviewReportUpdate,
  submitReportUpdate,
  validateReportContent,
} from '@dondoc/contracts';
import { ReportSubmissionRepository } from '@dondoc/db';
import { InvalidInputError } from '@dondoc/domain';
import { loadSeedCatalog, reportDates, resolveReportCycle } from '@dondoc/plan-sync';
import { ReportService } from '@dondoc/reports-service';
import { buildLadder, vietnamDate } from '@dondoc/policy';
import type { SmtpSink } from '@dondoc/runtime';
import { createTestWorker, RecordingNotificationQueue, startTestSmtpSink, startTimeSkippingServer, uniqueTaskQueue } from '@dondoc/test-harness';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';

import type { reportCycleWorkflow } from '@dondoc/workflows';

import { createTestDatabase, type TestDatabase } from '../../../libs/db/src/testing';
import { docxContent, xlsxRows } from './support/report-documents';
import { contentFor, expectedTaskRows, expectedTotals } from './support/report-scenario';

const PLAN = 'kh-nq03-2025';
const catalog = loadSeedCatalog(path.join(__dirname, '..', '..', '..', 'seeds'));
const plan = catalog.plans.get(PLAN)!;
const policy = catalog.policyFor(PLAN);
const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
const DAY = 86_400_000;
// The plan's number is blank in the source, so the title names the plan by its subject.
const TITLE = (year: number) => `Kết quả thực hiện Kế hoạch Triển khai thực hiện Nghị quyết 03/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ năm ${year}`;
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');
const calendarDay = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

describe('report cycle (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let database: TestDatabase;
  let sink: SmtpSink;
  let dataDir: string;
  let queue: RecordingNotificationQueue;
  let worker: Worker;
  let taskQueue: string;

  beforeAll(async () => {
    [env, database, sink] = await Promise.all([startTimeSkippingServer(), createTestDatabase({ label: 'report cycle' }), startTestSmtpSink()]);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-reports-'));
    queue = new RecordingNotificationQueue();
    taskQueue = uniqueTaskQueue('reports');
    const mailer = nodemailer.createTransport({ host: '127.0.0.1', port: sink.smtpPort, secure: false, ignoreTLS: true });
    const reports = { db: database.db, loadCatalog: () => catalog, dataDir, mailer, mailFrom: '"Đôn Đốc – Sở KH&CN" <dondoc@skhcn.example>' };
    const probes = { database: async () => {}, redis: async () => {} };
    worker = await createTestWorker(env, taskQueue, createActivities({ probes, notifications: queue, temporal: env.client, reports }));
  });
  afterAll(async () => {
    await env?.teardown();
    await Promise.allSettled([database?.destroy(), sink?.stop()]);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs a full cycle: requests, reminders, on-time, late, missing and returned reports, DOCX/XLSX checked cell by cell, e-mail in the sink', async () => {
    const year = new Date(await env.currentTimeMs()).getUTCFullYear() + 1;
    const dates = reportDates(plan, year, policy, calendar);
    // "Theo quy định": units by the Nghị định 09/2019 cut-off 14/12, Sở KH&CN five working days later.
    expect(dates.unitDeadline).toBe(`${year}-12-14`);
    expect(dates.aggregatorDeadline).toBe(calendar.addWorkingDays(`${year}-12-14`, 5));
    await env.sleep(dates.requestAt - (await env.currentTimeMs()));

    const cycleKey = String(year);
    const submissions = new ReportSubmissionRepository(database.db);
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof reportCycleWorkflow>('reportCycleWorkflow', {
        taskQueue,
        workflowId: reportCycleWorkflowId(PLAN, cycleKey),
        args: [{ planId: PLAN, year }],
      });
      let cycle = await handle.query(reportCycleStateQuery);
      for (let i = 0; i < 100 && cycle.phase === 'preparing'; i++) cycle = await new Promise((r) => setTimeout(r, 100)).then(() => handle.query(reportCycleStateQuery));
      expect(cycle.phase).toBe('collecting');
      const assignments = resolveReportCycle(catalog, { planId: PLAN, year }, calendar).agencies;
      expect(cycle.agencies.map((a) => a.agencyId).sort()).toEqual(assignments.map((a) => a.agencyId).sort());
      expect(assignments.length).toBeGreaterThan(10);

      // Every agency got one request, signed for its own workflow.
      const waitForRequests = async () => {
        for (let i = 0; i < 200 && queue.jobs.filter((j) => j.template === 'report-request').length < assignments.length; i++) await new Promise((r) => setTimeout(r, 50));
      };
      await waitForRequests();
      const requests = queue.jobs.filter((j) => j.template === 'report-request');
      expect(requests.map((j) => j.agencyId).sort()).toEqual(assignments.map((a) => a.agencyId).sort());
      for (const job of requests) expect(job.workflowId).toBe(agencyReportWorkflowId(PLAN, cycleKey, job.agencyId));

      const [late, missing, returned, ...onTime] = assignments;
      const child = (agencyId: string) => env.client.workflow.getHandle(agencyReportWorkflowId(PLAN, cycleKey, agencyId));
      const submit = async (agencyId: string, revision = 1) => {
        const agency = assignments.find((a) => a.agencyId === agencyId)!;
        const checked = validateReportContent(contentFor(plan, agency, revision), agency);
        if (!checked.ok) throw new Error(checked.errors.join('\n'));
        const draft = await submissions.createDraft({ planId: PLAN, year, cycleKey }, agencyId, checked.content, `focal@${agencyId}`);
        return child(agencyId).executeUpdate(submitReportUpdate, { args: [{ submissionId: draft.id, by: `focal@${agencyId}` }] });
      };

      // Content is checked against the agency's scope, with messages in Vietnamese.
      const bad = validateReportContent({ tasks: [{ taskId: 'X.9', status: 'done', percent: 120, results: 'x'.repeat(5000) }] }, returned!);
      expect(bad.ok).toBe(false);
      expect(!bad.ok && bad.errors.join('\n')).toMatch(/Tỷ lệ hoàn thành phải từ 0 đến 100[\s\S]*dài quá 4000 ký tự/);
      // A draft of another agency is refused by the workflow with a clear message.
      const foreign = await submissions.createDraft({ planId: PLAN, year, cycleKey }, late!.agencyId, contentFor(plan, late!), 'x');
      await expect(child(returned!.agencyId).executeUpdate(submitReportUpdate, { args: [{ submissionId: foreign.id, by: 'x' }] })).rejects.toMatchObject({ cause: { message: expect.stringMatching(/^Không tìm thấy bản báo cáo số \d+ của/) } });

      for (const agency of onTime) expect((await submit(agency.agencyId)).status).toBe('submitted');
      await child(onTime[0]!.agencyId).executeUpdate(reviewReportUpdate, { args: [{ decision: 'accept', comment: '', by: 'lanhdao@skhcn' }] });

      // Returned with comments: the agency is told at once, then revises.
      await submit(returned!.agencyId);
      const back = await child(returned!.agencyId).executeUpdate(reviewReportUpdate, { args: [{ decision: 'return', comment: 'Bổ sung số liệu chỉ tiêu', by: 'lanhdao@skhcn' }] });
      expect(back.status).toBe('returned');
      const returnNotice = queue.jobs.find((j) => j.agencyId === returned!.agencyId && j.stepId === 'returned-r1');
      // The comment has its own field (a letter with a due date shows the date, not the deadline text), the deadline text stays the request's.
      expect(returnNotice?.data).toMatchObject({ reviewComment: 'Bổ sung số liệu chỉ tiêu', dueDate: dates.unitDeadline, deadlineText: `Gửi báo cáo về Sở Khoa học và Công nghệ trước ngày ${ddmmyyyy(dates.unitDeadline)}` });
      expect(returnNotice?.data.daysLeft).toBeGreaterThan(0);
      // Stored with the revision, so the API and `dondoc report status` show it even after the agency resubmits.
      const statusOps = new ReportService({ client: env.client, db: database.db, dataDir, taskQueue, loadCatalog: () => catalog });
      expect((await statusOps.status(PLAN, cycleKey)).agencies.find((a) => a.agencyId === returned!.agencyId)?.lastReview).toMatchObject({ revision: 1, decision: 'returned', comment: 'Bổ sung số liệu chỉ tiêu', by: 'lanhdao@skhcn' });
      await expect(child(returned!.agencyId).executeUpdate(reviewReportUpdate, { args: [{ decision: 'accept', comment: '', by: 'x' }] })).rejects.toMatchObject({ cause: { message: 'Chỉ xem xét được báo cáo đang chờ xem xét (hiện tại: returned).' } });
      const revised = await submit(returned!.agencyId, 2);
      expect(revised).toMatchObject({ status: 'submitted', revision: 2, returns: 1, late: false });
      await child(returned!.agencyId).executeUpdate(reviewReportUpdate, { args: [{ decision: 'accept', comment: '', by: 'lanhdao@skhcn' }] });

      // Three days after the unit deadline the late agency reports.
      await env.sleep(Date.parse(`${dates.unitDeadline}T10:00:00+07:00`) + 3 * DAY - (await env.currentTimeMs()));
      // This one goes through the operations the CLI and the API share: a bad file is refused with the reasons, a good one accepted.
      const ops = new ReportService({ client: env.client, db: database.db, dataDir, taskQueue, loadCatalog: () => catalog });
      await expect(ops.submit(PLAN, cycleKey, late!.agencyId, { tasks: [] }, 'cli')).rejects.toThrow(InvalidInputError);
      await expect(ops.submit(PLAN, cycleKey, late!.agencyId, { tasks: [] }, 'cli')).rejects.toThrow(/Báo cáo chưa hợp lệ:\n  - Thiếu báo cáo nhiệm vụ/);
      const lateState = await ops.submit(PLAN, cycleKey, late!.agencyId, contentFor(plan, late!), 'cli');
      expect(lateState).toMatchObject({ status: 'submitted', late: true });
      await expect(ops.review(PLAN, cycleKey, late!.agencyId, 'return', '  ', 'cli')).rejects.toThrow('Trả lại báo cáo cần nêu nội dung yêu cầu bổ sung, chỉnh sửa.');

      // The silent agency was reminded and escalated on exactly the task ladder's days.
      const now = await env.currentTimeMs();
      const ladder = buildLadder(dates.unitDeadline, policy, calendar, dates.closesAt).filter((s) => s.at > dates.requestAt && s.at <= now);
      const chased = queue.jobs.filter((j) => j.agencyId === missing!.agencyId && j.template === 'report-reminder');
      expect(chased.map((j) => `${j.stepId}@${j.scheduledFor}`)).toEqual(ladder.map((s) => `${s.stepId}@${s.at}`));
      expect(chased.map((j) => j.stepId)).toEqual(expect.arrayContaining(['before-7d', 'due-day', 'overdue-1wd']));
      const onTimeJobs = queue.jobs.filter((j) => j.agencyId === onTime[1]!.agencyId);
      expect(onTimeJobs.map((j) => j.stepId)).toEqual(['request']);

      const final = await handle.result();
      expect(final.phase).toBe('completed');
      const byId = new Map(final.agencies.map((a) => [a.agencyId, a]));
      expect(byId.get(missing!.agencyId)).toMatchObject({ status: 'missing', closed: true });
      expect(byId.get(late!.agencyId)).toMatchObject({ status: 'submitted', late: true });
      expect(byId.get(returned!.agencyId)).toMatchObject({ status: 'accepted', revision: 2, returns: 1 });
      expect(byId.get(onTime[0]!.agencyId)).toMatchObject({ status: 'accepted', late: false });
      expect((await child(missing!.agencyId).query(agencyReportStateQuery)).status).toBe('missing');

      await checkDocuments(final, { late: late!, missing: missing!, assignments, year });
      await checkEmail(final, year);

      // Downloadable and re-generated on demand from the stored reports: the same tables again.
      expect((await ops.documents(PLAN, cycleKey)).map((f) => f.sha256)).toEqual(final.files.map((f) => f.sha256));
      const downloaded = await ops.regenerate(PLAN, cycleKey);
      expect(downloaded.map((f) => f.fileName)).toEqual(['docx', 'xlsx', 'json'].map((k) => `bao-cao-${PLAN}-${year}.${k}`));
      expect(downloaded.map((f) => f.contentType)).toEqual([expect.stringContaining('wordprocessingml'), expect.stringContaining('spreadsheetml'), 'application/json']);
      const again = await docxContent(readFileSync(downloaded[0]!.absolutePath));
      const first = await docxContent(readFileSync(path.join(dataDir, final.files[0]!.path)));
      expect(again.tables.slice(1)).toEqual(first.tables.slice(1));
      expect(sink.messages).toHaveLength(1);
    });
  });

  type Final = Awaited<ReturnType<typeof reportCycleWorkflow>>;

  async function checkDocuments(final: Final, scenario: { late: { agencyId: string; agencyName: string }; missing: { agencyId: string; agencyName: string }; assignments: Parameters<typeof expectedTaskRows>[1]; year: number }) {
    expect(final.files.map((f) => f.kind)).toEqual(['docx', 'xlsx', 'json']);
    const rows = await database.db.selectFrom('report_files').selectAll().where('cycle_key', '=', final.cycleKey).execute();
    for (const file of final.files) {
      const content = readFileSync(path.join(dataDir, file.path));
      expect(createHash('sha256').update(content).digest('hex')).toBe(file.sha256);
      expect(rows.some((r) => r.kind === file.kind && r.sha256 === file.sha256 && r.path === file.path)).toBe(true);
    }
    const read = (kind: string) => readFileSync(path.join(dataDir, final.files.find((f) => f.kind === kind)!.path));
    const lateAt = final.agencies.find((a) => a.agencyId === scenario.late.agencyId)!.firstSubmittedAt!;
    expect(vietnamDate(lateAt)).toBe(calendarDay(final.unitDeadline!, 3));
    const taskRows = expectedTaskRows(plan, scenario.assignments, new Set([scenario.missing.agencyId]));
    const lateRows = [
      ['1', scenario.late.agencyName, `Gửi muộn (ngày ${ddmmyyyy(vietnamDate(lateAt))})`],
      ['2', scenario.missing.agencyName, 'Không gửi báo cáo'],
    ];

    // XLSX: header on row 3, data from row 4, cell by cell.
    const xlsx = read('xlsx');
    const tasks = await xlsxRows(xlsx, XLSX_SHEETS.tasks, 3);
    expect(tasks[0]).toEqual(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Tình trạng', 'Tỷ lệ hoàn thành (%)', 'Kết quả, minh chứng', 'Khó khăn, đề xuất']);
    expect(tasks.slice(1).map((r) => r.slice(0, 5))).toEqual(taskRows.map((r) => (r[4] === '' ? r.slice(0, 4) : r)));
    const summary = await xlsxRows(xlsx, XLSX_SHEETS.summary, 4);
    expect(summary[0]).toEqual(['Toàn kế hoạch', ...expectedTotals(taskRows)]);
    const indicators = await xlsxRows(xlsx, XLSX_SHEETS.indicators, 4);
    expect(indicators.map((r) => r[0])).toEqual(plan.indicators.map((i) => i.id));
    for (const [i, indicator] of plan.indicators.entries()) {
      const reporters = scenario.assignments.filter((a) => a.indicatorIds.includes(indicator.id) && a.agencyId !== scenario.missing.agencyId);
      const expected = [indicator.id, indicator.name, indicator.unit, indicator.target, reporters.map((a) => `Đạt ${indicator.id} (${a.agencyId})`).join('\n'), reporters.map((a) => a.agencyName).join('\n')];
      while (expected.at(-1) === '') expected.pop();
      expect(indicators[i]).toEqual(expected);
    }
    expect(await xlsxRows(xlsx, XLSX_SHEETS.late, 4)).toEqual(lateRows);

    // DOCX: the administrative heading, then the same tables.
    const docx = await docxContent(read('docx'));
    expect(docx.tables[0]![0]![0]).toBe('UBND TỈNH QUẢNG NGÃI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố:       /BC-SKHCN');
    expect(docx.tables[0]![0]![1]).toMatch(/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày \d\d tháng 12 năm \d{4}$/);
    expect(docx.paragraphs.slice(0, 2)).toEqual(['BÁO CÁO', TITLE(scenario.year)]);
    const taskTable = docx.tables.find((t) => t[0]![0] === 'TT' && t[0]![1] === 'Nhiệm vụ')!;
    expect(taskTable.slice(1).map((r) => r.slice(0, 5))).toEqual(taskRows);
    const summaryTable = docx.tables.find((t) => t[1]?.[0] === 'Toàn kế hoạch')!;
    expect(summaryTable[1]).toEqual(['Toàn kế hoạch', ...expectedTotals(taskRows)]);
    expect(docx.tables.find((t) => t[0]!.join('|') === 'TT|Cơ quan|Tình trạng báo cáo')!.slice(1)).toEqual(lateRows);
  }

  async function checkEmail(final: Final, year: number) {
    const [message] = await sink.waitForMessages(1);
    expect(sink.messages).toHaveLength(1);
    expect(message!.subject).toBe(`[Đôn Đốc] Báo cáo ${TITLE(year)}`);
    expect(message!.envelope.to.sort()).toEqual(['dondoc@bkhcn.gov.example', 'dondoc@ubnd.quangngai.example']);
    expect(message!.messageId).toBe(final.emailMessageId);
    expect(message!.attachments.map((a) => a.filename)).toEqual(['docx', 'xlsx', 'json'].map((k) => `bao-cao-${PLAN}-${year}.${k}`));
    expect(message!.attachments.every((a) => a.size > 0)).toBe(true);
  }
});
