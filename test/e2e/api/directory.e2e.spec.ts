// The directory's contacts live in the database: listed by GET /agencies,
// edited by PATCH (admins, validated, audited), and the very next reminder
// goes to the edited address through the running notifier, with no restart.
// Offices are open all day in this stack's calendar (support/always-open-seeds.ts).
import { loadCalendarOverridesDir, WorkingCalendar } from '@dondoc/calendar';
import type { TaskState, TimelineEvent } from '@dondoc/contracts';
import { DeliveryLogRepository } from '@dondoc/db';
import { addCalendarDays, vietnamDate } from '@dondoc/policy';
import { repoRoot } from '@dondoc/runtime';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { alwaysOpenSeeds } from './support/always-open-seeds';
import { type ApiStack, call, eventually, startApiStack, taskPath } from './support/api-stack';

const PLAN = 'kh-nq03-2025';
const seedsDir = alwaysOpenSeeds();
const workingCalendar = new WorkingCalendar({ overrides: loadCalendarOverridesDir(path.join(seedsDir, 'calendar')) });

type Contact = { id: string; role: string; name: string; email: string; phone: string | null; channels: string[] | null; quietHours: unknown; updatedBy: string };
type Agency = { id: string; name: string; contacts: Contact[]; focal: { email: string } | null };
type ErrorBody = { message: string; details?: { issues?: Array<{ field: string; reason: string }> } };
type Page = { items: Array<{ workflowId: string }>; nextPageToken: string | null };
type Detail = { state: TaskState; timeline: TimelineEvent[] };

describe('agency contacts in the database (API e2e)', () => {
  let stack: ApiStack;
  let admin: string;
  let viewer: string;
  const api = <T = ErrorBody>(method: string, route: string, options: Parameters<typeof call>[3] = {}) => call<T>(stack.url, method, route, options);

  beforeAll(async () => {
    // Digests go out a few seconds after their last entry, at any hour: the test waits for one, not for 08:00.
    stack = await startApiStack('directory', { DONDOC_SEEDS_DIR: seedsDir, NOTIFIER_DIGEST_WINDOW_MS: '3000', NOTIFIER_DIGEST_NOT_BEFORE: '00:00' }, { delivery: true });
    admin = await stack.login(await stack.addUser('admin@skhcn.example', 'admin'));
    viewer = await stack.login(await stack.addUser('viewer@skhcn.example', 'viewer'));
  });
  afterAll(() => stack?.stop());

  it('lists every agency with its contacts from the database, and one agency with who holds its tasks today', async () => {
    const directory = await api<{ agencies: Agency[]; reorganisations: Array<{ from: string[]; source: string }> }>('GET', '/agencies', { token: viewer });
    expect(directory.status).toBe(200);
    const khcn = directory.body.agencies.find((a) => a.id === 'so-khcn')!;
    expect(khcn.contacts.map((c) => c.role).sort()).toEqual(['focal', 'head']);
    expect(khcn.contacts.find((c) => c.role === 'focal')).toMatchObject({ email: 'dondoc@skhcn.kontum.example', channels: ['email', 'zalo'], updatedBy: expect.stringMatching(/^dondoc-(api|notifier)$/) });
    expect(directory.body.reorganisations.find((r) => r.from.includes('so-tttt'))).toMatchObject({ source: 'seeds' });

    const merged = await api<{ successor: { id: string; since: string } | null; contacts: Contact[] }>('GET', '/agencies/so-tttt', { token: viewer });
    // Sở TT&TT went into Sở KH&CN Kon Tum (1/3/2025), which went into Quảng Ngãi's (1/7/2025): today's holder, since the last step.
    expect(merged.body.successor).toMatchObject({ id: 'so-khcn-qng', since: '2025-07-01' });
    expect((await api('GET', '/agencies/no-such-agency', { token: viewer })).status).toBe(404);
  });

  it('lets only admins edit a contact, field by field, and says which field is wrong', async () => {
    const route = '/agencies/so-khcn/contacts/focal';
    expect((await api('PATCH', route, { token: viewer, body: { email: 'x@skhcn.example' } })).status).toBe(403);
    const bad = await api('PATCH', route, { token: admin, body: { email: 'không phải email', quietHours: { from: '25:00', to: '13:30' }, extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.issues?.map((i) => i.field).sort()).toEqual(['(body)', 'email', 'quietHours.from']);
    expect((await api('PATCH', route, { token: admin, body: {} })).body.details?.issues?.[0]?.reason).toBe('Cần ít nhất một trường để sửa.');
    expect((await api('PATCH', '/agencies/so-khcn/contacts/99999', { token: admin, body: { email: 'a@b.example' } })).status).toBe(404);

    const saved = await api<Contact>('PATCH', route, { token: admin, body: { phone: '0911 222 333', channels: ['email'] } });
    expect(saved).toMatchObject({ status: 200, body: { email: 'dondoc@skhcn.kontum.example', phone: '0911 222 333', channels: ['email'], updatedBy: 'admin@skhcn.example' } });
    // The same values again change nothing and write no second audit row.
    expect((await api<Contact>('PATCH', `/agencies/so-khcn/contacts/${saved.body.id}`, { token: admin, body: { phone: '0911 222 333' } })).status).toBe(200);
    const audit = await api<{ items: Array<{ actor: string; target: string; payload: { changed: Record<string, unknown> } }> }>('GET', '/audit?action=agency.contact.update', { token: admin });
    expect(audit.body.items).toEqual([
      expect.objectContaining({ actor: 'admin@skhcn.example', target: 'agency/so-khcn/contacts/focal', payload: expect.objectContaining({ changed: { phone: { from: '0900000106', to: '0911 222 333' }, channels: { from: ['email', 'zalo'], to: ['email'] } } }) }),
    ]);
  });

  it('sends the next reminder to an e-mail changed through the API, without a restart', async () => {
    const imported = await api<{ workflows: { started: string[] } }>('POST', '/plans', { token: admin, body: readFileSync(path.join(seedsDir, 'plans', `${PLAN}.yaml`), 'utf8'), contentType: 'application/yaml' });
    expect(imported.status).toBe(200);
    const waiting = await eventually(async () => {
      const page = await api<Page>('GET', `/tasks?plan=${PLAN}&status=waiting-trigger&pageSize=200`, { token: admin });
      return page.body.items.length > 5 ? page.body.items.map((t) => t.workflowId) : undefined;
    }, 30_000, 'waiting tasks visible');
    // An agency with two tasks waiting for guidance, each led by it alone: one reminder before the edit, one after.
    const byAgency = new Map<string, string[]>();
    for (const id of waiting) byAgency.set(id.split('/')[3]!, [...(byAgency.get(id.split('/')[3]!) ?? []), id]);
    const soleLead = (id: string) => waiting.filter((w) => w.split('/')[2] === id.split('/')[2]).length === 1;
    const [agencyId, [before, after]] = [...byAgency.entries()].map(([a, ids]) => [a, ids.filter(soleLead)] as const).find(([, ids]) => ids.length >= 2)! as [string, [string, string]];
    const focalEmail = async () => (await api<{ contacts: Contact[] }>('GET', `/agencies/${agencyId}`, { token: admin })).body.contacts.find((c) => c.role === 'focal')!.email;
    const oldEmail = await focalEmail();

    // Before the edit the notifier resolves the old address (the person's digest of today may already be out,
    // so this one can wait for tomorrow's: the dispatch is what shows whom it goes to).
    const first = await release(before, '11/2026/TT-BKHCN');
    expect((await focalRows(first)).map((r) => r.recipient)).toContain(oldEmail);
    const changed = await api<Contact>('PATCH', `/agencies/${agencyId}/contacts/focal`, { token: admin, body: { email: `dau-moi-moi@${agencyId}.example` } });
    expect(changed.status).toBe(200);
    expect(await focalEmail()).toBe(`dau-moi-moi@${agencyId}.example`);
    // The next reminder: dispatched to the new address, and delivered there today (a new person, a new digest).
    const next = await release(after, '12/2026/TT-BKHCN');
    const sent = await eventually(async () => (await focalRows(next)).find((r) => r.status === 'sent'), 60_000, `e-mail of ${next}`);
    expect(sent.recipient).toBe(`dau-moi-moi@${agencyId}.example`);
    const letter = await eventually(async () => stack.delivery!.mail.messages.find((m) => m.headers['x-dondoc-delivery'] === sent.jobId), 30_000, `the e-mail ${sent.jobId}`);
    expect(letter.envelope.to).toEqual([`dau-moi-moi@${agencyId}.example`]);
    expect((await focalRows(next)).map((r) => r.recipient)).not.toContain(oldEmail);
  });

  /** The delivery-log rows of a reminder's e-mail to the focal person, once it is dispatched. */
  async function focalRows(key: string) {
    return eventually(async () => {
      const rows = (await new DeliveryLogRepository(stack.database.db).forKey(key)).filter((r) => r.role === 'focal' && r.channel === 'email');
      return rows.length ? rows : undefined;
    }, 30_000, `dispatch of ${key}`);
  }

  it('merges Sở Ngoại vụ into Văn phòng UBND tỉnh: one open workflow per task at the successor, lists show it, a repeat says it is in effect', async () => {
    type Task = { workflowId: string; planId: string; taskId: string; agencyId: string; agencyName: string | null; status: string; running: boolean; continuesIn: string | null };
    const list = async (query: string): Promise<Task[]> => {
      const items: Task[] = [];
      let token: string | null = null;
      do {
        const page: { body: { items: Task[]; nextPageToken: string | null } } = await api('GET', `/tasks?${query}&pageSize=200${token ? `&pageToken=${token}` : ''}`, { token: admin });
        items.push(...page.body.items);
        token = page.body.nextPageToken;
      } while (token);
      return items;
    };
    const [from, into] = ['so-ngoai-vu', 'van-phong-ubnd-tinh-qng'];
    for (const plan of ['kh-nq03-2025', 'kh-ai-2025-2030']) {
      expect((await api('POST', '/plans', { token: admin, body: readFileSync(path.join(seedsDir, 'plans', `${plan}.yaml`), 'utf8'), contentType: 'application/yaml' })).status).toBe(200);
    }
    const key = (t: Task) => `${t.planId}/${t.taskId}`;
    const moving = await eventually(async () => {
      const open = (await list(`agency=${from}`)).filter((t) => t.running);
      return open.some((t) => t.planId === 'kh-ai-2025-2030') ? open : undefined;
    }, 30_000, 'both plans visible');
    const heldBefore = new Set((await list(`agency=${into}`)).filter((t) => t.running).map(key));
    const shared = moving.filter((t) => heldBefore.has(key(t))).map((t) => t.workflowId).sort();
    expect(shared.length).toBeGreaterThan(0); // tasks both agencies lead: the issue's duplicates

    const today = vietnamDate(Date.now());
    type Merge = { alreadyInEffect: boolean; recorded: boolean; since: string; reassigned: string[]; merged: Array<{ workflowId: string; continuesIn: string }>; failed: unknown[]; message: string };
    const merge = await api<Merge>('POST', '/agencies/merge', { token: admin, body: { from, into, effective: today } });
    expect(merge.status).toBe(200);
    expect(merge.body).toMatchObject({ alreadyInEffect: false, recorded: true, failed: [] });
    expect(merge.body.merged.map((m) => m.workflowId).sort()).toEqual(shared);
    expect(merge.body.reassigned.sort()).toEqual(moving.map((t) => t.workflowId).filter((id) => !shared.includes(id)).sort());

    // Nothing open is left at the old agency (a task waiting for guidance included), one open workflow per task at the successor.
    await eventually(async () => ((await list(`agency=${from}`)).some((t) => t.running) ? undefined : true), 30_000, `no open task left at ${from}`);
    const held = (await list(`agency=${into}`)).filter((t) => t.running);
    const perTask = new Map<string, number>();
    for (const t of held) perTask.set(key(t), (perTask.get(key(t)) ?? 0) + 1);
    expect([...perTask.entries()].filter(([, n]) => n > 1)).toEqual([]);
    for (const t of moving) expect(perTask.get(key(t))).toBe(1);
    const successorName = (await api<{ name: string }>('GET', `/agencies/${into}`, { token: admin })).body.name;
    expect(new Set(held.map((t) => t.agencyName))).toEqual(new Set([successorName]));
    // The closed ones say where their task went.
    const closed = (await list(`agency=${from}`)).filter((t) => t.status === 'merged');
    expect(closed.map((t) => t.workflowId).sort()).toEqual(shared);
    expect(closed.every((t) => held.some((h) => h.workflowId === t.continuesIn))).toBe(true);
    expect((await api<{ successor: { id: string; since: string } }>('GET', `/agencies/${from}`, { token: admin })).body.successor).toEqual({ id: into, name: successorName, since: today });

    const again = await api<Merge>('POST', '/agencies/merge', { token: admin, body: { from, into, effective: today } });
    expect(again.body).toMatchObject({ alreadyInEffect: true, recorded: false, reassigned: [], merged: [] });
    expect(again.body.message).toContain('đã có hiệu lực từ');
    const seeded = await api<Merge>('POST', '/agencies/merge', { token: admin, body: { from: 'so-tttt', into: 'so-khcn', effective: '2025-03-01' } });
    expect(seeded.body).toMatchObject({ alreadyInEffect: true, since: '2025-03-01', reassigned: [], merged: [] });
    expect(seeded.body.message).toBe('Sáp nhập so-tttt vào so-khcn đã có hiệu lực từ 01/03/2025 (đã có trong danh mục); không còn nhiệm vụ nào của so-tttt cần chuyển.');
    expect((await api('POST', '/agencies/merge', { token: admin, body: { from: 'so-tttt', into: 'so-noi-vu', effective: '2025-03-01' } })).status).toBe(409);
    expect((await api('POST', '/agencies/merge', { token: admin, body: { from: 'so-y-te-qng', into: 'ubnd-tinh', effective: today } })).body.message).toContain('không còn hoạt động');
  });

  it('the CLI shows and edits contacts, re-imports the file saying what changes, and lists a merged agency with its successor', async () => {
    const operator = await stack.addUser('canbo-cli@skhcn.example', 'admin');
    expect((await dondoc(['login', '--email', operator.email, '--password-stdin', '--api', stack.url], `${operator.password}\n`)).code).toBe(0);
    const shown = await dondoc(['agency', 'show', 'so-khcn']);
    expect(shown.stdout).toMatch(/^Sở Khoa học và Công nghệ tỉnh Kon Tum \(so-khcn, SKHCN\)\n(?:.*\n)*  \[\d+\] đầu mối: .+ – dondoc@skhcn\.kontum\.example, 0911 222 333; kênh email\n/);
    const set = await dondoc(['agency', 'contact', 'set', 'so-khcn', 'head', '--email', 'giamdoc-moi@skhcn.example', '--quiet-hours', '12:00-13:00']);
    expect(set).toMatchObject({ code: 0, stdout: expect.stringContaining('thủ trưởng: Lý Đức Oanh (Giám đốc) – giamdoc-moi@skhcn.example, 0900000105; kênh email + zalo, không làm phiền 12:00–13:00') });
    expect((await dondoc(['agency', 'contact', 'set', 'so-khcn', 'head', '--quiet-hours', '25h'])).stderr).toContain('HH:MM-HH:MM');

    const dry = await dondoc(['agency', 'import-contacts', '--dry-run']);
    expect(dry.stdout).toContain('Sẽ thay đổi (chạy thử, chưa lưu)');
    expect(dry.stdout).toContain('  ~ so-khcn thủ trưởng: email, quietHours → Lý Đức Oanh <giamdoc@skhcn.kontum.example>');
    expect((await api<{ contacts: Contact[] }>('GET', '/agencies/so-khcn', { token: admin })).body.contacts.find((c) => c.role === 'head')!.email).toBe('giamdoc-moi@skhcn.example');
    const applied = await dondoc(['agency', 'import-contacts']);
    expect(applied).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Đã nhập người liên hệ: 0 thêm, \d+ sửa, 0 xóa, \d+ giữ nguyên\.\n/) });
    expect((await api<{ contacts: Contact[] }>('GET', '/agencies/so-khcn', { token: admin })).body.contacts.find((c) => c.role === 'head')!.email).toBe('giamdoc@skhcn.kontum.example');
    expect((await dondoc(['agency', 'import-contacts'])).stdout).toMatch(/^Người liên hệ trong cơ sở dữ liệu đã khớp với tệp/);

    const listed = await dondoc(['task', 'list', '--agency', 'so-ngoai-vu', '--page-size', '200']);
    expect(listed.stdout.split('\n')[0]).toMatch(/^Sở Ngoại vụ tỉnh Kon Tum đã được sắp xếp lại từ \d{4}-\d{2}-\d{2}: nhiệm vụ nay do .+ chủ trì \(dondoc task list --agency van-phong-ubnd-tinh-qng\)\.$/);
    expect(listed.stdout).toMatch(/ Đã gộp \(sáp nhập cơ quan\) +.* → task\/[\w.-]+\/[\w.-]+\/van-phong-ubnd-tinh-qng\n/);
  });

  const cliDataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-directory-cli-'));
  function dondoc(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(repoRoot(), 'dist', 'apps', 'cli', 'src', 'main.js'), ...args], { env: { ...stack.env, DONDOC_DATA_DIR: cliDataDir }, cwd: repoRoot() });
      let [stdout, stderr] = ['', ''];
      child.stdout.on('data', (chunk) => (stdout += String(chunk)));
      child.stderr.on('data', (chunk) => (stderr += String(chunk)));
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
      child.stdin.end(stdin);
    });
  }

  /** Releases one waiting task by guidance; returns the idempotency key of its first reminder (a catch-up). */
  async function release(workflowId: string, documentNumber: string): Promise<string> {
    // 45 days ago with a 60-day lead: due in 15 days, so the 30-days-before step is a catch-up, sent at once.
    const date = addCalendarDays(vietnamDate(Date.now()), -45);
    expect((await api('POST', '/guidance', { token: admin, body: { documentNumber, date, issuer: 'Bộ KH&CN', planId: PLAN, taskIds: [workflowId.split('/')[2]] } })).status).toBe(202);
    if (workingCalendar.nextOfficeMoment(Date.now()) - Date.now() > 60_000) throw new Error('today is a public holiday: no reminder goes out; run this suite on a working day');
    const detail = await eventually(async () => {
      const reply = await api<Detail>('GET', taskPath(workflowId), { token: admin });
      return reply.body.timeline.some((e) => e.type === 'catch-up-sent') ? reply.body : undefined;
    }, 30_000, `catch-up of ${workflowId}`);
    return detail.timeline.find((e) => e.type === 'catch-up-sent')!.idempotencyKey!;
  }
});
