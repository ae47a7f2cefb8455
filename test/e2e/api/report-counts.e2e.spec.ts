// Issue 12 §1, the scenario as it was found: the 2026 cycle of
// kh-ai-2025-2030, 19 agencies, 3 submitted, 2 accepted, 1 returned and not
// sent again. The report regenerated before the deadline must say 2 accepted,
// 1 returned, 16 not submitted, and that its figures are provisional, in the
// DOCX, the XLSX and the JSON. The sign-off's API: approving a cycle that is
// still collecting is refused, by the API and the CLI alike. And issue 13 §5:
// a plan imported from a file outside seeds/ (POST /plans, dondoc plan
// import) gets its yearly report Schedule.
import { WorkingCalendar } from '@dondoc/calendar';
import { type ReportAgencyAssignment, reportScheduleId } from '@dondoc/contracts';
import { loadSeedCatalog, resolveReportCycle } from '@dondoc/plan-sync';
import { addCalendarDays, vietnamDate } from '@dondoc/policy';
import { repoRoot } from '@dondoc/runtime';
import { storePlans } from '@dondoc/test-harness';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';

import { docxContent, xlsxRows } from '../../integration/reports/support/report-documents';
import { type ApiStack, call, eventually, startApiStack } from './support/api-stack';

const PLAN = 'kh-ai-2025-2030';
const YEAR = 2026;
const base = `/reports/${PLAN}/${YEAR}`;
const today = vietnamDate(Date.now());
// Deadlines ahead of whatever day this runs, so the cycle is open (and its figures provisional).
const deadlines = { unitDeadline: addCalendarDays(today, 20), aggregatorDeadline: addCalendarDays(today, 40) };
const cli = path.join(repoRoot(), 'dist', 'apps', 'cli', 'src', 'main.js');

type Standing = { accepted: number; submitted: number; returned: number; notSubmitted: number; late: number; total: number };
type ReportJson = { provisional: boolean; provisionalNote: string | null; standing: Standing; missingAgencies: Array<{ agencyId: string }>; returnedAgencies: Array<{ agencyId: string }> };

const contentFor = (agency: ReportAgencyAssignment) => ({
  tasks: agency.taskIds.map((taskId) => ({ taskId, status: 'on-track', percent: 50, results: `Kết quả ${taskId}` })),
  indicators: agency.indicatorIds.map((indicatorId) => ({ indicatorId, achieved: '1' })),
  summary: `Nhận xét của ${agency.agencyName}`,
});

describe('consolidated report counts (API e2e)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-report-counts-'));
  let stack: ApiStack;
  let admin: string;
  let agencies: readonly ReportAgencyAssignment[];
  const api = <T = { message: string; error: string }>(method: string, route: string, options: Parameters<typeof call>[3] = {}) => call<T>(stack.url, method, route, { token: admin, ...options });
  const download = async (kind: string, generation: number) => {
    const response = await fetch(`${stack.url}${base}/files/${kind}?generation=${generation}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const dondoc = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [cli, ...args], { env: { ...stack.env, DONDOC_DATA_DIR: dataDir }, cwd: repoRoot() }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    });

  beforeAll(async () => {
    stack = await startApiStack('report-counts', { DONDOC_DATA_DIR: dataDir });
    admin = await stack.login(await stack.addUser('admin@skhcn.example', 'admin'));
    const catalog = loadSeedCatalog(stack.env.DONDOC_SEEDS_DIR!);
    const plan = catalog.plans.get(PLAN)!;
    await storePlans(stack.database.db, [plan]);
    agencies = resolveReportCycle(catalog, plan, { planId: PLAN, year: YEAR, deadlines }, new WorkingCalendar({ overrides: catalog.calendarOverrides })).agencies;
    expect((await api('POST', `${base}/start`, { body: { deadlines } })).status).toBe(201);
    await eventually(async () => ((await api<{ phase: string }>('GET', base)).body.phase === 'collecting' ? true : undefined), 30_000, 'the cycle collecting');
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says 2 accepted, 1 returned, 16 not submitted, provisional, in the JSON, the DOCX and the XLSX', async () => {
    expect(agencies).toHaveLength(19);
    const [first, second, third] = agencies;
    for (const agency of [first!, second!, third!]) expect((await api<{ status: string }>('POST', `${base}/agencies/${agency.agencyId}/submission`, { body: contentFor(agency) })).body.status).toBe('submitted');
    for (const agency of [first!, second!]) expect((await api<{ status: string }>('POST', `${base}/agencies/${agency.agencyId}/accept`, { body: {} })).body.status).toBe('accepted');
    expect((await api<{ status: string }>('POST', `${base}/agencies/${third!.agencyId}/return`, { body: { comment: 'Bổ sung số liệu' } })).body.status).toBe('returned');

    const regenerated = await api<ReportJson>('GET', `${base}/files/json?regenerate=true`);
    expect(regenerated.status).toBe(200);
    const json = regenerated.body;
    expect(json.standing).toEqual({ accepted: 2, submitted: 0, returned: 1, notSubmitted: 16, late: 0, total: 19 });
    expect(json.missingAgencies).toHaveLength(16);
    expect(json.returnedAgencies.map((a) => a.agencyId)).toEqual([third!.agencyId]);
    expect(json.provisional).toBe(true);
    expect(json.provisionalNote).toMatch(/^Số liệu tạm tính đến \d\d:\d\d ngày \d\d\/\d\d\/\d{4}$/);

    const generation = (await api<{ generations: Array<{ generation: number }> }>('GET', base)).body.generations.at(-1)!.generation;
    const docx = await docxContent(await download('docx', generation));
    expect(docx.paragraphs).toContain(`(${json.provisionalNote}; kỳ báo cáo chưa khóa sổ)`);
    expect(docx.paragraphs.join('\n')).toContain('Có 2/19 cơ quan, đơn vị gửi báo cáo: 2 cơ quan đã được tiếp nhận báo cáo, 0 cơ quan có báo cáo đang chờ xem xét; 1 cơ quan có báo cáo bị trả lại chưa gửi lại; 16 cơ quan chưa gửi báo cáo;');
    expect(docx.tables.find((t) => t[0]!.join('|') === 'Tình hình gửi báo cáo|Số cơ quan')!.slice(1)).toEqual([
      ['Đã tiếp nhận', '2'],
      ['Đã gửi, chờ xem xét', '0'],
      ['Bị trả lại, chưa gửi lại', '1'],
      ['Chưa gửi báo cáo', '16'],
      ['Tổng số cơ quan, đơn vị', '19'],
    ]);
    // Section IV lists the returned agency and the sixteen that have sent nothing, not the accepted ones.
    const section4 = docx.tables.find((t) => t[0]!.join('|') === 'TT|Cơ quan|Tình trạng báo cáo')!.slice(1);
    expect(section4).toHaveLength(17);
    expect(section4[0]).toEqual(['1', third!.agencyName, `Bị trả lại, chưa gửi lại (hạn ${deadlines.unitDeadline.split('-').reverse().join('/')})`]);
    // The accepted agencies' own remarks are in the report; the returned one's are not.
    const remarks = docx.tables.find((t) => t[0]!.join('|') === 'TT|Cơ quan, đơn vị|Nhận xét chung')!.slice(1);
    expect(remarks).toEqual([
      ['1', first!.agencyName, `Nhận xét của ${first!.agencyName}`],
      ['2', second!.agencyName, `Nhận xét của ${second!.agencyName}`],
    ]);

    const xlsx = await download('xlsx', generation);
    const summary = await xlsxRows(xlsx, 'Tong hop', 2);
    expect(summary[0]).toEqual([`${json.provisionalNote} (kỳ báo cáo chưa khóa sổ)`]);
    expect(summary.slice(-5)).toEqual([
      ['Đã tiếp nhận', '2'],
      ['Đã gửi, chờ xem xét', '0'],
      ['Bị trả lại, chưa gửi lại', '1'],
      ['Chưa gửi báo cáo', '16'],
      ['Tổng số cơ quan, đơn vị', '19'],
    ]);
  });

  it('refuses to approve a cycle that is still collecting, through the API and the CLI', async () => {
    const refused = await api('POST', `${base}/approve`, { body: {} });
    expect(refused).toMatchObject({ status: 409, body: { message: 'Kỳ báo cáo chưa khóa sổ: báo cáo tổng hợp được trình phê duyệt khi hết hạn nhận báo cáo.' } });
    expect((await api('POST', `${base}/approve`, { body: { generation: 0 } })).status).toBe(400);
    const viewer = await stack.login(await stack.addUser('viewer@skhcn.example', 'viewer'));
    expect((await call(stack.url, 'POST', `${base}/approve`, { token: viewer, body: {} })).status).toBe(403);
    expect(await dondoc('report', 'approve', PLAN, String(YEAR), '--by', 'giamdoc')).toMatchObject({ code: 1, stderr: 'Kỳ báo cáo chưa khóa sổ: báo cáo tổng hợp được trình phê duyệt khi hết hạn nhận báo cáo.\n' });
    // Nothing was approved, so nothing was audited as such.
    expect((await api<{ items: unknown[] }>('GET', '/audit?action=report.approve')).body.items).toEqual([]);
  });

  it('gives a plan imported from a file outside seeds/ its yearly report Schedule, through the API and the CLI (issue 13 §5)', async () => {
    // The AI plan under new ids, cut to its first task: nothing of it is in seeds/.
    const planOf = (id: string) => {
      const document = parse(readFileSync(path.join(repoRoot(), 'seeds', 'plans', `${PLAN}.yaml`), 'utf8')) as { id: string; groups: Array<{ tasks: unknown[] }> };
      return stringify({ ...document, id, groups: [{ ...document.groups[0]!, tasks: document.groups[0]!.tasks.slice(0, 1) }] });
    };
    type Imported = { planId: string; reportSchedule: { scheduleId: string; created: boolean; nextRequestAt: string | null } | null };
    const imported = await api<Imported>('POST', '/plans', { body: planOf('kh-ngoai-seeds-api'), contentType: 'application/yaml' });
    expect(imported.status).toBe(200);
    expect(imported.body.reportSchedule).toMatchObject({ scheduleId: reportScheduleId('kh-ngoai-seeds-api'), created: true });
    const viaApi = await stack.temporal.client.schedule.getHandle(reportScheduleId('kh-ngoai-seeds-api')).describe();
    expect(viaApi.action).toMatchObject({ type: 'startWorkflow', args: [{ planId: 'kh-ngoai-seeds-api' }] });
    expect(imported.body.reportSchedule!.nextRequestAt).toBe(viaApi.info.nextActionTimes[0]?.toISOString() ?? null);

    const dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-plan-'));
    const file = path.join(dir, 'kh-ngoai-seeds-cli.yaml');
    writeFileSync(file, planOf('kh-ngoai-seeds-cli'));
    const cliImport = await dondoc('plan', 'import', file, '--by', 'e2e');
    expect(cliImport).toMatchObject({ code: 0, stdout: expect.stringContaining('lịch báo cáo hằng năm: đã tạo') });
    const viaCli = await stack.temporal.client.schedule.getHandle(reportScheduleId('kh-ngoai-seeds-cli')).describe();
    expect(viaCli.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(viaCli.action).toMatchObject({ type: 'startWorkflow', args: [{ planId: 'kh-ngoai-seeds-cli' }] });
    rmSync(dir, { recursive: true, force: true });
  });
});
