// The status model through the API and the CLI (issue 13 §1, §6 of the CLI part):
// an agency proposes completion, Sở KH&CN returns or confirms it, GET /stats and
// `dondoc stats` count the result; and (issue 12 §11) a control character in a
// reason is refused before anything is applied, while every Update the workflow
// applied or refused is in the audit log with its outcome.
import { type TaskState } from '@dondoc/contracts';
import { calendarDaysBetween, vietnamDate } from '@dondoc/policy';
import { repoRoot } from '@dondoc/runtime';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { type ApiStack, call, eventually, startApiStack, taskPath } from './support/api-stack';

const PLAN = 'kh-ai-2025-2030';
type Task = { workflowId: string; agencyId: string; status: string; statusLabel: string; dueDate: string | null; daysOverdue: number | null; running: boolean };
type Page = { items: Task[]; nextPageToken: string | null };
type State = TaskState & { statusLabel: string };
type ErrorBody = { message: string; details?: { issues?: Array<{ field: string; reason: string }> } };
type Counts = { total: number; categories: Record<string, number>; proposed: number };
type Stats = { today: string; overall: Counts; byPlan: Array<{ planId: string; counts: Counts }>; byAgency: Array<{ agencyId: string; counts: Counts }>; byGroup: Array<{ planId: string; group: string | null; counts: Counts }> };
type AuditEntry = { action: string; target: string; outcome: string | null; outcomeDetail: string | null; payload: Record<string, unknown> };

describe('proposed and confirmed completion, statistics, free text (API e2e)', () => {
  let stack: ApiStack;
  let admin: string;
  let officer: string;
  let agency: string;
  let tasks: Task[];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-status-'));
  const api = <T = ErrorBody>(method: string, route: string, options: Parameters<typeof call>[3] = {}) => call<T>(stack.url, method, route, options);
  const dondoc = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [path.join(repoRoot(), 'dist', 'apps', 'cli', 'src', 'main.js'), ...args], { env: { ...stack.env, DONDOC_DATA_DIR: dataDir }, cwd: repoRoot() }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const overdueTasksOf = (agencyId: string) => tasks.filter((t) => t.agencyId === agencyId && t.running && t.status === 'overdue');
  const audit = async (target: string) => (await api<{ items: AuditEntry[] }>('GET', `/audit?target=${encodeURIComponent(target)}&limit=100`, { token: admin })).body.items;

  beforeAll(async () => {
    stack = await startApiStack('status');
    const adminUser = await stack.addUser('admin@skhcn.example', 'admin');
    admin = await stack.login(adminUser);
    const yaml = readFileSync(path.join(repoRoot(), 'seeds', 'plans', `${PLAN}.yaml`), 'utf8');
    const imported = await api<{ workflows: { started: string[] } }>('POST', '/plans', { token: admin, body: yaml, contentType: 'application/yaml' });
    expect(imported.status).toBe(200);
    tasks = await eventually(async () => {
      const page = await api<Page>('GET', `/tasks?plan=${PLAN}&pageSize=200`, { token: admin });
      const items = page.body.items;
      // Settled: each workflow has written its own status and due date (the import starts them as 'active').
      return items.length === imported.body.workflows.started.length && items.every((t) => t.dueDate !== null || t.status === 'waiting-trigger') ? items : undefined;
    }, 60_000, 'every task visible with its status');
    // The agency with the most overdue tasks: two to complete, one to pause and cancel.
    const counts = new Map<string, number>();
    for (const t of tasks) if (t.running && t.status === 'overdue') counts.set(t.agencyId, (counts.get(t.agencyId) ?? 0) + 1);
    agency = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    expect(overdueTasksOf(agency).length).toBeGreaterThanOrEqual(3);
    officer = await stack.login(await stack.addUser(`canbo@${agency}.example`, 'officer', agency));
    expect((await dondoc('login', '--email', adminUser.email, '--password', adminUser.password, '--api', stack.url)).code).toBe(0);
  });

  afterAll(() => stack?.stop());

  it('the agency proposes, Sở KH&CN returns it with a comment, the agency proposes again and Sở KH&CN confirms: completed late by the days at the proposal', async () => {
    const [task] = overdueTasksOf(agency);
    const today = vietnamDate(Date.now());
    const daysLate = calendarDaysBetween(task!.dueDate!, today);
    const body = { result: 'Đã ban hành Kế hoạch số 12/KH-UBND', evidence: 'Công văn 45/SKHCN' };

    const proposed = await api<State>('POST', taskPath(task!.workflowId, 'propose-completion'), { token: officer, body });
    expect(proposed).toMatchObject({ status: 200, body: { status: 'proposed', statusLabel: 'Đề nghị hoàn thành', nextReminderAt: null, proposal: { on: today, daysLate, by: `canbo@${agency}.example` } } });
    // Only Sở KH&CN decides; and it no longer completes a task on the agency's say-so.
    expect((await api('POST', taskPath(task!.workflowId, 'confirm-completion'), { token: officer, body: {} })).status).toBe(403);
    expect((await api('POST', taskPath(task!.workflowId, 'complete'), { token: officer, body: { evidence: 'x' } })).status).toBe(403);
    const twice = await api('POST', taskPath(task!.workflowId, 'propose-completion'), { token: officer, body });
    expect(twice).toMatchObject({ status: 409, body: { message: 'Đã có đề nghị hoàn thành đang chờ Sở KH&CN xác nhận.' } });

    const returned = await dondoc('task', 'return', task!.workflowId, '--comment', 'Thiếu quyết định phê duyệt');
    expect(returned).toMatchObject({ code: 0, stdout: expect.stringContaining('Quá hạn (overdue)') });
    const again = await dondoc('task', 'show', task!.workflowId);
    expect(again.stdout).toContain('Trả lại đề nghị hoàn thành: Thiếu quyết định phê duyệt (admin@skhcn.example); tiếp tục nhắc việc');

    expect((await api<State>('POST', taskPath(task!.workflowId, 'propose-completion'), { token: officer, body })).body.status).toBe('proposed');
    const confirmed = await dondoc('task', 'confirm', task!.workflowId, '--comment', 'Đủ minh chứng');
    expect(confirmed).toMatchObject({ code: 0, stdout: expect.stringContaining(`hoàn thành   ngày ${today} (quá hạn ${daysLate} ngày), xác nhận: admin@skhcn.example`) });
    const listed = await eventually(async () => {
      const page = await api<Page>('GET', `/tasks?plan=${PLAN}&status=completed-late&pageSize=200`, { token: admin });
      return page.body.items.find((t) => t.workflowId === task!.workflowId);
    }, 20_000, 'the task listed as completed late');
    expect(listed).toMatchObject({ statusLabel: 'Hoàn thành quá hạn', daysOverdue: daysLate, running: false });
    const overdueList = await api<Page>('GET', `/tasks?plan=${PLAN}&overdue=true&pageSize=200`, { token: admin });
    expect(overdueList.body.items.map((t) => t.workflowId)).not.toContain(task!.workflowId);

    const outcomes = (await audit(task!.workflowId)).map((e) => [e.action, e.outcome]).reverse();
    expect(outcomes).toEqual([
      ['task.propose-completion', 'applied'],
      ['task.propose-completion', 'refused'],
      ['task.return-completion', 'applied'],
      ['task.propose-completion', 'applied'],
      ['task.confirm-completion', 'applied'],
    ]);
  });

  it.each(['pause', 'cancel'])('%s with "tạm dừng\\u0000": 400 naming the field, nothing applied and nothing recorded', async (action) => {
    const task = overdueTasksOf(agency)[1]!;
    const refused = await api('POST', taskPath(task.workflowId, action), { token: admin, body: { reason: 'tạm dừng\u0000' } });
    expect(refused).toMatchObject({
      status: 400,
      body: { details: { issues: [{ field: 'reason', reason: 'Chứa ký tự điều khiển U+0000 ở vị trí 9; chỉ được dùng xuống dòng và tab.' }] } },
    });
    const detail = await api<{ state: State; running: boolean }>('GET', taskPath(task.workflowId), { token: admin });
    expect(detail.body).toMatchObject({ running: true, state: { paused: false, status: 'overdue' } });
    expect((await audit(task.workflowId)).filter((e) => e.action === `task.${action}`)).toEqual([]);
  });

  it('a pause applied is in the log as applied, with what the user sent', async () => {
    const task = overdueTasksOf(agency)[2]!;
    const paused = await api<State>('POST', taskPath(task.workflowId, 'pause'), { token: admin, body: { reason: 'Chờ ý kiến\tUBND tỉnh\nngày 04/12' } });
    expect(paused.body).toMatchObject({ status: 'paused', statusLabel: 'Tạm dừng', paused: true });
    expect((await audit(task.workflowId)).map((e) => [e.action, e.outcome, e.payload.reason])).toEqual([['task.pause', 'applied', 'Chờ ý kiến\tUBND tỉnh\nngày 04/12']]);
  });

  it('GET /stats counts each category overall, per plan, agency and group; dondoc stats prints the same', async () => {
    const stats = await eventually(async () => {
      const reply = await api<Stats>('GET', `/stats?plan=${PLAN}`, { token: admin });
      return reply.body.overall?.categories['completed-late'] === 1 && reply.body.overall.categories.paused === 1 ? reply.body : undefined;
    }, 20_000, 'the completion and the pause counted');
    const page = (await api<Page>('GET', `/tasks?plan=${PLAN}&pageSize=200`, { token: admin })).body.items;
    const withStatus = (...statuses: string[]) => page.filter((t) => statuses.includes(t.status)).length;
    expect(stats.overall.total).toBe(page.length - withStatus('cancelled'));
    expect(stats.overall.categories['not-due']).toBe(withStatus('not-due', 'waiting-trigger'));
    expect(stats.overall.categories['open-overdue']).toBe(withStatus('overdue'));
    expect(stats.overall.categories['open-on-time']).toBe(withStatus('active'));
    expect(Object.values(stats.overall.categories).reduce((a, b) => a + b, 0)).toBe(page.length);
    expect(stats.byPlan).toEqual([{ planId: PLAN, counts: stats.overall }]);
    const ofAgency = stats.byAgency.find((a) => a.agencyId === agency)!.counts;
    expect(ofAgency).toMatchObject({ categories: { 'completed-late': 1, paused: 1 } });
    expect(ofAgency.total).toBe(page.filter((t) => t.agencyId === agency).length);
    // The AI plan's table has no groups: one group, null, with everything.
    expect(stats.byGroup).toEqual([{ planId: PLAN, group: null, counts: stats.overall }]);

    const year = (await api<Stats>('GET', `/stats?plan=${PLAN}&from=2030-01-01&to=2030-12-31`, { token: admin })).body;
    expect(year.overall.total).toBe(page.filter((t) => t.dueDate !== null && t.dueDate >= '2030-01-01' && t.dueDate <= '2030-12-31').length);
    const mine = await api<Stats>('GET', '/stats', { token: officer });
    expect(mine.body.byAgency.map((a) => a.agencyId)).toEqual([agency]);
    const another = page.find((t) => t.agencyId !== agency)!.agencyId;
    expect((await api('GET', `/stats?agency=${another}`, { token: officer })).status).toBe(403);
    const bad = await api('GET', '/stats?from=1288-08-02&to=2026-02-30', { token: admin });
    expect(bad.body.details?.issues?.map((i) => i.field).sort()).toEqual(['from', 'to']);

    const cliJson = await dondoc('stats', '--plan', PLAN, '--json');
    expect(JSON.parse(cliJson.stdout)).toEqual(stats);
    const table = await dondoc('stats', '--plan', PLAN);
    expect(table.stdout).toMatch(new RegExp(`^Tất cả\\s+│ ${stats.overall.total}\\s+│ ${stats.overall.categories['completed-on-time']}\\s+│ 1\\s+│`, 'm'));
    expect((await dondoc('stats', '--from', '1288-08-02')).stderr).toContain('Năm 1288 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).');
  });
});
