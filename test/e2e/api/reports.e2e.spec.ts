// The report cycle through the API: an admin starts an ad-hoc cycle, an
// officer submits for their own agency only, the admin returns and accepts,
// bad and oversize reports are refused with the field and the reason, the
// consolidated DOCX/XLSX/JSON are downloadable when an admin re-generates them,
// and a cycle that could not ask anyone (a past year's) is refused. Against the
// built API and worker, a dev server, PostgreSQL and an SMTP sink.
import { WorkingCalendar } from '@dondoc/calendar';
import { createLinkToken, type LinkPurpose } from '@dondoc/links';
import type { ReportAgencyAssignment } from '@dondoc/contracts';
import { loadSeedCatalog, resolveReportCycle } from '@dondoc/plan-sync';
import { addCalendarDays, vietnamDate } from '@dondoc/policy';
import type { SmtpSink } from '@dondoc/runtime';
import { repoRoot } from '@dondoc/runtime';
import { startTestSmtpSink, storePlans } from '@dondoc/test-harness';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { type ApiStack, call, eventually, startApiStack } from './support/api-stack';

const PLAN = 'kh-nq03-2025';
const today = vietnamDate(Date.now());
const year = Number(today.slice(0, 4));
const AD_HOC = { id: 'e2e-dot-xuat', title: 'Báo cáo đột xuất tình hình thực hiện (kiểm thử)', unitDeadline: addCalendarDays(today, 30), aggregatorDeadline: addCalendarDays(today, 45) };
const CYCLE = `${year}-dx-${AD_HOC.id}`;
const base = `/reports/${PLAN}/${CYCLE}`;
const cli = path.join(repoRoot(), 'dist', 'apps', 'cli', 'src', 'main.js');

type ErrorBody = { statusCode: number; error: string; message: string; details?: { issues?: Array<{ field: string; reason: string }> } };
type ReviewView = { revision: number; decision: string; comment: string | null; by: string | null; at: string };
type AgencyView = { agencyId: string; status: string; statusLabel: string; dueDate: string | null; revision: number | null; returns: number; late: boolean; overdue: boolean; lastReview?: ReviewView | null };
type CycleView = {
  workflowId: string;
  phase: string;
  unitDeadline: string | null;
  agencies: AgencyView[];
  files: Array<{ kind: string }>;
  generations: Array<{ generation: number; emailed: boolean; files: Array<{ kind: string }> }>;
};
type AuditPage = { items: Array<{ actor: string; action: string; target: string | null; payload: Record<string, unknown> }> };

/** A complete, valid report for the agency's scope. */
const contentFor = (agency: ReportAgencyAssignment, note = '') => ({
  tasks: agency.taskIds.map((taskId) => ({ taskId, status: 'on-track', percent: 50, results: `Kết quả ${taskId}${note}`, evidence: [`Công văn số ${taskId}/KT`] })),
  indicators: agency.indicatorIds.map((indicatorId) => ({ indicatorId, achieved: '12', note })),
  summary: note,
});

describe('report cycle (API e2e)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-reports-e2e-'));
  let sink: SmtpSink;
  let stack: ApiStack;
  let admin: string;
  let viewer: string;
  let officerA: string;
  let officerB: string;
  let agencyA: ReportAgencyAssignment;
  let agencyB: ReportAgencyAssignment;
  let assignments: readonly ReportAgencyAssignment[];

  const api = <T = ErrorBody>(method: string, route: string, options: Parameters<typeof call>[3] = {}) => call<T>(stack.url, method, route, options);
  const submission = (agencyId: string) => `${base}/agencies/${agencyId}/submission`;
  /** `dondoc …` against the same stack, as an administrator at the console would run it. */
  const dondoc = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [cli, ...args], { env: { ...stack.env, DONDOC_DATA_DIR: dataDir }, cwd: repoRoot() }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    });

  beforeAll(async () => {
    sink = await startTestSmtpSink();
    stack = await startApiStack('reports', { DONDOC_DATA_DIR: dataDir, SMTP_URL: sink.smtpUrl });
    admin = await stack.login(await stack.addUser('admin@skhcn.example', 'admin'));
    viewer = await stack.login(await stack.addUser('viewer@skhcn.example', 'viewer'));
    // The same resolution the cycle's first activity runs: who reports on what.
    const catalog = loadSeedCatalog(stack.env.DONDOC_SEEDS_DIR!);
    const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
    // Cycles read their plan from the stored versions, as `dondoc up` leaves them.
    await storePlans(stack.database.db, [catalog.plans.get(PLAN)!]);
    assignments = resolveReportCycle(catalog, catalog.plans.get(PLAN)!, { planId: PLAN, year, adHoc: { ...AD_HOC, requestedBy: 'x' } }, calendar).agencies;
    const withTasks = assignments.filter((a) => a.taskIds.length > 0);
    [agencyA, agencyB] = withTasks as [ReportAgencyAssignment, ReportAgencyAssignment];
    officerA = await stack.login(await stack.addUser(`canbo@${agencyA.agencyId}.example`, 'officer', agencyA.agencyId));
    officerB = await stack.login(await stack.addUser(`canbo@${agencyB.agencyId}.example`, 'officer', agencyB.agencyId));
  });

  afterAll(async () => {
    await stack?.stop();
    await sink?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts an ad-hoc cycle (admin only); bad deadlines are 400, an unknown plan 404, a second start 409', async () => {
    const start = `/reports/${PLAN}/${year}/start`;
    expect((await api('POST', start, { token: viewer, body: { adHoc: AD_HOC } })).status).toBe(403);
    const backwards = await api('POST', start, { token: admin, body: { adHoc: { ...AD_HOC, aggregatorDeadline: AD_HOC.unitDeadline } } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.details?.issues).toEqual([{ field: 'adHoc.aggregatorDeadline', reason: 'Hạn báo cáo tổng hợp phải sau hạn báo cáo của các cơ quan.' }]);
    const badId = await api('POST', start, { token: admin, body: { adHoc: { ...AD_HOC, id: 'Có Dấu' } } });
    expect(badId.body.details?.issues?.[0]?.field).toBe('adHoc.id');
    expect((await api('POST', `/reports/${PLAN}/${CYCLE}/start`, { token: admin, body: { adHoc: AD_HOC } })).body.details?.issues?.[0]?.field).toBe('year');
    expect((await api('POST', `/reports/no-such-plan/${year}/start`, { token: admin, body: { adHoc: AD_HOC } })).status).toBe(404);

    const started = await api<{ workflowId: string; cycleKey: string }>('POST', start, { token: admin, body: { adHoc: AD_HOC } });
    expect(started).toMatchObject({ status: 201, body: { workflowId: `report/${PLAN}/${CYCLE}`, cycleKey: CYCLE } });
    expect(await api('POST', start, { token: admin, body: { adHoc: AD_HOC } })).toMatchObject({ status: 409, body: { error: 'conflict' } });

    const cycle = await eventually(async () => {
      const reply = await api<CycleView>('GET', base, { token: viewer });
      return reply.status === 200 && reply.body.phase === 'collecting' ? reply.body : undefined;
    }, 30_000, 'the cycle collecting');
    expect(cycle.unitDeadline).toBe(AD_HOC.unitDeadline);
    expect(cycle.agencies.map((a) => a.agencyId).sort()).toEqual(assignments.map((a) => a.agencyId).sort());
    expect(cycle.agencies.every((a) => a.status === 'requested' && a.statusLabel === 'Chưa gửi báo cáo' && a.dueDate === AD_HOC.unitDeadline && !a.overdue)).toBe(true);
    // An officer sees their own agency only.
    expect((await api<CycleView>('GET', base, { token: officerA })).body.agencies.map((a) => a.agencyId)).toEqual([agencyA.agencyId]);
    expect((await api('GET', `/reports/${PLAN}/${year - 50}`, { token: admin })).status).toBe(404);
    expect((await api('GET', `/reports/${PLAN}/not-a-year`, { token: admin })).body.details?.issues?.[0]?.field).toBe('year');
  });

  it('takes a report from the agency’s own officer only; a bad field is 400, an oversize report 413', async () => {
    const good = contentFor(agencyA);
    expect(await api('POST', submission(agencyA.agencyId), { token: officerB, body: good })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await api('POST', submission(agencyA.agencyId), { token: viewer, body: good })).status).toBe(403);
    expect((await api('POST', `${base}/agencies/no-such-agency/submission`, { token: admin, body: good })).status).toBe(404);

    const badPercent = { ...good, tasks: good.tasks.map((t, i) => (i === 0 ? { ...t, percent: 120 } : t)) };
    const bad = await api('POST', submission(agencyA.agencyId), { token: officerA, body: badPercent });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.issues).toEqual([{ field: 'tasks.0.percent', reason: `Nhiệm vụ ${agencyA.taskIds[0]}: Tỷ lệ hoàn thành phải từ 0 đến 100.` }]);
    const missingTask = await api('POST', submission(agencyA.agencyId), { token: officerA, body: { ...good, tasks: good.tasks.slice(1) } });
    expect(missingTask.body.details?.issues).toEqual(expect.arrayContaining([{ field: 'tasks', reason: `Thiếu báo cáo nhiệm vụ ${agencyA.taskIds[0]}.` }]));

    // Over the report's 256 KB (accepted by the transport): 413 naming the whole body and why.
    const oversize = await api('POST', submission(agencyA.agencyId), { token: officerA, body: { ...good, summary: 'x'.repeat(300 * 1024) } });
    expect(oversize).toMatchObject({ status: 413, body: { error: 'payload-too-large', details: { issues: [{ field: '(body)', reason: expect.stringMatching(/^Báo cáo quá lớn \(\d+ KB; tối đa 256 KB\)\.$/) }] } } });
    // Over the transport's limit: refused before it is parsed.
    expect((await api('POST', submission(agencyA.agencyId), { token: officerA, body: { ...good, summary: 'x'.repeat(600 * 1024) } })).status).toBe(413);

    const sent = await api<AgencyView>('POST', submission(agencyA.agencyId), { token: officerA, body: good });
    expect(sent).toMatchObject({ status: 200, body: { agencyId: agencyA.agencyId, status: 'submitted', revision: 1, late: false } });
  });

  it('returns with a comment, takes the revision, accepts it, and audits every change', async () => {
    const review = (action: string) => `${base}/agencies/${agencyA.agencyId}/${action}`;
    expect((await api('POST', review('return'), { token: officerA, body: { comment: 'x' } })).status).toBe(403);
    const noComment = await api('POST', review('return'), { token: admin, body: { comment: '  ' } });
    expect(noComment.body.details?.issues).toEqual([{ field: 'comment', reason: 'Cần nêu nội dung yêu cầu bổ sung, chỉnh sửa.' }]);

    const returned = await api<AgencyView>('POST', review('return'), { token: admin, body: { comment: 'Bổ sung minh chứng nhiệm vụ' } });
    expect(returned.body).toMatchObject({ status: 'returned', returns: 1 });
    // The comment is stored with the revision it was about and shown per agency (the workflow keeps only the decision).
    const withComment = (await api<CycleView>('GET', base, { token: admin })).body.agencies.find((a) => a.agencyId === agencyA.agencyId);
    expect(withComment?.lastReview).toMatchObject({ revision: 1, decision: 'returned', comment: 'Bổ sung minh chứng nhiệm vụ', by: 'admin@skhcn.example' });
    // The cycle's status line may lag the return by a signal; the comment comes from the database at once.
    const status = await dondoc('report', 'status', PLAN, CYCLE);
    expect(status).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`${agencyA.agencyId} .*\\n +ý kiến khi trả lại lần 1 \\(admin@skhcn\\.example, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\): Bổ sung minh chứng nhiệm vụ\\n`)) });
    expect(await api('POST', review('accept'), { token: admin, body: {} })).toMatchObject({ status: 409, body: { message: 'Chỉ xem xét được báo cáo đang chờ xem xét (hiện tại: returned).' } });

    const revised = await api<AgencyView>('POST', submission(agencyA.agencyId), { token: officerA, body: contentFor(agencyA, ' (bổ sung)') });
    expect(revised.body).toMatchObject({ status: 'submitted', revision: 2, returns: 1 });
    expect((await api<AgencyView>('POST', review('accept'), { token: admin, body: {} })).body).toMatchObject({ status: 'accepted', revision: 2 });
    expect((await api('POST', submission(agencyA.agencyId), { token: officerA, body: contentFor(agencyA) })).status).toBe(409);

    // The cycle's view follows the agency's workflow by a signal, a moment later.
    const seen = await eventually(async () => {
      const agency = (await api<CycleView>('GET', base, { token: admin })).body.agencies.find((a) => a.agencyId === agencyA.agencyId);
      return agency?.status === 'accepted' ? agency : undefined;
    }, 10_000, 'the cycle showing the acceptance');
    expect(seen).toMatchObject({ statusLabel: 'Đã tiếp nhận', revision: 2, returns: 1, lastReview: { revision: 2, decision: 'accepted', comment: null } });

    const target = `report/${PLAN}/${CYCLE}/${agencyA.agencyId}`;
    const audit = await api<AuditPage>('GET', `/audit?target=${encodeURIComponent(target)}`, { token: admin });
    expect(audit.body.items.map((e) => `${e.action} ${e.actor}`).reverse()).toEqual([
      `report.submit canbo@${agencyA.agencyId}.example`,
      'report.return admin@skhcn.example',
      `report.submit canbo@${agencyA.agencyId}.example`,
      'report.accept admin@skhcn.example',
    ]);
    expect((await api<AuditPage>('GET', `/audit?action=report.start`, { token: admin })).body.items[0]).toMatchObject({ target: `report/${PLAN}/${CYCLE}`, actor: 'admin@skhcn.example' });
  });

  it('takes a report through the signed link of a request (submit-report): once, for its own agency only', async () => {
    const link = (purpose: LinkPurpose, subjectAgency: string, agencyId = subjectAgency) =>
      createLinkToken({ purpose, subject: `report/${PLAN}/${CYCLE}/${subjectAgency}`, agencyId, exp: Math.floor(Date.now() / 1000) + 3600 }, stack.linkSecret);
    const token = link('submit-report', agencyB.agencyId);
    const preview = await api<{ cycleKey: string; used: boolean; report: { status: string; taskIds: string[] } }>('GET', `/links/submit-report?token=${token}`);
    expect(preview.body).toMatchObject({ cycleKey: CYCLE, used: false, report: { status: 'requested', taskIds: [...agencyB.taskIds], dueDate: AD_HOC.unitDeadline } });

    expect((await api('POST', '/links/submit-report', { body: { token: link('report-progress', agencyB.agencyId), report: contentFor(agencyB) } })).status).toBe(403);
    expect((await api('POST', '/links/submit-report', { body: { token: link('submit-report', agencyA.agencyId, agencyB.agencyId), report: contentFor(agencyB) } })).status).toBe(403);
    // A refused report gives the link back for the corrected one.
    expect((await api('POST', '/links/submit-report', { body: { token, report: { tasks: [] } } })).status).toBe(400);
    const sent = await api<AgencyView>('POST', '/links/submit-report', { body: { token, report: contentFor(agencyB) } });
    expect(sent).toMatchObject({ status: 200, body: { agencyId: agencyB.agencyId, status: 'submitted', revision: 1 } });
    expect(await api('POST', '/links/submit-report', { body: { token, report: contentFor(agencyB) } })).toMatchObject({ status: 410, body: { error: 'gone' } });
    const audit = await api<AuditPage>('GET', `/audit?target=${encodeURIComponent(`report/${PLAN}/${CYCLE}/${agencyB.agencyId}`)}`, { token: admin });
    expect(audit.body.items.map((e) => `${e.action} ${e.actor}`)).toEqual([`report.submit signed-link:${agencyB.agencyId}`]);
  });

  it('has no documents before the cycle consolidates; an admin can re-generate them from the reports so far', async () => {
    expect(await api('GET', `${base}/files/json`, { token: admin })).toMatchObject({ status: 404, body: { error: 'not-found' } });
    expect((await api('GET', `${base}/files/json?regenerate=true`, { token: viewer })).status).toBe(403);
    expect((await api('GET', `${base}/files/pdf`, { token: admin })).body.details?.issues?.[0]?.field).toBe('kind');

    const json = await api<{ cycle: { cycleKey: string }; agencies: Array<{ agencyId: string; reportStatus: string; revision: number | null }> }>('GET', `${base}/files/json?regenerate=true`, { token: admin });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json.headers.get('content-disposition')).toBe(`attachment; filename="bao-cao-${PLAN}-${CYCLE}.json"`);
    expect(json.body.cycle.cycleKey).toBe(CYCLE);
    expect(json.body.agencies.find((a) => a.agencyId === agencyA.agencyId)).toMatchObject({ reportStatus: 'accepted', revision: 2 });
    // Once generated, the documents are there for viewers too.
    expect((await api('GET', `${base}/files/xlsx`, { token: viewer })).status).toBe(200);
    expect((await api<AuditPage>('GET', '/audit?action=report.regenerate', { token: admin })).body.items).toHaveLength(1);

    // Re-generating again keeps the first generation: the download serves the newest, an earlier one by its number.
    expect((await api('GET', `${base}/files/json?regenerate=true`, { token: admin })).status).toBe(200);
    const generations = (await api<CycleView>('GET', base, { token: admin })).body.generations;
    expect(generations.map((g) => [g.generation, g.emailed, g.files.map((f) => f.kind)])).toEqual([
      [1, false, ['docx', 'xlsx', 'json']],
      [2, false, ['docx', 'xlsx', 'json']],
    ]);
    expect((await api('GET', `${base}/files/json?generation=1`, { token: viewer })).status).toBe(200);
    expect(await api('GET', `${base}/files/json?generation=3`, { token: viewer })).toMatchObject({ status: 404, body: { message: `Kỳ báo cáo ${CYCLE} của kế hoạch ${PLAN} không có lần tổng hợp thứ 3.` } });
    expect((await api('GET', `${base}/files/json?generation=1&regenerate=true`, { token: admin })).body.details?.issues?.[0]?.field).toBe('generation');
    // The same through the CLI: status lists both generations, download takes the one asked for.
    expect((await dondoc('report', 'status', PLAN, CYCLE)).stdout).toMatch(/tổng hợp lần 1 \([^)]+\): reports\/[^\n]+\/1\/bao-cao-[^\n]+\n {2}tổng hợp lần 2 /);
    const out = mkdtempSync(path.join(os.tmpdir(), 'dondoc-download-'));
    expect(await dondoc('report', 'download', PLAN, CYCLE, '--generation', '1', '--out', out)).toMatchObject({ code: 0 });
    const firstJson = path.join(out, `bao-cao-${PLAN}-${CYCLE}.json`);
    expect(existsSync(firstJson) && readFileSync(firstJson, 'utf8')).toBe((await fetch(`${stack.url}${base}/files/json?generation=1`, { headers: { authorization: `Bearer ${admin}` } }).then((r) => r.text())));
    expect(await dondoc('report', 'download', PLAN, CYCLE, '--generation', '7', '--out', out)).toMatchObject({ code: 1, stderr: `Kỳ báo cáo ${CYCLE} của kế hoạch ${PLAN} không có lần tổng hợp thứ 7.\n` });
    rmSync(out, { recursive: true, force: true });
  });

  it('refuses a cycle that could not send its requests before it closes (issue 12 §6): a past year’s, an ad-hoc one due yesterday', async () => {
    const past = year - 1;
    const refused = await api('POST', `/reports/${PLAN}/${past}/start`, { token: admin, body: {} });
    expect(refused).toMatchObject({ status: 409, body: { error: 'conflict', message: expect.stringMatching(new RegExp(`^Kỳ báo cáo ${past} của kế hoạch ${PLAN} khóa sổ lúc \\d\\d:\\d\\d ngày \\d\\d/\\d\\d/${past}, đã qua: không còn thời gian gửi đề nghị báo cáo`)) } });
    expect((await api('GET', `/reports/${PLAN}/${past}`, { token: admin })).status).toBe(404);
    // The CLI goes through the same operations: an ad-hoc request due yesterday is refused with the date and what to do.
    const yesterday = addCalendarDays(today, -1);
    const cliRefused = await dondoc('report', 'start', PLAN, String(year), '--ad-hoc', 'hom-qua', '--title', 'Báo cáo đột xuất', '--unit-deadline', yesterday, '--aggregator-deadline', addCalendarDays(today, 10));
    expect(cliRefused).toMatchObject({ code: 1, stderr: `Hạn báo cáo của các cơ quan (${yesterday.split('-').reverse().join('/')}) đã qua; chọn hạn từ hôm nay (${today.split('-').reverse().join('/')}) trở đi (hạn hôm nay: các cơ quan gửi báo cáo đến hết giờ làm việc hôm nay).\n` });
    expect((await api('GET', `/reports/${PLAN}/${year}-dx-hom-qua`, { token: admin })).status).toBe(404);
    expect(sink.messages).toEqual([]);
  });

  it('documents every report endpoint in the OpenAPI document', async () => {
    const document = await api<Record<string, unknown>>('GET', '/docs/openapi.json');
    const operations = Object.entries(document.body.paths as Record<string, Record<string, unknown>>).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /reports/{plan}/{year}',
        'POST /reports/{plan}/{year}/start',
        'POST /reports/{plan}/{year}/agencies/{agency}/submission',
        'POST /reports/{plan}/{year}/agencies/{agency}/return',
        'POST /reports/{plan}/{year}/agencies/{agency}/accept',
        'GET /reports/{plan}/{year}/files/{kind}',
        'POST /reports/{plan}/{year}/approve',
        'GET /links/submit-report',
        'POST /links/submit-report',
      ]),
    );
  });
});
