// Central guidance releases exactly the tasks waiting for it (or the named
// ones) and their first reminders go out: through the queue and the notifier
// into the mailbox and the fake ZNS; links from reminders act once and only
// with a valid signature. Offices are open all day in this stack's calendar
// (support/always-open-seeds.ts), so the sending is seen at any hour.
import { loadCalendarOverridesDir, WorkingCalendar } from '@dondoc/calendar';
import { normaliseVietnamesePhone, znsTrackingId } from '@dondoc/channels';
import { deliveryJobId, NOTIFICATION_QUEUE, type NotificationJob, type TaskState, type TimelineEvent } from '@dondoc/contracts';
import { createLinkToken } from '@dondoc/links';
import { loadSeedCatalog } from '@dondoc/plan-sync';
import { addCalendarDays, vietnamDate } from '@dondoc/policy';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { alwaysOpenSeeds } from './support/always-open-seeds';
import { type ApiStack, call, eventually, startApiStack, taskPath } from './support/api-stack';

const PLAN = 'kh-nq03-2025';
// One message per reminder: this suite follows each released task's first reminder into the
// mailbox; the daily digest that otherwise carries it is the subject of digest-import.e2e.spec.ts.
const seedsDir = alwaysOpenSeeds(Date.now(), { delivery: 'each' });
/** The calendar the stack's workflows use, for when reminders may go out (all day, except on a public holiday). */
const workingCalendar = new WorkingCalendar({ overrides: loadCalendarOverridesDir(path.join(seedsDir, 'calendar')) });
const directory = loadSeedCatalog(seedsDir).index;
type Page = { items: Array<{ workflowId: string; status: string; agencyId: string }>; nextPageToken: string | null };
type Detail = { state: TaskState; timeline: TimelineEvent[] };
type PlanDoc = { document: { groups: Array<{ tasks: Array<{ id: string; deadline: { kind: string } }> }> } };

describe('guidance fan-out and signed links (API e2e)', () => {
  let stack: ApiStack;
  let admin: string;
  let started: string[];
  let waiting: string[];
  let redis: Redis;
  let queue: Queue;

  const api = <T = Record<string, unknown>>(method: string, route: string, options: Parameters<typeof call>[3] = {}) => call<T>(stack.url, method, route, options);

  async function waitingNow(): Promise<string[]> {
    const ids: string[] = [];
    let token: string | null = null;
    do {
      const page: { body: Page } = await api<Page>('GET', `/tasks?plan=${PLAN}&status=waiting-trigger&pageSize=200${token ? `&pageToken=${token}` : ''}`, { token: admin });
      ids.push(...page.body.items.map((t) => t.workflowId));
      token = page.body.nextPageToken;
    } while (token);
    return ids.sort();
  }

  beforeAll(async () => {
    stack = await startApiStack('guidance', { DONDOC_SEEDS_DIR: seedsDir }, { delivery: true });
    admin = await stack.login(await stack.addUser('admin@skhcn.example', 'admin'));
    const imported = await api<{ workflows: { started: string[] } }>('POST', '/plans', {
      token: admin,
      body: readFileSync(path.join(__dirname, '../../../seeds/plans', `${PLAN}.yaml`), 'utf8'),
      contentType: 'application/yaml',
    });
    expect(imported.status).toBe(200);
    started = imported.body.workflows.started;
    const plan = await api<PlanDoc>('GET', `/plans/${PLAN}`, { token: admin });
    const afterGuidance = new Set(plan.body.document.groups.flatMap((g) => g.tasks).filter((t) => t.deadline.kind === 'after-central-guidance').map((t) => t.id));
    waiting = started.filter((id) => afterGuidance.has(id.split('/')[2]!)).sort();
    expect(waiting.length).toBeGreaterThan(5);
    // Visibility is eventually consistent, and a loaded worker takes a while over the first workflow task
    // of every started task (while delivery outcomes of the catch-ups come in): wait until it shows every waiting task.
    await eventually(async () => ((await waitingNow()).join() === waiting.join() ? true : undefined), 180_000, 'all waiting tasks visible');
    redis = new Redis(stack.redis.url, { maxRetriesPerRequest: null });
    queue = new Queue(NOTIFICATION_QUEUE, { connection: redis });
  });

  afterAll(async () => {
    await queue?.close();
    redis?.disconnect();
    await stack?.stop();
  });

  const jobsOf = async (workflowId: string): Promise<NotificationJob[]> =>
    (await queue.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed'])).map((j) => j.data as NotificationJob).filter((d) => d.workflowId === workflowId);

  const waitForFanout = (documentNumber: string) =>
    eventually(async () => {
      const run = await api<{ status: string; result: { signalled: string[]; missed: string[] } | null }>('GET', `/guidance/${encodeURIComponent(documentNumber)}`, { token: admin });
      return run.body.status === 'COMPLETED' ? run.body.result! : undefined;
    }, 30_000, `fan-out of ${documentNumber}`);

  // Guidance 45 days ago: due in 15 days (60-day lead), so the 30-days-before reminder is already due as a catch-up.
  const guidanceDate = addCalendarDays(vietnamDate(Date.now()), -45);

  it('releases exactly the named tasks, sends their first reminders by e-mail and Zalo, and is idempotent per document', async () => {
    const namedTask = waiting[0]!.split('/')[2]!;
    const targets = waiting.filter((id) => id.split('/')[2] === namedTask);
    const body = { documentNumber: '05/2026/TT-BKHCN', date: guidanceDate, issuer: 'Bộ Khoa học và Công nghệ', planId: PLAN, taskIds: [namedTask] };

    const first = await api<{ created: boolean; workflowId: string }>('POST', '/guidance', { token: admin, body });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ created: true, workflowId: 'guidance/05/2026/TT-BKHCN' });
    const result = await waitForFanout(body.documentNumber);
    expect([...result.signalled].sort()).toEqual(targets);

    for (const id of targets) {
      // Released: its ladder runs from the guidance date. Its first reminder (a catch-up, since
      // the 30-days-before step has passed) goes out now in office hours, else at the next office moment.
      const released = await eventually(async () => {
        const reply = await api<Detail>('GET', taskPath(id), { token: admin });
        return reply.body.timeline.some((e) => e.type === 'cycle-started') ? reply.body : undefined;
      }, 20_000, `release of ${id}`);
      expect(released.state.status).not.toBe('waiting-trigger');
      expect(released.state.dueDate).toBe(addCalendarDays(guidanceDate, 60));
      expect(released.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['guidance-received', 'cycle-started']));
      const officeMoment = workingCalendar.nextOfficeMoment(Date.now());
      if (officeMoment - Date.now() > 60_000) {
        // Outside office hours: nothing is sent yet; the catch-up is the next reminder, at the office moment.
        expect(await jobsOf(id)).toEqual([]);
        expect(released.state.nextReminderAt).toBe(workingCalendar.nextOfficeMoment(released.timeline.find((e) => e.type === 'cycle-started')!.at));
        continue;
      }
      const detail = await eventually(async () => {
        const reply = await api<Detail>('GET', taskPath(id), { token: admin });
        return reply.body.timeline.some((e) => e.type === 'catch-up-sent') ? reply.body : undefined;
      }, 20_000, `catch-up reminder of ${id}`);
      const jobs = await jobsOf(id);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({ template: 'catch-up', idempotencyKey: `${id}|${detail.state.dueDate}|${jobs[0]!.stepId}` });
      await expectReminderDelivered(id, jobs[0]!.idempotencyKey, detail.state.dueDate!);
    }
    // Every other waiting task still waits, and got nothing.
    const stillWaiting = await eventually(async () => {
      const now = await waitingNow();
      return now.length === waiting.length - targets.length ? now : undefined;
    }, 20_000, 'visibility to show the released tasks');
    expect(stillWaiting).toEqual(waiting.filter((id) => !targets.includes(id)));
    expect(await jobsOf(stillWaiting[0]!)).toEqual([]);

    // The same request again joins the first run; the same number with other content is a conflict.
    const again = await api<{ created: boolean }>('POST', '/guidance', { token: admin, body });
    expect(again.status).toBe(202);
    expect(again.body.created).toBe(false);
    const different = await api<{ message: string }>('POST', '/guidance', { token: admin, body: { ...body, taskIds: undefined } });
    expect(different.status).toBe(409);
    expect(different.body.message).toContain('đã được ghi nhận với nội dung khác');
    const audit = await api<{ items: Array<{ action: string; target: string }> }>('GET', '/audit?action=guidance.issue', { token: admin });
    expect(audit.body.items.map((e) => e.target)).toEqual(['guidance/05/2026/TT-BKHCN']);
  });

  /** The reminder reached the lead's focal person in the mailbox and on Zalo, and the delivery log says so. */
  async function expectReminderDelivered(workflowId: string, idempotencyKey: string, dueDate: string): Promise<void> {
    const { mail, zns } = stack.delivery!;
    const focal = directory.agency(workflowId.split('/')[3]!)!.focal!;
    const emailKey = deliveryJobId(idempotencyKey, 'focal', 'email');
    const email = await eventually(async () => mail.messages.find((m) => m.headers['x-dondoc-delivery'] === emailKey), 30_000, `e-mail ${emailKey}`);
    expect(email.envelope.to).toEqual([focal.email]);
    expect(email.subject).toMatch(/^\[Đôn Đốc\] Tình hình thực hiện nhiệm vụ: /);
    const [year, month, day] = dueDate.split('-');
    expect(email.text).toContain(`${day}/${month}/${year}`);
    expect(email.text).toContain('Đề nghị cập nhật tiến độ thực hiện');

    const trackingId = znsTrackingId(deliveryJobId(idempotencyKey, 'focal', 'zalo'));
    const message = await eventually(async () => zns.delivered.find((m) => m.trackingId === trackingId), 30_000, `ZNS ${trackingId}`);
    expect(message.phone).toBe(normaliseVietnamesePhone(focal.phone!));

    type Deliveries = { items: Array<{ idempotencyKey: string; channel: string; status: string }> };
    const log = await eventually(async () => {
      const page = await api<Deliveries>('GET', `/deliveries?workflowId=${encodeURIComponent(workflowId)}`, { token: admin });
      const mine = page.body.items.filter((d) => d.idempotencyKey === idempotencyKey);
      return mine.some((d) => d.channel === 'email' && d.status === 'sent') && mine.some((d) => d.channel === 'zalo' && ['sent', 'delivered'].includes(d.status)) ? mine : undefined;
    }, 30_000, `delivery log of ${idempotencyKey}`);
    expect(log.length).toBeGreaterThanOrEqual(2);
    // What operators watch: the channel queues have done work, and the sends are counted.
    const metrics = await api<string>('GET', '/metrics');
    expect(metrics.body).toMatch(/dondoc_notification_queue_jobs\{queue="dondoc-email",state="completed"\} [1-9]/);
    expect(metrics.body).toMatch(/dondoc_reminders_sent\{channel="email"\} [1-9]/);
  }

  it('logs one JSON object per line from the worker and the notifier', () => {
    for (const [service, process] of [['worker', stack.worker], ['notifier', stack.delivery!.notifier]] as const) {
      const lines = process.output().split('\n').filter((line) => line.startsWith('{'));
      expect(lines.length).toBeGreaterThan(0);
      const entries = lines.map((line) => JSON.parse(line) as { service: string; level: number; msg: string; time: number });
      expect(entries.every((e) => e.service === service && typeof e.level === 'number' && typeof e.time === 'number')).toBe(true);
      expect(entries.map((e) => e.msg).join('\n')).toMatch(service === 'worker' ? /worker polling/ : /delivering by email and zalo/);
    }
  });

  it('without named tasks releases every task still waiting, and only those', async () => {
    const before = await waitingNow();
    const reply = await api('POST', '/guidance', { token: admin, body: { documentNumber: '123/BKHCN-VP', date: guidanceDate, issuer: 'Bộ KH&CN', planId: PLAN } });
    expect(reply.status).toBe(202);
    const result = await waitForFanout('123/BKHCN-VP');
    expect([...result.signalled].sort()).toEqual(before);
    expect(result.missed).toEqual([]);
    await eventually(async () => ((await waitingNow()).length === 0 ? true : undefined), 20_000, 'no task left waiting');
  });

  describe('signed links', () => {
    let target: string;
    let agencyId: string;
    const link = (claims: Partial<Parameters<typeof createLinkToken>[0]> = {}, secret = stack.linkSecret) =>
      createLinkToken({ purpose: 'report-progress', subject: target, agencyId, exp: Math.floor(Date.now() / 1000) + 3600, ...claims }, secret);

    beforeAll(() => {
      target = started.find((id) => !waiting.includes(id))!;
      agencyId = target.split('/')[3]!;
    });

    it('shows what a link does without acting, then acts exactly once', async () => {
      const token = link();
      const preview = await api('GET', `/links/report-progress?token=${encodeURIComponent(token)}`);
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ purpose: 'report-progress', workflowId: target, agencyId, used: false });

      const acted = await api<TaskState>('POST', '/links/report-progress', { body: { token, percent: 40, note: 'Đã xây dựng dự thảo' } });
      expect(acted.status).toBe(200);
      expect(acted.body.progressPercent).toBe(40);

      const replay = await api<{ message: string }>('POST', '/links/report-progress', { body: { token, percent: 90, note: 'Gửi lại' } });
      expect(replay.status).toBe(410);
      expect(replay.body.message).toBe('Đường dẫn đã được sử dụng.');
      const detail = await api<Detail>('GET', taskPath(target), { token: admin });
      // (A progress report may close a yearly progress cycle and start the next, so read the timeline, which carries over.)
      const reports = detail.body.timeline.filter((e) => e.type === 'progress');
      expect(reports).toHaveLength(1);
      expect(reports[0]!.detail).toContain('40%: Đã xây dựng dự thảo (signed-link:');
      const audit = await api<{ items: Array<{ actor: string; role: string; requestId: string | null; ip: string | null }> }>('GET', `/audit?action=task.progress&target=${encodeURIComponent(target)}`, { token: admin });
      expect(audit.body.items).toEqual([expect.objectContaining({ actor: `signed-link:${agencyId}`, role: 'officer', requestId: expect.any(String), ip: expect.any(String) })]);
    });

    it('rejects forged, expired and wrong-purpose links with the reason in Vietnamese', async () => {
      const forged = link({}, 'f'.repeat(64));
      const tampered = `${Buffer.from(JSON.stringify({ purpose: 'report-progress', subject: target, agencyId, exp: 9_999_999_999, nonce: 'x' })).toString('base64url')}.${link().split('.')[1]}`;
      const expired = link({ exp: Math.floor(Date.now() / 1000) - 60 });
      const otherPurpose = link({ purpose: 'acknowledge' });
      const send = (token: string) => api<{ message: string }>('POST', '/links/report-progress', { body: { token, percent: 50, note: 'x' } });

      expect(await send(forged)).toMatchObject({ status: 403, body: { message: 'Đường dẫn không hợp lệ hoặc đã bị sửa đổi.' } });
      expect(await send(tampered)).toMatchObject({ status: 403, body: { message: 'Đường dẫn không hợp lệ hoặc đã bị sửa đổi.' } });
      expect(await send(expired)).toMatchObject({ status: 401, body: { message: expect.stringContaining('Đường dẫn đã hết hạn') } });
      expect(await send(otherPurpose)).toMatchObject({ status: 403, body: { message: 'Đường dẫn này không dùng cho thao tác này.' } });
      const detail = await api<Detail>('GET', taskPath(target), { token: admin });
      expect(detail.body.timeline.filter((e) => e.type === 'progress')).toHaveLength(1);
    });

    it('gives a refused action its link back, so the officer can correct and retry', async () => {
      const token = link();
      const bad = await api<{ details: { issues: Array<{ field: string }> } }>('POST', '/links/report-progress', { body: { token, percent: 140, note: 'x' } });
      expect(bad.status).toBe(400);
      expect(bad.body.details.issues).toEqual([expect.objectContaining({ field: 'percent' })]);
      expect((await api('POST', '/links/report-progress', { body: { token, percent: 60, note: 'Đúng rồi' } })).status).toBe(200);
    });

    it('rate-limits the public link endpoints (429)', async () => {
      const token = link();
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) statuses.push((await api('GET', `/links/report-progress?token=${encodeURIComponent(token)}`)).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses).toContain(429);
      const limited = await api<{ message: string }>('GET', `/links/report-progress?token=${encodeURIComponent(token)}`);
      expect(limited).toMatchObject({ status: 429, body: { message: expect.stringContaining('Quá nhiều yêu cầu') } });
    });
  });
});
