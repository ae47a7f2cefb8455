// Staff accounts: admins list, disable and enable them and send one-time reset
// links by e-mail; users change their own password. A session ends at its next
// request once its user is disabled or their password changes. The CLI reads
// passwords from a prompt or stdin, never from argv (--password still works, with a warning).
import { repoRoot, type SmtpSink } from '@dondoc/runtime';
import { startTestSmtpSink } from '@dondoc/test-harness';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { type ApiStack, call, startApiStack } from './support/api-stack';

type User = { id: string; email: string; role: string; disabled: boolean; lastLoginAt: string | null };
type ErrorBody = { message: string; details?: { issues?: Array<{ field: string }> } };
const cli = path.join(repoRoot(), 'dist', 'apps', 'cli', 'src', 'main.js');

describe('staff accounts and sessions (API e2e)', () => {
  let stack: ApiStack;
  let mail: SmtpSink;
  let admin: string;
  const api = <T = ErrorBody>(method: string, route: string, options: Parameters<typeof call>[3] = {}) => call<T>(stack.url, method, route, options);
  const idOf = async (email: string) => (await api<{ items: User[] }>('GET', '/users', { token: admin })).body.items.find((u) => u.email === email)!.id;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-users-'));

  beforeAll(async () => {
    mail = await startTestSmtpSink();
    stack = await startApiStack('users', { SMTP_URL: mail.smtpUrl });
    admin = await stack.login(await stack.addUser('admin@skhcn.example', 'admin'));
  });
  afterAll(async () => {
    await stack?.stop();
    await mail?.stop();
  });

  it('lists accounts for admins only', async () => {
    const viewer = await stack.login(await stack.addUser('viewer@skhcn.example', 'viewer'));
    expect((await api('GET', '/users', { token: viewer })).status).toBe(403);
    const list = await api<{ items: User[] }>('GET', '/users', { token: admin });
    expect(list.body.items.map((u) => u.email)).toEqual(['admin@skhcn.example', 'viewer@skhcn.example']);
    expect(list.body.items[0]).toMatchObject({ role: 'admin', disabled: false, lastLoginAt: expect.any(String) });
    expect(list.body.items[0]).not.toHaveProperty('passwordHash');
  });

  it('ends a disabled user’s session at its next request (401), and keeps it ended after enabling', async () => {
    const account = await stack.addUser('canbo@so-y-te.example', 'officer', 'so-y-te');
    const token = await stack.login(account);
    expect((await api('GET', '/auth/me', { token })).status).toBe(200);
    const id = await idOf(account.email);

    const disabled = await api<User>('POST', `/users/${id}/disable`, { token: admin });
    expect(disabled).toMatchObject({ status: 200, body: { disabled: true } });
    expect(await api('GET', '/tasks', { token })).toMatchObject({ status: 401, body: { message: 'Tài khoản không còn hoạt động; liên hệ quản trị viên.' } });
    expect((await api('POST', '/auth/login', { body: account })).status).toBe(401);

    expect((await api<User>('POST', `/users/${id}/enable`, { token: admin })).body.disabled).toBe(false);
    // The session from before the lock stays ended; a new login works.
    expect((await api('GET', '/auth/me', { token })).status).toBe(401);
    expect((await api('GET', '/auth/me', { token: await stack.login(account) })).status).toBe(200);

    expect((await api('POST', `/users/${await idOf('admin@skhcn.example')}/disable`, { token: admin })).status).toBe(409);
    expect((await api('POST', '/users/not-a-uuid/disable', { token: admin })).body.details?.issues?.[0]?.field).toBe('userId');
    expect((await api('POST', '/users/00000000-0000-4000-8000-000000000000/disable', { token: admin })).status).toBe(404);
    const audit = await api<{ items: Array<{ action: string; target: string; actor: string }> }>('GET', '/audit?target=user/canbo@so-y-te.example', { token: admin });
    expect(audit.body.items.map((e) => e.action)).toEqual(['user.enable', 'user.disable']);
  });

  it('mails a one-time reset link; the new password ends every older session; the link works once', async () => {
    const account = await stack.addUser('quen@skhcn.example', 'viewer');
    const before = await stack.login(account);
    const requested = await api<{ email: string; expiresAt: string }>('POST', `/users/${await idOf(account.email)}/password-reset`, { token: admin });
    expect(requested).toMatchObject({ status: 200, body: { email: account.email } });
    const [letter] = (await mail.waitForMessages(1)).filter((m) => m.envelope.to.includes(account.email));
    expect(letter!.subject).toBe('[Đôn Đốc] Đặt lại mật khẩu');
    const token = new RegExp(`${stack.url}/dat-lai-mat-khau#token=([\\w-]{43})`).exec(letter!.text)?.[1];
    expect(token).toBeDefined();
    // The old password works until the link is used.
    expect((await api('GET', '/auth/me', { token: before })).status).toBe(200);

    expect((await api('POST', '/auth/password-reset', { body: { token, password: 'ngắn' } })).body.details?.issues?.[0]?.field).toBe('password');
    expect(await api('POST', '/auth/password-reset', { body: { token, password: 'mật-khẩu-mới-đủ-dài' } })).toMatchObject({ status: 200, body: { email: account.email } });
    expect((await api('GET', '/auth/me', { token: before })).status).toBe(401);
    expect((await api('POST', '/auth/login', { body: account })).status).toBe(401);
    expect((await api('POST', '/auth/login', { body: { email: account.email, password: 'mật-khẩu-mới-đủ-dài' } })).status).toBe(200);
    expect((await api('POST', '/auth/password-reset', { body: { token, password: 'mật-khẩu-khác-đủ-dài' } })).status).toBe(410);
    expect((await api('POST', '/auth/password-reset', { body: { token: 'A'.repeat(43), password: 'mật-khẩu-khác-đủ-dài' } })).status).toBe(400);
    const audit = await api<{ items: Array<{ action: string; actor: string }> }>('GET', `/audit?target=user/${account.email}`, { token: admin });
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'user.password.reset', actor: account.email }), expect.objectContaining({ action: 'user.password-reset.request', actor: 'admin@skhcn.example' })]);
  });

  it('changes one’s own password only with the current one, and hands back a new session', async () => {
    const account = await stack.addUser('doi@skhcn.example', 'viewer');
    const old = await stack.login(account);
    const wrong = await api('POST', '/auth/password', { token: old, body: { currentPassword: 'không-phải-mật-khẩu', newPassword: 'mật-khẩu-mới-đủ-dài' } });
    expect(wrong).toMatchObject({ status: 400, body: { details: { issues: [{ field: 'currentPassword' }] } } });
    const changed = await api<{ token: string }>('POST', '/auth/password', { token: old, body: { currentPassword: account.password, newPassword: 'mật-khẩu-mới-đủ-dài' } });
    expect(changed.status).toBe(200);
    expect((await api('GET', '/auth/me', { token: old })).status).toBe(401);
    expect((await api('GET', '/auth/me', { token: changed.body.token })).status).toBe(200);
  });

  it('the CLI takes passwords from stdin, warns about --password, and runs the account commands', async () => {
    const added = await dondoc(['user', 'add', '--email', 'cli@skhcn.example', '--role', 'admin', '--password-stdin'], 'mat-khau-cli-du-dai\n');
    expect(added).toMatchObject({ code: 0, stdout: 'Đã tạo cli@skhcn.example (admin).\n' });
    const login = await dondoc(['login', '--email', 'cli@skhcn.example', '--password-stdin', '--api', stack.url], 'mat-khau-cli-du-dai\n');
    expect(login).toMatchObject({ code: 0, stdout: expect.stringContaining('Đã đăng nhập cli@skhcn.example (admin)') });
    expect(login.stderr).toBe('');
    // (Checked on `user add`: logins are throttled to 10 a minute, and this suite logs in often.)
    const legacy = await dondoc(['user', 'add', '--email', 'cu@skhcn.example', '--role', 'viewer', '--password', 'mat-khau-tren-dong-lenh']);
    expect(legacy).toMatchObject({ code: 0, stderr: expect.stringContaining('Cảnh báo: --password') });

    expect((await dondoc(['user', 'list'])).stdout).toMatch(/cli@skhcn\.example\s+admin\s+hoạt động/);
    await stack.addUser('tam@skhcn.example', 'viewer');
    expect((await dondoc(['user', 'disable', 'tam@skhcn.example'])).stdout).toContain('tam@skhcn.example: đã khóa');
    expect((await dondoc(['user', 'reset-password', 'tam@skhcn.example'])).stderr).toContain('Tài khoản đang bị khóa');
    expect((await dondoc(['user', 'enable', 'tam@skhcn.example'])).stdout).toContain('đã mở khóa');
    expect((await dondoc(['user', 'reset-password', 'tam@skhcn.example'])).stdout).toContain('Đã gửi đường dẫn đặt lại mật khẩu đến tam@skhcn.example');
    expect((await dondoc(['user', 'disable', 'nobody@skhcn.example'])).stderr).toContain('Không có tài khoản nobody@skhcn.example');

    const changed = await dondoc(['user', 'password'], 'mat-khau-cli-du-dai\nmat-khau-cli-moi-du-dai\n');
    expect(changed).toMatchObject({ code: 0, stdout: expect.stringContaining('Đã đổi mật khẩu của cli@skhcn.example') });
    // The stored session is the new one: the next command works.
    expect((await dondoc(['user', 'list'])).code).toBe(0);
  });

  function dondoc(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [cli, ...args], { env: { ...stack.env, DONDOC_DATA_DIR: dataDir }, cwd: repoRoot() });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += String(chunk)));
      child.stderr.on('data', (chunk) => (stderr += String(chunk)));
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
      child.stdin.end(stdin);
    });
  }
});
