// Evidence files (minh chứng) of a report through the API and the CLI: an
// officer attaches PDF/DOCX/XLSX/images with Vietnamese names to their own
// agency's report, gets them back byte for byte, is refused another agency's
// (403), oversize files and reports (413) and other types (415); the
// consolidated report lists each agency's files. Against the built API and
// worker, a dev server and PostgreSQL.
import { WorkingCalendar } from '@dondoc/calendar';
import type { ReportAgencyAssignment } from '@dondoc/contracts';
import { loadSeedCatalog, resolveReportCycle } from '@dondoc/plan-sync';
import { storePlans } from '@dondoc/test-harness';
import { addCalendarDays, vietnamDate } from '@dondoc/policy';
import { repoRoot } from '@dondoc/runtime';
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { type ApiStack, call, eventually, startApiStack } from './support/api-stack';

const PLAN = 'kh-nq03-2025';
const today = vietnamDate(Date.now());
const year = Number(today.slice(0, 4));
const AD_HOC = { id: 'e2e-minh-chung', title: 'Báo cáo đột xuất kèm minh chứng (kiểm thử)', unitDeadline: addCalendarDays(today, 30), aggregatorDeadline: addCalendarDays(today, 45) };
const CYCLE = `${year}-dx-${AD_HOC.id}`;
const MB = 1024 * 1024;
const PDF = 'application/pdf';
const cli = path.join(repoRoot(), 'dist', 'apps', 'cli', 'src', 'main.js');

type Evidence = { id: string; agencyId: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; created?: boolean };
type ErrorBody = { statusCode: number; error: string; message: string };

/** A file of the given type: its signature, then random bytes up to `size`. */
const fileOf = (signature: string | number[], size: number) => {
  const head = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return Buffer.concat([head, randomBytes(size - head.length)]);
};
const pdf = (size = 2048) => fileOf('%PDF-1.7\n', size);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('report evidence files (API e2e)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-evidence-e2e-'));
  let stack: ApiStack;
  let admin: string;
  let viewer: string;
  let officerA: string;
  let officerB: string;
  let agencyA: ReportAgencyAssignment;
  let agencyB: ReportAgencyAssignment;

  const evidencePath = (agencyId: string, id = '') => `/reports/${PLAN}/${CYCLE}/agencies/${agencyId}/evidence${id ? `/${id}` : ''}`;
  /** The raw file as the body, its name percent-encoded in X-File-Name. */
  const upload = async <T = Evidence>(token: string, agencyId: string, fileName: string, contentType: string, data: Buffer) => {
    const response = await fetch(`${stack.url}${evidencePath(agencyId)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'x-file-name': encodeURIComponent(fileName) },
      body: new Uint8Array(data),
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  beforeAll(async () => {
    stack = await startApiStack('evidence', { DONDOC_DATA_DIR: dataDir });
    admin = await stack.login(await stack.addUser('admin@skhcn.example', 'admin'));
    viewer = await stack.login(await stack.addUser('viewer@skhcn.example', 'viewer'));
    const catalog = loadSeedCatalog(stack.env.DONDOC_SEEDS_DIR!);
    const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
    const plan = catalog.plans.get(PLAN)!;
    // Cycles read their plan from the stored versions, as `dondoc up` leaves them.
    await storePlans(stack.database.db, [plan]);
    const agencies = resolveReportCycle(catalog, plan, { planId: PLAN, year, adHoc: { ...AD_HOC, requestedBy: 'x' } }, calendar).agencies.filter((a) => a.taskIds.length > 0);
    [agencyA, agencyB] = agencies as [ReportAgencyAssignment, ReportAgencyAssignment];
    officerA = await stack.login(await stack.addUser(`canbo@${agencyA.agencyId}.example`, 'officer', agencyA.agencyId));
    officerB = await stack.login(await stack.addUser(`canbo@${agencyB.agencyId}.example`, 'officer', agencyB.agencyId));
    expect((await call(stack.url, 'POST', `/reports/${PLAN}/${year}/start`, { token: admin, body: { adHoc: AD_HOC } })).status).toBe(201);
    await eventually(async () => {
      const reply = await call<{ phase: string }>(stack.url, 'GET', `/reports/${PLAN}/${CYCLE}`, { token: admin });
      return reply.body.phase === 'collecting' ? true : undefined;
    }, 30_000, 'the cycle collecting');
  });

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores a file with its Vietnamese name, size and sha256, once, and gives it back byte for byte', async () => {
    const data = pdf(50_000);
    const name = 'Biên bản nghiệm thu – Sở Khoa học và Công nghệ.pdf';
    const saved = await upload(officerA, agencyA.agencyId, name, PDF, data);
    expect(saved).toMatchObject({ status: 201, body: { fileName: name, contentType: PDF, sizeBytes: data.length, sha256: sha256(data), agencyId: agencyA.agencyId, created: true } });
    // The same content again is the same record.
    expect((await upload(officerA, agencyA.agencyId, name, PDF, data)).body).toMatchObject({ id: saved.body.id, created: false });
    // Stored under the data folder by plan, cycle and agency.
    expect(readdirSync(path.join(dataDir, 'reports', 'evidence', PLAN, CYCLE, agencyA.agencyId))).toEqual([`${sha256(data)}.pdf`]);

    const response = await fetch(`${stack.url}${evidencePath(agencyA.agencyId, saved.body.id)}`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(PDF);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Bien ban nghiem thu _ So Khoa hoc va Cong nghe.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(data));

    const images = await upload(officerA, agencyA.agencyId, 'Ảnh hội thảo.JPG', 'image/jpeg', fileOf([0xff, 0xd8, 0xff, 0xe0], 4096));
    expect(images).toMatchObject({ status: 201, body: { fileName: 'Ảnh hội thảo.JPG', contentType: 'image/jpeg' } });
    const sheet = await upload(admin, agencyA.agencyId, 'Bảng số liệu.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileOf([0x50, 0x4b, 0x03, 0x04], 3000));
    expect(sheet.status).toBe(201);
    const list = await call<{ items: Evidence[] }>(stack.url, 'GET', evidencePath(agencyA.agencyId), { token: officerA });
    expect(list.body.items.map((e) => e.fileName)).toEqual([name, 'Ảnh hội thảo.JPG', 'Bảng số liệu.xlsx']);
  });

  it('lets officers attach to and read their own agency’s report only (403)', async () => {
    expect(await upload<ErrorBody>(officerB, agencyA.agencyId, 'x.pdf', PDF, pdf())).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await upload<ErrorBody>(viewer, agencyA.agencyId, 'x.pdf', PDF, pdf())).status).toBe(403);
    const [first] = (await call<{ items: Evidence[] }>(stack.url, 'GET', evidencePath(agencyA.agencyId), { token: admin })).body.items;
    expect((await call(stack.url, 'GET', evidencePath(agencyA.agencyId, first!.id), { token: officerB })).status).toBe(403);
    expect((await call(stack.url, 'GET', evidencePath(agencyA.agencyId), { token: officerB })).status).toBe(403);
    // Another agency's id under one's own agency is simply not there.
    expect((await call(stack.url, 'GET', evidencePath(agencyB.agencyId, first!.id), { token: officerB })).status).toBe(404);
  });

  it('refuses other types and files whose content is not what they claim (415)', async () => {
    const text = await upload<ErrorBody>(officerA, agencyA.agencyId, 'ghi chú.txt', 'text/plain', Buffer.from('xin chào'));
    expect(text).toMatchObject({ status: 415, body: { error: 'unsupported-media-type', message: 'Tệp minh chứng phải là PDF, DOCX, XLSX, JPEG hoặc PNG; không nhận kiểu "text/plain".' } });
    expect((await upload<ErrorBody>(officerA, agencyA.agencyId, 'báo cáo.exe', PDF, pdf())).body.message).toBe('Tên tệp "báo cáo.exe" không khớp kiểu application/pdf (cần đuôi .pdf).');
    const disguised = await upload<ErrorBody>(officerA, agencyA.agencyId, 'ảnh.pdf', PDF, fileOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 500));
    expect(disguised).toMatchObject({ status: 415, body: { message: 'Nội dung tệp "ảnh.pdf" không phải là tệp application/pdf hợp lệ.' } });
  });

  it('refuses a file over 10 MB and a report whose files pass 30 MB together, in Vietnamese (413)', async () => {
    const big = await upload<ErrorBody>(officerB, agencyB.agencyId, 'Hồ sơ quá lớn.pdf', PDF, pdf(10 * MB + 1));
    expect(big).toMatchObject({ status: 413, body: { error: 'payload-too-large', message: 'Tệp minh chứng "Hồ sơ quá lớn.pdf" vượt quá 10 MB; vui lòng nén hoặc chia nhỏ tệp.' } });
    for (const part of [1, 2, 3]) expect((await upload(officerB, agencyB.agencyId, `Phần ${part}.pdf`, PDF, pdf(10 * MB - 100_000))).status).toBe(201);
    const over = await upload<ErrorBody>(officerB, agencyB.agencyId, 'Phần 4.pdf', PDF, pdf(400_000));
    expect(over).toMatchObject({ status: 413, body: { message: 'Tổng dung lượng minh chứng của báo cáo vượt quá 30 MB (đã có 3 tệp); vui lòng bỏ bớt hoặc nén tệp.' } });
    expect((await call<{ items: Evidence[] }>(stack.url, 'GET', evidencePath(agencyB.agencyId), { token: officerB })).body.items).toHaveLength(3);
  });

  it('takes evidence with `dondoc report submit --evidence`, and the consolidated report lists every agency’s files', async () => {
    const agency = agencyA;
    const folder = mkdtempSync(path.join(os.tmpdir(), 'dondoc-evidence-cli-'));
    const report = path.join(folder, 'bao-cao.json');
    writeFileSync(report, JSON.stringify({ tasks: agency.taskIds.map((taskId) => ({ taskId, status: 'on-track', percent: 40, results: `Kết quả ${taskId}` })), indicators: agency.indicatorIds.map((indicatorId) => ({ indicatorId, achieved: '3' })) }));
    const docx = path.join(folder, 'Công văn số 12.docx');
    writeFileSync(docx, fileOf([0x50, 0x4b, 0x03, 0x04], 6000));
    const dondoc = (...args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, [cli, ...args], { env: { ...stack.env, DONDOC_DATA_DIR: dataDir }, cwd: repoRoot() }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
      });
    const note = path.join(folder, 'ghi-chu.txt');
    writeFileSync(note, 'ghi chú');
    // A wrong evidence file stops the whole submission: the report below is still the first.
    const refused = await dondoc('report', 'submit', PLAN, CYCLE, agency.agencyId, report, '--by', 'canbo', '--evidence', docx, note);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('Tệp minh chứng phải là PDF, DOCX, XLSX, JPEG hoặc PNG') });
    const sent = await dondoc('report', 'submit', PLAN, CYCLE, agency.agencyId, report, '--by', 'canbo', '--evidence', docx);
    expect(sent).toMatchObject({ code: 0, stdout: expect.stringMatching(/Đã gửi báo cáo lần 1 [\s\S]*minh chứng Công văn số 12\.docx \(6000 byte/) });
    // The CLI acted on Temporal and the database directly; the audit log has it as the API would, under the named officer.
    type Audit = { items: Array<{ action: string; actor: string; role: string; target: string }> };
    const audit = await call<Audit>(stack.url, 'GET', `/audit?actor=canbo&limit=50`, { token: admin });
    expect(audit.body.items.map((e) => `${e.action} ${e.role} ${e.target}`).sort()).toEqual(
      [`report.evidence operator report/${PLAN}/${CYCLE}/${agency.agencyId}`, `report.submit operator report/${PLAN}/${CYCLE}/${agency.agencyId}`].sort(),
    );

    type Consolidated = { agencies: Array<{ agencyId: string; evidence: Array<{ fileName: string; sizeBytes: number }> }> };
    const json = await call<Consolidated>(stack.url, 'GET', `/reports/${PLAN}/${CYCLE}/files/json?regenerate=true`, { token: admin });
    expect(json.status).toBe(200);
    const evidenceOf = (agencyId: string) => json.body.agencies.find((a) => a.agencyId === agencyId)?.evidence.map((e) => e.fileName);
    expect(evidenceOf(agencyA.agencyId)).toEqual(['Biên bản nghiệm thu – Sở Khoa học và Công nghệ.pdf', 'Ảnh hội thảo.JPG', 'Bảng số liệu.xlsx', 'Công văn số 12.docx']);
    expect(json.body.agencies.find((a) => a.agencyId === agencyB.agencyId)?.evidence).toEqual([1, 2, 3].map((part) => ({ fileName: `Phần ${part}.pdf`, sizeBytes: 10 * MB - 100_000 })));
    // The same list in the spreadsheet, one row per file with its size.
    const xlsx = await fetch(`${stack.url}/reports/${PLAN}/${CYCLE}/files/xlsx`, { headers: { authorization: `Bearer ${admin}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const rows: string[][] = [];
    workbook.getWorksheet('Minh chung')!.eachRow((row, n) => {
      if (n > 3) rows.push((row.values as Array<string | number>).slice(1).map(String));
    });
    expect(rows.find((r) => r[2] === 'Công văn số 12.docx')).toEqual([expect.any(String), agencyA.agencyName, 'Công văn số 12.docx', '6 KB']);
    expect(rows.filter((r) => r[1] === agencyB.agencyName).map((r) => r[3])).toEqual(['9,9 MB', '9,9 MB', '9,9 MB']);
    rmSync(folder, { recursive: true, force: true });
  });
});
