// Task lists and actions through the API: roles and agency scope, every error
// class (400/401/403/404/409/413), the audit log, agency merge, the iCalendar
// feed and metrics, against a real dev server, worker and database.
import { reportScheduleId, type TaskState } from '@dondoc/contracts';
import { UserRepository } from '@dondoc/db';
import { randomBytes, scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { type ApiStack, call, eventually, startApiStack, taskPath } from './support/api-stack';

const PLAN = 'kh-ai-2025-2030';
type Task = { workflowId: string; agencyId: string; status: string; dueDate: string | null; running: boolean };
type Page = { items: Task[]; nextPageToken: string | null };
type ErrorBody = { statusCode: number; error: string; message: string; errorId: string; details?: { issues?: Array<{ field: string; reason: string }> } };

describe('tasks, roles and errors (API e2e)', () => {
  let stack: ApiStack;
  let admin: string;
  let viewer: string;
  let started: string[];
  let tasks: Task[];
  let agencyA: string;
  let agencyB: string;
  let officerA: string;

  const api = <T = ErrorBody>(method: string, route: string, options: Parameters<typeof call>[3] = {}) => call<T>(stack.url, method, route, options);
  const planYaml = readFileSync(path.join(__dirname, '../../../seeds/plans', `${PLAN}.yaml`), 'utf8');

  beforeAll(async () => {
    stack = await startApiStack('tasks');
    admin = await stack.login(await stack.addUser('admin@skhcn.example', 'admin'));
    viewer = await stack.login(await stack.addUser('viewer@skhcn.example', 'viewer'));
    const imported = await api<{ workflows: { started: string[] } }>('POST', '/plans', { token: admin, body: { yaml: planYaml } });
    expect(imported.status).toBe(200);
    started = imported.body.workflows.started;
    tasks = await eventually(async () => {
      const page = await api<Page>('GET', `/tasks?plan=${PLAN}&pageSize=200`, { token: admin });
      return page.body.items.length === started.length ? page.body.items : undefined;
    }, 30_000, 'every task visible');
    const byAgency = new Map<string, number>();
    for (const t of tasks) byAgency.set(t.agencyId, (byAgency.get(t.agencyId) ?? 0) + 1);
    [agencyA, agencyB] = [...byAgency.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id) as [string, string];
    officerA = await stack.login(await stack.addUser(`canbo@${agencyA}.example`, 'officer', agencyA));
  });

  afterAll(() => stack?.stop());

  it('tells "sign in" (401) from "not allowed" (403)', async () => {
    expect(await api('GET', '/tasks')).toMatchObject({ status: 401, body: { error: 'unauthenticated', errorId: expect.any(String) } });
    expect((await api('GET', '/tasks', { token: 'not.a.jwt' })).status).toBe(401);
    expect((await api('POST', '/auth/login', { body: { email: 'admin@skhcn.example', password: 'wrong-password' } })).status).toBe(401);
    expect((await api('POST', '/auth/login', { body: { email: 'nobody@skhcn.example', password: 'wrong-password' } })).body.message).toBe('Email hoặc mật khẩu không đúng.');
    const task = tasks.find((t) => t.running)!;
    expect(await api('POST', taskPath(task.workflowId, 'acknowledge'), { token: viewer, body: {} })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await api('GET', '/audit', { token: viewer })).status).toBe(403);
    expect((await api('GET', '/auth/me', { token: officerA })).body).toEqual({ actor: `canbo@${agencyA}.example`, role: 'officer', agencyId: agencyA });
  });

  it('upgrades a password hash made with weaker scrypt parameters at the next successful login', async () => {
    const users = new UserRepository(stack.database.db);
    const password = 'mật-khẩu-từ-bản-cũ';
    const salt = randomBytes(16);
    const key = scryptSync(password.normalize('NFC'), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const oldHash = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    await users.create({ email: 'cu@skhcn.example', role: 'viewer', agencyId: null, passwordHash: oldHash });

    expect((await api('POST', '/auth/login', { body: { email: 'cu@skhcn.example', password: 'sai-mat-khau-roi' } })).status).toBe(401);
    expect((await users.findByEmail('cu@skhcn.example'))!.passwordHash).toBe(oldHash); // a failed login changes nothing
    expect((await api('POST', '/auth/login', { body: { email: 'cu@skhcn.example', password } })).status).toBe(200);
    expect((await users.findByEmail('cu@skhcn.example'))!.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect((await api('POST', '/auth/login', { body: { email: 'cu@skhcn.example', password } })).status).toBe(200);
  });

  it('imports a plan idempotently and reports a broken one field by field (400)', async () => {
    type Imported = { status: string; workflows: { started: string[]; existing: number }; reportSchedule: { scheduleId: string; created: boolean; nextRequestAt: string | null; startedCycle: string | null } };
    const again = await api<Imported>('POST', '/plans', { token: admin, body: planYaml, contentType: 'application/yaml' });
    expect(again.body).toMatchObject({ status: 'unchanged', workflows: { started: [], existing: started.length } });
    // The first import created the plan's yearly report Schedule; this one finds it and changes nothing else.
    expect(again.body.reportSchedule).toMatchObject({ scheduleId: reportScheduleId(PLAN), created: false, startedCycle: null });
    const schedule = await stack.temporal.client.schedule.getHandle(reportScheduleId(PLAN)).describe();
    expect(schedule.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(again.body.reportSchedule.nextRequestAt).toBe(schedule.info.nextActionTimes[0]?.toISOString() ?? null);
    const broken = await api('POST', '/plans', { token: admin, body: planYaml.replace(/deadline: "2025-2026"/, 'deadline: "13/2026"'), contentType: 'application/yaml' });
    expect(broken.status).toBe(400);
    expect(broken.body.details?.issues?.[0]).toMatchObject({ field: expect.stringMatching(/deadline$/) });
    expect((await api<Array<{ planId: string; version: number }>>('GET', '/plans', { token: viewer })).body).toEqual([expect.objectContaining({ planId: PLAN, version: 1 })]);
    expect((await api('GET', '/plans/no-such-plan', { token: admin })).status).toBe(404);
  });

  it('lists from visibility with filters and Temporal page tokens; bad filters are 400', async () => {
    const first = await api<Page>('GET', `/tasks?plan=${PLAN}&pageSize=3`, { token: admin });
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextPageToken).toEqual(expect.any(String));
    const second = await api<Page>('GET', `/tasks?plan=${PLAN}&pageSize=3&pageToken=${first.body.nextPageToken}`, { token: admin });
    expect(second.body.items).toHaveLength(3);
    expect(second.body.items.map((t) => t.workflowId)).not.toEqual(expect.arrayContaining([first.body.items[0]!.workflowId]));
    const ofA = await api<Page>('GET', `/tasks?agency=${agencyA}&pageSize=200`, { token: admin });
    expect(ofA.body.items.length).toBe(tasks.filter((t) => t.agencyId === agencyA).length);
    const status = tasks[0]!.status;
    const byStatus = await api<Page>('GET', `/tasks?plan=${PLAN}&status=${status}&pageSize=200`, { token: admin });
    expect(byStatus.body.items.every((t) => t.status === status)).toBe(true);

    const bad = await api('GET', '/tasks?status=sleeping&pageSize=abc&dueFrom=2026-02-30', { token: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.issues?.map((i) => i.field).sort()).toEqual(['dueFrom', 'pageSize', 'status.0']);
    expect((await api('GET', '/tasks?pageToken=AAAA', { token: admin })).status).toBe(400);
    // A real token used with another filter is refused before it reaches Temporal.
    const foreign = await api('GET', `/tasks?agency=${agencyA}&pageSize=3&pageToken=${first.body.nextPageToken}`, { token: admin });
    expect(foreign).toMatchObject({ status: 400, body: { details: { issues: [{ field: 'pageToken' }] } } });
  });

  it('keeps officers to their own agency: lists narrowed, other tasks 403 to read and to change', async () => {
    const own = await api<Page>('GET', '/tasks?pageSize=200', { token: officerA });
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(new Set(own.body.items.map((t) => t.agencyId))).toEqual(new Set([agencyA]));
    expect((await api('GET', `/tasks?agency=${agencyB}`, { token: officerA })).status).toBe(403);

    const other = tasks.find((t) => t.agencyId === agencyB && t.running)!;
    expect((await api('GET', taskPath(other.workflowId), { token: officerA })).status).toBe(403);
    const refused = await api('POST', taskPath(other.workflowId, 'progress'), { token: officerA, body: { percent: 10, note: 'thử' } });
    expect(refused).toMatchObject({ status: 403, body: { message: expect.stringContaining('cơ quan khác') } });
    const untouched = await api<{ timeline: Array<{ type: string }> }>('GET', taskPath(other.workflowId), { token: admin });
    expect(untouched.body.timeline.map((e) => e.type)).not.toContain('progress');

    const mine = own.body.items.find((t) => t.running)!;
    const acknowledged = await api<TaskState>('POST', taskPath(mine.workflowId, 'acknowledge'), { token: officerA, body: {} });
    expect(acknowledged).toMatchObject({ status: 200, body: { acknowledged: true, agencyId: agencyA } });
    expect((await api('POST', taskPath(mine.workflowId, 'cancel'), { token: officerA, body: { reason: 'không' } })).status).toBe(403);
  });

  it('maps state conflicts to 409, unknown tasks to 404, bad input to 400 and oversized bodies to 413', async () => {
    const [paused, cancelled] = tasks.filter((t) => t.running && t.agencyId !== agencyA).map((t) => t.workflowId) as [string, string];
    expect((await api('POST', taskPath(paused, 'pause'), { token: admin, body: { reason: 'Chờ ý kiến UBND tỉnh' } })).status).toBe(200);
    const pausedTwice = await api('POST', taskPath(paused, 'pause'), { token: admin, body: { reason: 'lần nữa' } });
    expect(pausedTwice).toMatchObject({ status: 409, body: { error: 'conflict', message: 'Nhiệm vụ đang tạm dừng.' } });
    expect((await api<TaskState>('POST', taskPath(paused, 'resume'), { token: admin, body: {} })).body.paused).toBe(false);

    expect((await api('POST', taskPath(cancelled, 'cancel'), { token: admin, body: { reason: 'Kế hoạch điều chỉnh' } })).status).toBe(200);
    const completeCancelled = await api('POST', taskPath(cancelled, 'complete'), { token: admin, body: { evidence: 'Công văn 1/SKHCN' } });
    expect(completeCancelled).toMatchObject({ status: 409, body: { message: 'Nhiệm vụ đã bị hủy, không thể thực hiện thao tác này.' } });

    expect((await api('GET', taskPath(`task/${PLAN}/99/${agencyA}`), { token: admin })).status).toBe(404);
    expect((await api('POST', taskPath(`task/${PLAN}/99/${agencyA}`, 'complete'), { token: admin, body: { evidence: 'x' } })).status).toBe(404);
    expect((await api('GET', taskPath('not-a-task'), { token: admin })).body.details?.issues?.[0]?.field).toBe('workflowId');

    const extendBad = await api('POST', taskPath(paused, 'extend'), { token: admin, body: { newDue: '2027-02-30', reason: '' } });
    expect(extendBad.status).toBe(400);
    expect(extendBad.body.details?.issues?.map((i) => i.field).sort()).toEqual(['newDue', 'reason']);
    expect((await api('POST', taskPath(paused, 'reassign'), { token: admin, body: { toAgency: 'so-khong-co', reason: 'x' } })).body.details?.issues?.[0]?.field).toBe('toAgency');
    expect((await api('POST', taskPath(paused, 'progress'), { token: admin, body: '{"percent": 5,', contentType: 'application/json' })).status).toBe(400);
    expect((await api('POST', taskPath(paused, 'progress'), { token: admin, body: [1, 2] })).status).toBe(400);

    const huge = await api('POST', taskPath(paused, 'complete'), { token: admin, body: { evidence: 'x'.repeat(600_000) } });
    expect(huge).toMatchObject({ status: 413, body: { error: 'payload-too-large', message: 'Nội dung gửi lên quá lớn.' } });
  });

  it('records every change in the audit log with actor, role, address and request id (admins only)', async () => {
    type Entry = { actor: string; role: string; action: string; target: string; ip: string; requestId: string; outcome: string | null; outcomeDetail: string | null };
    const log = await api<{ items: Entry[] }>('GET', '/audit?limit=100', { token: admin });
    const actions = log.body.items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['plan.import', 'task.acknowledge', 'task.pause', 'task.resume', 'task.cancel']));
    // Requests refused before reaching the workflow (a closed or unknown task, a bad body) are not recorded;
    // an Update is recorded as intended before it is sent, and marked applied or refused after.
    expect(actions).not.toContain('task.complete');
    const pauses = log.body.items.filter((e) => e.action === 'task.pause').map((e) => [e.outcome, e.outcomeDetail]);
    expect(pauses).toEqual([
      ['refused', 'Nhiệm vụ đang tạm dừng.'],
      ['applied', null],
    ]);
    const ack = log.body.items.find((e) => e.action === 'task.acknowledge')!;
    expect(ack).toMatchObject({ actor: `canbo@${agencyA}.example`, role: 'officer', ip: expect.stringContaining('127.0.0.1'), requestId: expect.any(String) });
    // A cursor past bigint's range can't be a row id: 400 on the field, not a database error.
    for (const list of ['/audit', '/deliveries']) {
      const beyond = await api('GET', `${list}?cursor=9999999999999999999`, { token: admin });
      expect(beyond).toMatchObject({ status: 400, body: { details: { issues: [expect.objectContaining({ field: 'cursor', reason: 'Mã trang không hợp lệ.' })] } } });
    }
  });

  it('merges an agency into another by reassigning each of its open tasks', async () => {
    const open = (await api<Page>('GET', `/tasks?agency=${agencyB}&pageSize=200`, { token: admin })).body.items.filter((t) => t.running);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const merge = await api<{ reassigned: string[]; merged: Array<{ workflowId: string }>; failed: unknown[] }>('POST', '/agencies/merge', { token: admin, body: { from: agencyB, into: agencyA, effective: today } });
    expect(merge.status).toBe(200);
    // Moved as they are, or (a task agencyA already runs) joined to agencyA's workflow: every open task once.
    expect([...merge.body.reassigned, ...merge.body.merged.map((m) => m.workflowId)].sort()).toEqual(open.map((t) => t.workflowId).sort());
    expect(merge.body.failed).toEqual([]);
    await eventually(async () => ((await api<Page>('GET', `/tasks?agency=${agencyB}&pageSize=200`, { token: admin })).body.items.some((t) => t.running) ? undefined : true), 20_000, 'no open task left at the merged agency');
    // The officer of the receiving agency now sees (and may act on) the moved tasks.
    if (merge.body.reassigned[0]) expect((await api('GET', taskPath(merge.body.reassigned[0]), { token: officerA })).status).toBe(200);
    expect((await api('POST', '/agencies/merge', { token: admin, body: { from: agencyA, into: agencyA, effective: today } })).body.details?.issues?.[0]?.field).toBe('into');
  });

  it('serves an agency deadline feed in iCalendar and Prometheus metrics', async () => {
    const withDue = (await api<Page>('GET', `/tasks?agency=${agencyA}&pageSize=200`, { token: admin })).body.items.filter((t) => t.running && t.dueDate);
    const ics = await api<string>('GET', `/agencies/${agencyA}/deadlines.ics`, { token: officerA });
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect(ics.body.match(/BEGIN:VEVENT/g)).toHaveLength(withDue.length);
    expect((await api('GET', `/agencies/${agencyB}/deadlines.ics`, { token: officerA })).status).toBe(403);
    expect((await api('GET', '/agencies/no-such-agency/deadlines.ics', { token: admin })).status).toBe(404);

    const metrics = await api<string>('GET', '/metrics');
    expect(metrics.body).toMatch(/dondoc_http_request_duration_seconds_count\{method="GET",route="\/tasks",status="200"\} [1-9]/);
    expect(metrics.body).toMatch(/dondoc_task_workflows\{status="cancelled"\} 1\b/);
    for (const queue of ['dondoc-notifications', 'dondoc-email', 'dondoc-zalo']) expect(metrics.body).toMatch(new RegExp(`dondoc_notification_queue_jobs\\{queue="${queue}",state="waiting"\\} \\d+`));
  });

  it('publishes an OpenAPI 3 document that lists every endpoint with request and response schemas', async () => {
    const document = await api<Record<string, unknown>>('GET', '/docs/openapi.json');
    expect(document.status).toBe(200);
    const operations = Object.entries(document.body.paths as Record<string, Record<string, unknown>>).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /auth/login',
        'GET /tasks',
        'GET /tasks/{workflowId}',
        ...['acknowledge', 'progress', 'propose-completion', 'confirm-completion', 'return-completion', 'complete', 'extend', 'reassign', 'pause', 'resume', 'cancel'].map(
          (a) => `POST /tasks/{workflowId}/${a}`,
        ),
        'GET /stats',
        'POST /guidance',
        'GET /guidance/{documentNumber}',
        'POST /plans',
        'GET /plans',
        'GET /plans/{planId}',
        'GET /agencies',
        'GET /agencies/{agencyId}',
        'PATCH /agencies/{agencyId}/contacts/{contact}',
        'POST /agencies/merge',
        'GET /users',
        'POST /users/{userId}/disable',
        'POST /users/{userId}/enable',
        'POST /users/{userId}/password-reset',
        'POST /auth/password',
        'POST /auth/password-reset',
        'GET /agencies/{agencyId}/deadlines.ics',
        'GET /deliveries',
        'GET /audit',
        'GET /metrics',
        'GET /links/report-progress',
        'POST /links/report-progress',
        'GET /health/live',
        'GET /health/ready',
      ]),
    );
    expect((await api<string>('GET', '/docs')).status).toBe(200);
  });
});
