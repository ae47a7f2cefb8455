// CLI parity: the operator's commands talk to the running API over HTTP with
// the session `dondoc login` stores, and `dondoc user add` creates the first admin.
import { addCalendarDays, vietnamDate } from '@dondoc/policy';
import { repoRoot } from '@dondoc/runtime';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { type ApiStack, call, eventually, startApiStack } from './support/api-stack';

const cli = path.join(repoRoot(), 'dist', 'apps', 'cli', 'src', 'main.js');
const PLAN = 'kh-nq03-2025';
type Page = { items: Array<{ workflowId: string; agencyId: string; running: boolean; status: string }> };

describe('dondoc CLI against the API (e2e)', () => {
  let stack: ApiStack;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-cli-'));
  const password = 'mat-khau-quan-tri-2026';

  const dondoc = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [cli, ...args], { env: { ...stack.env, DONDOC_DATA_DIR: dataDir }, cwd: repoRoot() }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  beforeAll(async () => {
    stack = await startApiStack('cli');
  });
  afterAll(() => stack?.stop());

  it('creates the first admin in the database, refuses incomplete accounts, and logs in', async () => {
    const added = await dondoc('user', 'add', '--email', 'admin@skhcn.example', '--role', 'admin', '--password', password);
    expect(added).toMatchObject({ code: 0, stdout: expect.stringContaining('Đã tạo admin@skhcn.example (admin)') });
    const officerWithoutAgency = await dondoc('user', 'add', '--email', 'x@y.example', '--role', 'officer');
    expect(officerWithoutAgency).toMatchObject({ code: 2, stderr: expect.stringContaining('vai trò officer cần --agency') });
    expect((await dondoc('user', 'add', '--email', 'admin@skhcn.example', '--role', 'admin', '--password', password)).stderr).toContain('đã có tài khoản');

    const notLoggedIn = await dondoc('task', 'list', '--api', stack.url);
    expect(notLoggedIn).toMatchObject({ code: 1, stderr: expect.stringContaining('Lỗi 401') });
    expect((await dondoc('login', '--email', 'admin@skhcn.example', '--password', 'sai-mat-khau', '--api', stack.url)).code).toBe(1);
    const login = await dondoc('login', '--email', 'admin@skhcn.example', '--password', password, '--api', stack.url);
    expect(login).toMatchObject({ code: 0, stdout: expect.stringContaining('Đã đăng nhập admin@skhcn.example (admin)') });
    expect(statSync(path.join(dataDir, 'cli-session.json')).mode & 0o077).toBe(0);
  });

  it('issues guidance, lists, shows, extends, reassigns and completes tasks, merges an agency and reads the audit log', async () => {
    const admin = (JSON.parse(readFileSync(path.join(dataDir, 'cli-session.json'), 'utf8')) as { token: string }).token;
    const yaml = readFileSync(path.join(repoRoot(), 'seeds', 'plans', `${PLAN}.yaml`), 'utf8');
    expect((await call(stack.url, 'POST', '/plans', { token: admin, body: yaml, contentType: 'application/yaml' })).status).toBe(200);
    const waiting = await eventually(async () => {
      const page = await call<Page>(stack.url, 'GET', `/tasks?plan=${PLAN}&status=waiting-trigger&pageSize=200`, { token: admin });
      return page.body.items.length > 5 ? page.body.items : undefined;
    }, 30_000, 'waiting tasks visible');
    const named = waiting[0]!.workflowId.split('/')[2]!;

    const issued = await dondoc('guidance', 'issue', '--doc', '07/2026/TT-BKHCN', '--date', addCalendarDays(vietnamDate(Date.now()), -10), '--plan', PLAN, '--tasks', named);
    expect(issued.code).toBe(0);
    expect(issued.stdout).toContain('Đã ghi nhận văn bản 07/2026/TT-BKHCN');
    expect(issued.stdout).toMatch(new RegExp(`Đã gửi đến \\d+ nhiệm vụ:\\n  task/${PLAN}/${named.replace('.', '\\.')}/`));

    const listed = await dondoc('task', 'list', '--plan', PLAN, '--status', 'active,overdue', '--page-size', '5');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/5 nhiệm vụ; trang sau: --page-token [\w-]+\.[\w-]+/);
    const target = listed.stdout.split('\n')[0]!.split(/\s+/)[0]!;

    const shown = await dondoc('task', 'show', target);
    expect(shown.stdout).toContain(target);
    expect(shown.stdout).toContain('started');

    const newDue = addCalendarDays(vietnamDate(Date.now()), 90);
    const extended = await dondoc('task', 'extend', target, '--to', newDue, '--reason', 'Chờ kinh phí');
    expect(extended).toMatchObject({ code: 0, stdout: expect.stringContaining(`hạn          ${newDue}`) });
    const badExtend = await dondoc('task', 'extend', target, '--to', '2026-13-01', '--reason', 'x');
    expect(badExtend).toMatchObject({ code: 1, stderr: expect.stringContaining("option '--to <yyyy-mm-dd>' argument '2026-13-01' is invalid. Ngày 2026-13-01 không tồn tại.") });
    // Checked before the request, as the API would: a year the working-day calendar does not cover.
    expect((await dondoc('guidance', 'issue', '--doc', '1/TT', '--date', '1288-08-02')).stderr).toContain('Năm 1288 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).');

    const directory = await call<{ agencies: Array<{ id: string }> }>(stack.url, 'GET', '/agencies', { token: admin });
    const fromAgency = target.split('/')[3]!;
    // An agency still in office today (a merge into a defunct one is refused).
    let other = '';
    for (const { id } of directory.body.agencies.filter((a) => a.id !== fromAgency)) {
      const detail = await call<{ successor: unknown; dissolved: unknown }>(stack.url, 'GET', `/agencies/${id}`, { token: admin });
      if (detail.body.successor === null && detail.body.dissolved === null) {
        other = id;
        break;
      }
    }
    const reassigned = await dondoc('task', 'reassign', target, '--to', other, '--reason', 'Đúng chức năng');
    expect(reassigned).toMatchObject({ code: 0, stdout: expect.stringContaining(`cơ quan      ${other}`) });

    const completed = await dondoc('task', 'complete', target, '--evidence', 'Công văn 12/SKHCN');
    expect(completed.code).toBe(0);
    expect((await dondoc('task', 'show', target)).stdout).toContain('Hoàn thành đúng hạn: Công văn 12/SKHCN');
    expect((await dondoc('task', 'complete', `task/${PLAN}/99/${other}`, '--evidence', 'x'))).toMatchObject({ code: 1, stderr: expect.stringContaining('Lỗi 404') });

    const open = (await call<Page>(stack.url, 'GET', `/tasks?agency=${fromAgency}&pageSize=200`, { token: admin })).body.items.filter((t) => t.running);
    const merged = await dondoc('agency', 'merge', '--from', fromAgency, '--into', other);
    expect(merged).toMatchObject({ code: 0, stdout: expect.stringContaining(`Đã ghi nhận sáp nhập ${fromAgency} vào ${other}`) });
    const [, moved, joined] = /; (\d+) nhiệm vụ chuyển cho [\w-]+, (\d+) nhiệm vụ gộp/.exec(merged.stdout)!;
    expect(Number(moved) + Number(joined)).toBe(open.length);
    const again = await dondoc('agency', 'merge', '--from', fromAgency, '--into', other);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining(`Sáp nhập ${fromAgency} vào ${other} đã có hiệu lực từ`) });

    const audit = await dondoc('audit', '--json');
    const actions = (JSON.parse(audit.stdout) as { items: Array<{ action: string; actor: string }> }).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['guidance.issue', 'task.extend', 'task.reassign', 'task.complete', 'agency.merge', 'plan.import', 'user.add']));
    // `user add` wrote to the database directly: it is listed under the operator, once (the refused attempts added nothing).
    const userAdds = (JSON.parse(audit.stdout) as { items: Array<{ action: string; role: string; target: string }> }).items.filter((e) => e.action === 'user.add');
    expect(userAdds).toEqual([expect.objectContaining({ role: 'operator', target: 'user/admin@skhcn.example' })]);
  });
});
