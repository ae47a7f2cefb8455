// The sign-off through the API and the CLI, on the real clock: an ad-hoc
// request due today closes when offices close, a few minutes from now (the
// seeds are copied with offices open from midnight until then), and the
// consolidation goes to Sở KH&CN's admin with a link to the report page;
// nothing goes to Bộ KH&CN or UBND tỉnh until the admin approves. The approval
// names a generation (the sign-off's, not the newer re-generation), is audited
// with who approved which, and that generation's files are the ones e-mailed.
import { WorkingCalendar } from '@dondoc/calendar';
import type { ReportAgencyAssignment } from '@dondoc/contracts';
import { loadSeedCatalog, resolveReportCycle } from '@dondoc/plan-sync';
import { addCalendarDays, vietnamDate } from '@dondoc/policy';
import { repoRoot, type SmtpSink } from '@dondoc/runtime';
import { startTestSmtpSink, storePlans } from '@dondoc/test-harness';
import { simpleParser } from 'mailparser';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';

import { alwaysOpenSeeds } from './support/always-open-seeds';
import { type ApiStack, call, eventually, startApiStack } from './support/api-stack';

const PLAN = 'kh-nq03-2025';
const today = vietnamDate(Date.now());
const RECIPIENTS = ['dondoc@bkhcn.gov.example', 'dondoc@ubnd.quangngai.example'];

/** Offices open from midnight until two to three minutes after the stack is up (the end of the day at the latest), every day this suite runs. */
function seedsClosingSoon(): { dir: string; closesAt: number } {
  const now = Date.now();
  const dir = alwaysOpenSeeds(now);
  const local = new Date(now + 7 * 3_600_000);
  const minutes = Math.min(local.getUTCHours() * 60 + local.getUTCMinutes() + 3, 24 * 60);
  const end = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  for (const year of new Set([today, addCalendarDays(today, 1)].map((d) => d.slice(0, 4)))) {
    const file = path.join(dir, 'calendar', `${year}.yaml`);
    writeFileSync(file, stringify({ ...(parse(readFileSync(file, 'utf8')) as object), officeHours: [{ start: '00:00', end }] }));
  }
  return { dir, closesAt: Date.parse(`${today}T00:00:00+07:00`) + minutes * 60_000 };
}

type SignOff = { generation: number; requestedFrom: string[]; approval: { generation: number; by: string } | null };
type CycleView = { phase: string; emailMessageId: string | null; signOff?: SignOff | null; generations: Array<{ generation: number; emailed: boolean; files: Array<{ kind: string; sha256: string }> }> };

describe('report sign-off (API e2e, real clock)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-sign-off-e2e-'));
  // Made when the suite starts, so the close is counted from the stack coming up.
  let seeds: ReturnType<typeof seedsClosingSoon>;
  const adHoc = { id: 'trong-ngay', title: 'Báo cáo đột xuất tình hình thực hiện trong ngày', unitDeadline: today, aggregatorDeadline: addCalendarDays(today, 1) };
  const cycle = `${today.slice(0, 4)}-dx-${adHoc.id}`;
  const base = `/reports/${PLAN}/${cycle}`;
  const cli = path.join(repoRoot(), 'dist', 'apps', 'cli', 'src', 'main.js');
  let sink: SmtpSink;
  let stack: ApiStack;
  let admin: string;
  let agency: ReportAgencyAssignment;
  const api = <T = { message: string }>(method: string, route: string, options: Parameters<typeof call>[3] = {}) => call<T>(stack.url, method, route, { token: admin, ...options });
  const dondoc = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [cli, ...args], { env: { ...stack.env, DONDOC_DATA_DIR: dataDir }, cwd: repoRoot() }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    });

  beforeAll(async () => {
    seeds = seedsClosingSoon();
    sink = await startTestSmtpSink();
    stack = await startApiStack('sign-off', { DONDOC_DATA_DIR: dataDir, DONDOC_SEEDS_DIR: seeds.dir, SMTP_URL: sink.smtpUrl });
    admin = await stack.login(await stack.addUser('admin@skhcn.example', 'admin'));
    const catalog = loadSeedCatalog(seeds.dir);
    const plan = catalog.plans.get(PLAN)!;
    await storePlans(stack.database.db, [plan]);
    agency = resolveReportCycle(catalog, plan, { planId: PLAN, year: Number(today.slice(0, 4)), adHoc: { ...adHoc, requestedBy: 'x' } }, new WorkingCalendar({ overrides: catalog.calendarOverrides })).agencies.find((a) => a.taskIds.length > 0)!;
  });
  afterAll(async () => {
    await stack?.stop();
    await sink?.stop();
    for (const dir of [dataDir, seeds?.dir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('waits for an admin’s approval of a generation, audits it, and e-mails exactly that generation', async () => {
    expect((await api('POST', `/reports/${PLAN}/${today.slice(0, 4)}/start`, { body: { adHoc } })).status).toBe(201);
    await eventually(async () => ((await api<CycleView>('GET', base)).body.phase === 'collecting' ? true : undefined), 30_000, 'the cycle collecting');
    const report = { tasks: agency.taskIds.map((taskId) => ({ taskId, status: 'on-track', percent: 50, results: `Kết quả ${taskId}` })), indicators: agency.indicatorIds.map((indicatorId) => ({ indicatorId, achieved: '1' })) };
    expect((await api<{ status: string }>('POST', `${base}/agencies/${agency.agencyId}/submission`, { body: report })).body.status).toBe('submitted');

    // When offices close the cycle closes, and the consolidation goes to the admin, not to the recipients.
    const signing = await eventually(
      async () => {
        const view = (await api<CycleView>('GET', base)).body;
        return view.phase === 'awaiting-approval' && view.signOff?.requestedFrom.length ? view : undefined;
      },
      seeds.closesAt - Date.now() + 120_000,
      'the cycle awaiting approval',
    );
    expect(Date.now()).toBeGreaterThanOrEqual(seeds.closesAt);
    expect(signing).toMatchObject({ emailMessageId: null, signOff: { generation: 1, requestedFrom: ['admin@skhcn.example'], approval: null } });
    const [letter] = await sink.waitForMessages(1);
    expect(letter!.envelope.to).toEqual(['admin@skhcn.example']);
    expect(letter!.text).toContain(`${stack.url}/bao-cao/${PLAN}/${cycle}`);
    expect(sink.messages.flatMap((m) => m.envelope.to).filter((to) => RECIPIENTS.includes(to))).toEqual([]);

    // A re-generation after the close is generation 2; the admin approves the sign-off's, 1.
    expect((await api('GET', `${base}/files/json?regenerate=true`)).status).toBe(200);
    const approved = await api<CycleView>('POST', `${base}/approve`, { body: { generation: 1 } });
    expect(approved).toMatchObject({ status: 200, body: { signOff: { approval: { generation: 1, by: 'admin@skhcn.example' } } } });
    const done = await eventually(
      async () => {
        const view = (await api<CycleView>('GET', base)).body;
        return view.phase === 'completed' ? view : undefined;
      },
      60_000,
      'the approved report e-mailed',
    );
    expect(done.generations.map((g) => [g.generation, g.emailed])).toEqual([
      [1, true],
      [2, false],
    ]);
    const [, sent] = await sink.waitForMessages(2);
    expect(sent!.envelope.to.sort()).toEqual(RECIPIENTS);
    expect(sent!.subject).toBe(`[Đôn Đốc] ${adHoc.title}`);
    const hashes = (await simpleParser(sent!.raw)).attachments.map((a) => createHash('sha256').update(a.content).digest('hex'));
    expect(hashes).toEqual(done.generations[0]!.files.map((f) => f.sha256));

    // Audited: who approved which generation, with its files.
    const audit = await api<{ items: Array<{ actor: string; target: string; payload: { generation: number; files: Array<{ kind: string; sha256: string }> } }> }>('GET', '/audit?action=report.approve');
    expect(audit.body.items).toEqual([expect.objectContaining({ actor: 'admin@skhcn.example', target: `report/${PLAN}/${cycle}`, payload: { generation: 1, files: done.generations[0]!.files.map(({ kind, sha256 }) => ({ kind, sha256 })) } })]);
    // The CLI shows the approval and refuses a second one.
    expect((await dondoc('report', 'status', PLAN, cycle)).stdout).toMatch(/trình phê duyệt lần tổng hợp 1 \([^)]*gửi admin@skhcn\.example\): đã phê duyệt lần tổng hợp 1 \(admin@skhcn\.example, /);
    expect(await dondoc('report', 'approve', PLAN, cycle, '--generation', '2', '--by', 'giamdoc')).toMatchObject({ code: 1, stderr: 'Báo cáo tổng hợp đã được phê duyệt (lần tổng hợp 1, bởi admin@skhcn.example).\n' });
    expect(sink.messages).toHaveLength(2);
  }, 480_000); // real minutes: the cycle closes when the seeds' offices do
});
