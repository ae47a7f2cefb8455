// Acceptance test of issue 8 on the time-skipping server: a whole yearly report
// cycle of kh-nq03-2025 (Phụ lục I indicators included), from the request to
// the consolidated DOCX/XLSX e-mailed to Bộ KH&CN and UBND tỉnh.
import { type ConsolidatedReport, createActivities, TASK_OUTCOME_LABELS, XLSX_SHEETS } from '@dondoc/activities';
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
import { loadSeedCatalog, reportDates, reportTaskLeads, resolveReportCycle } from '@dondoc/plan-sync';
import { ReportService } from '@dondoc/reports-service';
import { buildLadder, vietnamDate } from '@dondoc/policy';
import type { SmtpSink } from '@dondoc/runtime';
import { createTestWorker, RecordingNotificationQueue, startTestSmtpSink, startTimeSkippingServer, storePlans, uniqueTaskQueue } from '@dondoc/test-harness';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';

import type { reportCycleWorkflow } from '@dondoc/workflows';

import { createTestDatabase, type TestDatabase } from '../../../libs/db/src/testing';
import { docxContent, xlsxRows } from './support/report-documents';
import { contentFor, expectedAgencySummary, expectedGroupSummary, expectedTaskRows, expectedTaskTable } from './support/report-scenario';

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
    const reports = { db: database.db, loadCatalog: () => catalog, dataDir, mailer, mailFrom: '"Đôn Đốc – Sở KH&CN" <dondoc@skhcn.example>', publicBaseUrl: 'https://dondoc.example' };
    await storePlans(database.db, [plan]);
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
      const assignments = resolveReportCycle(catalog, plan, { planId: PLAN, year }, calendar).agencies;
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
      // Its own template (issue 12 §7): "Báo cáo đã được trả lại để chỉnh sửa", not a reminder that nothing was received.
      expect(returnNotice?.template).toBe('report-returned');
      expect(returnNotice?.data).toMatchObject({ reviewComment: 'Bổ sung số liệu chỉ tiêu', dueDate: dates.unitDeadline, deadlineText: `Gửi báo cáo về Sở Khoa học và Công nghệ trước ngày ${ddmmyyyy(dates.unitDeadline)}` });
      // Returned weeks before the deadline: the deadline stands, so no note about a new one.
      expect(returnNotice?.data.deadlineNote).toBeUndefined();
      expect(returnNotice?.data.daysLeft).toBeGreaterThan(0);
      // Stored with the revision, so the API and `dondoc report status` show it even after the agency resubmits.
      const statusOps = new ReportService({ client: env.client, db: database.db, dataDir, taskQueue, loadCatalog: () => catalog });
      expect((await statusOps.status(PLAN, cycleKey)).agencies.find((a) => a.agencyId === returned!.agencyId)?.lastReview).toMatchObject({ revision: 1, decision: 'returned', comment: 'Bổ sung số liệu chỉ tiêu', by: 'lanhdao@skhcn' });
      await expect(child(returned!.agencyId).executeUpdate(reviewReportUpdate, { args: [{ decision: 'accept', comment: '', by: 'x' }] })).rejects.toMatchObject({ cause: { message: 'Chỉ xem xét được báo cáo đang chờ xem xét (hiện tại: returned).' } });
      const revised = await submit(returned!.agencyId, 2);
      expect(revised).toMatchObject({ status: 'submitted', revision: 2, returns: 1, late: false });
      await child(returned!.agencyId).executeUpdate(reviewReportUpdate, { args: [{ decision: 'accept', comment: '', by: 'lanhdao@skhcn' }] });

      // The day after the unit deadline (the cycle closes for the sign-off two working days later) the late agency reports.
      await env.sleep(Date.parse(`${dates.unitDeadline}T10:00:00+07:00`) + DAY - (await env.currentTimeMs()));
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

      // At the close the consolidation goes to Sở KH&CN for approval (its focal point: the test has no admin users);
      // approved, it is e-mailed to the recipients.
      await env.sleep(dates.closesAt + 60_000 - (await env.currentTimeMs()));
      let waiting = await handle.query(reportCycleStateQuery);
      for (let i = 0; i < 200 && !(waiting.phase === 'awaiting-approval' && waiting.signOff?.requestedFrom.length); i++) waiting = await new Promise((r) => setTimeout(r, 50)).then(() => handle.query(reportCycleStateQuery));
      expect(waiting).toMatchObject({ phase: 'awaiting-approval', emailMessageId: null, signOff: { requestedFrom: ['dondoc@skhcn.quangngai.example'], approval: null } });
      const approved = await ops.approve(PLAN, cycleKey, 'giamdoc@skhcn');
      expect(approved.signOff?.approval).toMatchObject({ generation: waiting.signOff!.generation, by: 'giamdoc@skhcn' });

      const final = await handle.result();
      expect(final.phase).toBe('completed');
      const byId = new Map(final.agencies.map((a) => [a.agencyId, a]));
      expect(byId.get(missing!.agencyId)).toMatchObject({ status: 'missing', closed: true });
      expect(byId.get(late!.agencyId)).toMatchObject({ status: 'submitted', late: true });
      expect(byId.get(returned!.agencyId)).toMatchObject({ status: 'accepted', revision: 2, returns: 1 });
      expect(byId.get(onTime[0]!.agencyId)).toMatchObject({ status: 'accepted', late: false });
      expect((await child(missing!.agencyId).query(agencyReportStateQuery)).status).toBe('missing');

      const scenario = { late: late!, missing: missing!, returned: returned!, assignments, year };
      await checkDocuments(final, scenario);
      await checkEmail(final, scenario);

      // Downloadable and re-generated on demand from the stored reports: the same tables again, as a new generation.
      const emailed = final.files[0]!.generation!;
      expect(final.files.map((f) => f.generation)).toEqual([emailed, emailed, emailed]);
      expect((await ops.documents(PLAN, cycleKey)).map((f) => f.sha256)).toEqual(final.files.map((f) => f.sha256));
      const downloaded = await ops.regenerate(PLAN, cycleKey);
      expect(downloaded.map((f) => f.fileName)).toEqual(['docx', 'xlsx', 'json'].map((k) => `bao-cao-${PLAN}-${year}.${k}`));
      expect(downloaded.map((f) => f.contentType)).toEqual([expect.stringContaining('wordprocessingml'), expect.stringContaining('spreadsheetml'), 'application/json']);
      expect(downloaded.map((f) => f.generation)).toEqual([emailed + 1, emailed + 1, emailed + 1]);
      const again = await docxContent(readFileSync(downloaded[0]!.absolutePath));
      const first = await docxContent(readFileSync(path.join(dataDir, final.files[0]!.path)));
      expect(again.tables.slice(1)).toEqual(first.tables.slice(1));
      // The download serves the newest; the e-mailed files are still there, unchanged, by their generation.
      expect((await ops.documents(PLAN, cycleKey)).map((f) => f.absolutePath)).toEqual(downloaded.map((f) => f.absolutePath));
      const kept = await ops.documents(PLAN, cycleKey, emailed);
      expect(kept.map((f) => [f.path, f.sha256])).toEqual(final.files.map((f) => [f.path, f.sha256]));
      for (const file of kept) expect(createHash('sha256').update(readFileSync(file.absolutePath)).digest('hex')).toBe(file.sha256);
      const status = await ops.status(PLAN, cycleKey);
      expect(status.generations.map((g) => [g.generation, g.emailed])).toEqual([
        [emailed, true],
        [emailed + 1, false],
      ]);
      // The letter asking for approval, and the report itself: nothing else.
      expect(sink.messages.map((m) => m.subject)).toEqual([expect.stringMatching(/^\[Đôn Đốc\] Đề nghị phê duyệt trước khi gửi: /), `[Đôn Đốc] Báo cáo ${TITLE(year)}`]);
    });
  });

  type Final = Awaited<ReturnType<typeof reportCycleWorkflow>>;
  type Agency = Parameters<typeof expectedTaskRows>[1][number];
  interface Scenario {
    late: Agency;
    missing: Agency;
    returned: Agency;
    assignments: readonly Agency[];
    year: number;
  }

  /** Every table of the report as worked out from the scenario, each row with all its columns. */
  function expectedTables(final: Final, scenario: Scenario) {
    const silent = new Set([scenario.missing.agencyId]);
    const lateAt = final.agencies.find((a) => a.agencyId === scenario.late.agencyId)!.firstSubmittedAt!;
    const leads = reportTaskLeads(plan, catalog.index, final.unitDeadline!);
    const tasks = expectedTaskTable(plan, scenario.assignments, silent, (agencyId) => (agencyId === scenario.returned.agencyId ? 2 : 1), leads);
    const indicators = plan.indicators.map((indicator) => {
      const reporters = scenario.assignments.filter((a) => a.indicatorIds.includes(indicator.id) && !silent.has(a.agencyId));
      return [indicator.id, indicator.name, indicator.unit, indicator.target, reporters.map((a) => `Đạt ${indicator.id} (${a.agencyId})`).join('\n'), reporters.map((a) => a.agencyName).join('\n')];
    });
    return {
      lateAt,
      tasks,
      groups: expectedGroupSummary(plan, tasks),
      agencies: expectedAgencySummary(plan, scenario.assignments, silent),
      indicators,
      late: [
        ['1', scenario.late.agencyName, `Gửi muộn (ngày ${ddmmyyyy(vietnamDate(lateAt))})`],
        ['2', scenario.missing.agencyName, 'Không gửi báo cáo'],
      ],
      // One on time and the returned one (after its revision) accepted, the rest waiting for review, one silent.
      standing: [
        ['Đã tiếp nhận', '2'],
        ['Đã gửi, chờ xem xét', String(scenario.assignments.length - 3)],
        ['Bị trả lại, chưa gửi lại', '0'],
        ['Không gửi báo cáo', '1'],
        ['Tổng số cơ quan, đơn vị', String(scenario.assignments.length)],
      ],
    };
  }

  /** What the XLSX reader gives for a row: numbers as text, trailing empty cells left out. */
  const asXlsxRow = (row: readonly string[]) => {
    const cells = [...row];
    while (cells.at(-1) === '') cells.pop();
    return cells;
  };

  /** The XLSX, sheet by sheet, every cell. */
  async function checkXlsx(xlsx: Buffer, expected: ReturnType<typeof expectedTables>) {
    const tasks = await xlsxRows(xlsx, XLSX_SHEETS.tasks, 3);
    expect(tasks[0]).toEqual(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Tình trạng', 'Tỷ lệ hoàn thành (%)', 'Kết quả, minh chứng', 'Khó khăn, đề xuất']);
    expect(tasks.slice(1)).toEqual(expected.tasks.map(asXlsxRow));
    // Per group, a blank row, then per agency, another blank row, then where the agencies' reports stand.
    expect(await xlsxRows(xlsx, XLSX_SHEETS.summary, 2)).toEqual([
      [], // final: no "số liệu tạm tính" line
      ['Nhóm / cơ quan', 'Đã hoàn thành', 'Đang thực hiện, đúng tiến độ', 'Chậm tiến độ', 'Chưa triển khai', 'Chủ trì chưa báo cáo', 'Tổng số'],
      ...expected.groups,
      [],
      ['Theo cơ quan, đơn vị'],
      ...expected.agencies,
      [],
      ['Tình hình gửi báo cáo', 'Số cơ quan'],
      ...expected.standing,
    ]);
    const indicators = await xlsxRows(xlsx, XLSX_SHEETS.indicators, 3);
    expect(indicators[0]).toEqual(['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu', 'Kết quả đạt được', 'Cơ quan báo cáo']);
    expect(indicators.slice(1)).toEqual(expected.indicators.map(asXlsxRow));
    expect(await xlsxRows(xlsx, XLSX_SHEETS.late, 3)).toEqual([['TT', 'Cơ quan', 'Tình trạng báo cáo'], ...expected.late]);
    // No agency wrote a summary or attached evidence: those sheets have their header only.
    expect(await xlsxRows(xlsx, XLSX_SHEETS.remarks, 3)).toEqual([['TT', 'Cơ quan, đơn vị', 'Nhận xét chung']]);
    expect(await xlsxRows(xlsx, XLSX_SHEETS.evidence, 3)).toEqual([['STT', 'Cơ quan, đơn vị', 'Tệp minh chứng', 'Dung lượng']]);
  }

  /** The DOCX: the administrative heading, then the same tables, every cell (empty ones included). */
  async function checkDocx(file: Buffer, expected: ReturnType<typeof expectedTables>, year: number) {
    const docx = await docxContent(file);
    expect(docx.tables[0]![0]![0]).toBe('UBND TỈNH QUẢNG NGÃI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố:       /BC-SKHCN');
    expect(docx.tables[0]![0]![1]).toMatch(/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày \d\d tháng 12 năm \d{4}$/);
    expect(docx.paragraphs.slice(0, 2)).toEqual(['BÁO CÁO', TITLE(year)]);
    const [groups, agencies, ...others] = docx.tables.filter((t) => t[0]![0] === 'Nhóm / cơ quan');
    expect(others).toEqual([]);
    expect(groups!.slice(1)).toEqual(expected.groups);
    expect(agencies!.slice(1)).toEqual(expected.agencies);
    const taskTable = docx.tables.find((t) => t[0]![0] === 'TT' && t[0]![1] === 'Nhiệm vụ')!;
    expect(taskTable.slice(1)).toEqual(expected.tasks);
    const indicatorTable = docx.tables.find((t) => t[0]![0] === 'TT' && t[0]![1] === 'Chỉ tiêu')!;
    expect(indicatorTable.slice(1)).toEqual(expected.indicators);
    expect(docx.tables.find((t) => t[0]!.join('|') === 'TT|Cơ quan|Tình trạng báo cáo')!.slice(1)).toEqual(expected.late);
    expect(docx.tables.find((t) => t[0]!.join('|') === 'Tình hình gửi báo cáo|Số cơ quan')!.slice(1)).toEqual(expected.standing);
    expect(docx.paragraphs).toContain('Không có cơ quan, đơn vị nào gửi nhận xét chung.');
    expect(docx.paragraphs.join('\n')).not.toContain('tạm tính');
    // Heading, standing, two summaries, tasks, indicators, late and missing: nothing else (no remarks, no evidence part).
    expect(docx.tables).toHaveLength(7);
  }

  /** The JSON export: the same facts as data. */
  function checkJson(json: Buffer, final: Final, scenario: Scenario, expected: ReturnType<typeof expectedTables>) {
    const report = JSON.parse(json.toString('utf8')) as ConsolidatedReport;
    const leads = reportTaskLeads(plan, catalog.index, final.unitDeadline!);
    expect(report.cycle).toMatchObject({ planId: PLAN, cycleKey: final.cycleKey, year: scenario.year, title: TITLE(scenario.year), unitDeadline: final.unitDeadline, aggregatorDeadline: final.aggregatorDeadline });
    const totals = expected.groups[0]!.slice(1).map(Number);
    expect(report.totals).toEqual({ done: totals[0], 'on-track': totals[1], late: totals[2], 'not-started': totals[3], 'no-report': totals[4], total: totals[5] });
    expect(report.tasks.map((t) => [t.taskId, t.name, t.lead, TASK_OUTCOME_LABELS[t.outcome], t.percent === null ? '' : String(t.percent)])).toEqual(expected.tasks.map((r) => r.slice(0, 5)));
    for (const [i, task] of report.tasks.entries()) {
      const reporters = scenario.assignments.filter((a) => a.taskIds.includes(task.taskId) && a.agencyId !== scenario.missing.agencyId);
      const revision = (a: Agency) => (a.agencyId === scenario.returned.agencyId ? 2 : 1);
      expect([i, task.reports]).toEqual([i, reporters.map((a) => ({ agencyId: a.agencyId, agencyName: a.agencyName, role: leads.get(task.taskId)!.has(a.agencyId) ? 'lead' : 'coordinator', ...contentFor(plan, a, revision(a)).tasks.find((t) => t.taskId === task.taskId)! }))]);
    }
    expect(report.indicators.map((i) => [i.indicatorId, i.name, i.unit, i.target, i.achieved.map((a) => a.value).join('\n'), i.achieved.map((a) => a.agencyName).join('\n')])).toEqual(expected.indicators);
    expect(report.lateAgencies.map((a) => [a.agencyId, a.reportStatus, a.late, a.submittedOn])).toEqual([[scenario.late.agencyId, 'submitted', true, vietnamDate(expected.lateAt)]]);
    expect(report.missingAgencies.map((a) => [a.agencyId, a.reportStatus, a.submittedOn, a.revision])).toEqual([[scenario.missing.agencyId, 'missing', null, null]]);
    expect(report.agencies.find((a) => a.agencyId === scenario.returned.agencyId)).toMatchObject({ reportStatus: 'accepted', reportStatusLabel: 'Đã tiếp nhận', revision: 2, late: false });
    expect(report.agencies.map((a) => a.agencyId)).toEqual(scenario.assignments.map((a) => a.agencyId));
    expect(report).toMatchObject({ provisional: false, provisionalNote: null, returnedAgencies: [] });
    expect(report.standing).toEqual({ accepted: 2, submitted: scenario.assignments.length - 3, returned: 0, notSubmitted: 1, late: 1, total: scenario.assignments.length });
  }

  async function checkDocuments(final: Final, scenario: Scenario) {
    expect(final.files.map((f) => f.kind)).toEqual(['docx', 'xlsx', 'json']);
    const rows = await database.db.selectFrom('report_files').selectAll().where('cycle_key', '=', final.cycleKey).execute();
    for (const file of final.files) {
      const content = readFileSync(path.join(dataDir, file.path));
      expect(createHash('sha256').update(content).digest('hex')).toBe(file.sha256);
      expect(rows.some((r) => r.kind === file.kind && r.sha256 === file.sha256 && r.path === file.path && r.generation === file.generation)).toBe(true);
    }
    const read = (kind: string) => readFileSync(path.join(dataDir, final.files.find((f) => f.kind === kind)!.path));
    const expected = expectedTables(final, scenario);
    expect(vietnamDate(expected.lateAt)).toBe(calendarDay(final.unitDeadline!, 1));
    await checkXlsx(read('xlsx'), expected);
    await checkDocx(read('docx'), expected, scenario.year);
    checkJson(read('json'), final, scenario, expected);
  }

  /** The e-mail in the sink: headers, and each attachment opened and checked like the files on disk. */
  async function checkEmail(final: Final, scenario: Scenario) {
    await sink.waitForMessages(2);
    const message = sink.messages.find((m) => m.subject === `[Đôn Đốc] Báo cáo ${TITLE(scenario.year)}`);
    expect(message!.subject).toBe(`[Đôn Đốc] Báo cáo ${TITLE(scenario.year)}`);
    // Rendered from the 'aggregate-report' template: the letter names its addressees, deadline and attachments, in text and HTML.
    const [y, m, d] = final.aggregatorDeadline!.split('-');
    for (const body of [message!.text, message!.html ?? '']) {
      expect(body).toContain('Báo cáo tổng hợp kết quả thực hiện kế hoạch');
      expect(body).toContain(`${d}/${m}/${y}`);
      expect(body).toContain(`bao-cao-${PLAN}-${scenario.year}.xlsx`);
      expect(body).toContain('Đề nghị xem xét báo cáo tổng hợp và chỉ đạo các cơ quan còn chậm báo cáo.');
    }
    expect(message!.text).toMatch(/^Kính gửi: .*Bộ Khoa học và Công nghệ.*\./);
    expect(message!.envelope.to.sort()).toEqual(['dondoc@bkhcn.gov.example', 'dondoc@ubnd.quangngai.example']);
    expect(message!.messageId).toBe(final.emailMessageId);
    const parsed = await simpleParser(message!.raw);
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      [`bao-cao-${PLAN}-${scenario.year}.docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [`bao-cao-${PLAN}-${scenario.year}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [`bao-cao-${PLAN}-${scenario.year}.json`, 'application/json'],
    ]);
    // Byte for byte the files recorded for the cycle, and read as documents they say the same.
    expect(parsed.attachments.map((a) => createHash('sha256').update(a.content).digest('hex'))).toEqual(final.files.map((f) => f.sha256));
    const [docx, xlsx, json] = parsed.attachments.map((a) => a.content);
    const expected = expectedTables(final, scenario);
    await checkXlsx(xlsx!, expected);
    await checkDocx(docx!, expected, scenario.year);
    checkJson(json!, final, scenario, expected);
  }
});
