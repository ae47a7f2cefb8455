// Daily digests (issue 13 §2) through the real notifier, SMTP sink and fake
// ZNS: a person gets one message a day listing every reminder of the day,
// grouped and each with its own link; the delivery log tells per reminder
// which digest carried it, and every workflow hears its outcome. The
// notifier's clock reads a working morning in Vietnam (it runs on from there
// in real time), so the tests hold whenever they run.
import { messageIdFor, recordZnsDelivery, znsTrackingId } from '@dondoc/channels';
import { DIGEST_JOB, type NotificationJob, reminderKey } from '@dondoc/contracts';
import { DeliveryLogRepository, DeliveryStatsRepository } from '@dondoc/db';
import { replayDeadLetters } from '@dondoc/queue';
import { verifyLinkToken } from '@dondoc/links';
import type { SinkMessage } from '@dondoc/runtime';

import { digestId } from '../../../apps/notifier/src/digest/digest-slots';
import { eventually, LINK_SECRET, type NotifierEnvironment, reminder, type RunOptions, runNotifier, type RunningNotifier, startEnvironment } from './support/notifier-harness';

/** Wednesday 02/12/2026, 09:00 in Vietnam. */
const MORNING = Date.parse('2026-12-02T09:00:00+07:00');
const DAY = '2026-12-02';
const FAST = { windowMs: 400, maxWaitMs: 10_000, notBefore: '08:00' };

/** A reminder of one task, due on `dueDate`, with the step's (stale) day count. */
function taskReminder(agencyId: string, taskName: string, dueDate: string, template: NotificationJob['template'], recipients: NotificationJob['recipients'] = [{ role: 'focal', channels: ['email'] }]): NotificationJob {
  const base = reminder(agencyId);
  return { ...base, template, recipients, idempotencyKey: reminderKey(base.workflowId, dueDate, template), data: { ...base.data, taskName, dueDate, daysLeft: 99 } };
}

describe('notifier: daily digests', () => {
  let env: NotifierEnvironment;
  let running: RunningNotifier | undefined;
  /** Addresses the sink answers with a temporary 451, and how many times. */
  const temporary = new Map<string, number>();
  /** Addresses the relay refuses for good (554). */
  const refused = new Set<string>();

  beforeAll(async () => {
    env = await startEnvironment({
      sink: {
        answerRecipient: (address) => {
          if (refused.has(address)) return { code: 554, message: '5.7.1 Recipient refused by policy' };
          const left = temporary.get(address) ?? 0;
          if (left <= 0) return null;
          temporary.set(address, left - 1);
          return { code: 451, message: '4.3.0 Mailbox temporarily unavailable' };
        },
      },
    });
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    env.sink.clear();
    env.zns.state.log.length = 0;
    temporary.clear();
    refused.clear();
    await env.connection.flushdb();
    await env.database.db.deleteFrom('digest_entries').execute();
    await env.database.db.deleteFrom('digests').execute();
    // Digest ids repeat across tests (same person, same pinned day): so would their 'sent' rows.
    await env.database.db.deleteFrom('delivery_log').execute();
  });
  afterAll(() => env.stop());

  const log = () => new DeliveryLogRepository(env.database.db);
  /** A notifier whose clock reads `at` now and runs on in real time; every agency on digests unless told otherwise. */
  const start = (at = MORNING, options: RunOptions = {}) => {
    const offset = at - Date.now();
    running = runNotifier(env, { delivery: () => 'digest', ...options, now: () => Date.now() + offset, settings: { digest: FAST, ...options.settings } });
    return running;
  };
  const mailTo = (address: string) => env.sink.messages.filter((m) => m.envelope.to.includes(address));
  const tokens = (message: SinkMessage | undefined) => [...(message?.text ?? '').matchAll(/https:\/\/dondoc\.test\.example\/l\/([\w.-]+)/g)].map((m) => m[1]!);

  it('sends each person one e-mail listing the day’s reminders, overdue first, each with its own link and status', async () => {
    const notifier = start();
    const jobs = [
      taskReminder('so-thu', 'Nhiệm vụ sắp đến hạn', '2026-12-09', 'reminder-before'),
      taskReminder('so-thu', 'Nhiệm vụ quá hạn lâu', '2026-11-13', 'catch-up'),
      taskReminder('so-thu', 'Nhiệm vụ đến hạn hôm nay', DAY, 'reminder-due'),
      taskReminder('so-thu', 'Nhiệm vụ quá hạn ít', '2026-11-27', 'escalation', [{ role: 'focal', channels: ['email'] }, { role: 'head', channels: ['email'] }, { role: 'department', channels: ['email'] }]),
      taskReminder('so-cu', 'Nhiệm vụ của sở đã sáp nhập', '2026-11-20', 'escalation', [{ role: 'department', channels: ['email'] }, { role: 'provincial-office', channels: ['email'] }]),
    ];
    for (const job of jobs) await notifier.queue.enqueue(job);
    const messages = await env.sink.waitForMessages(4);
    // One e-mail per person: the focal person, the head, Sở KH&CN and Văn phòng UBND tỉnh.
    expect(messages.map((m) => m.envelope.to[0]).sort()).toEqual(['duc@sothu.example', 'hang@sothu.example', 'ngan@vp.example', 'tin@skhcn.example']);

    const [focal] = mailTo('hang@sothu.example');
    expect(focal?.subject).toBe('[Đôn Đốc] Nhắc việc ngày 02/12/2026: 2 việc quá hạn, 2 việc sắp đến hạn');
    const id = digestId(DAY, 'email', 'hang@sothu.example');
    expect(focal?.messageId).toBe(messageIdFor(id, 'skhcn.test.example'));
    expect(focal?.headers['x-dondoc-delivery']).toBe(id);
    const order = ['Nhiệm vụ quá hạn lâu', 'Nhiệm vụ quá hạn ít', 'Nhiệm vụ đến hạn hôm nay', 'Nhiệm vụ sắp đến hạn'].map((name) => focal!.text.indexOf(`. ${name}\n`));
    expect(order.every((p, i) => p > 0 && (i === 0 || p > order[i - 1]!))).toBe(true);
    // Day counts as of the notifier's morning, not the steps' 99.
    expect(focal?.text).toContain('Thời hạn: 13/11/2026 – quá hạn 19 ngày (13 ngày làm việc) kể từ ngày 14/11/2026');
    expect(focal?.text).toContain('Thời hạn: 02/12/2026 – đến hạn hôm nay');
    expect(focal?.text).toContain('Thời hạn: 09/12/2026 – còn 7 ngày');
    // Each task its own acting link, for the lead agency.
    const [list, ...focalTokens] = tokens(focal).reverse();
    expect(focalTokens).toHaveLength(4);
    // The last link opens the person's list of the day.
    expect(verifyLinkToken(list!, LINK_SECRET, 'view-digest', MORNING)).toMatchObject({ ok: true, claims: { subject: `digest/${id}` } });
    const subjects = focalTokens.map((t) => verifyLinkToken(t, LINK_SECRET, 'report-progress', MORNING)).map((v) => (v.ok ? `${v.claims.subject}@${v.claims.agencyId}` : v.reason));
    expect(subjects.sort()).toEqual(jobs.slice(0, 4).map((j) => `${j.workflowId}@so-thu`).sort());

    // Sở KH&CN's digest holds the copies of both agencies' escalations, read-only, for Sở KH&CN.
    const [department] = mailTo('tin@skhcn.example');
    expect(department?.text).toContain('Nhiệm vụ đã quá hạn (bản sao để theo dõi)');
    expect(department?.text).toContain('Cơ quan chủ trì: Sở Mới sau sáp nhập');
    const copies = tokens(department).slice(0, -1).map((t) => verifyLinkToken(t, LINK_SECRET, 'view-task', MORNING));
    expect(copies).toEqual([expect.objectContaining({ ok: true, claims: expect.objectContaining({ agencyId: 'so-khcn' }) }), expect.objectContaining({ ok: true, claims: expect.objectContaining({ agencyId: 'so-khcn' }) })]);

    // The log: per reminder and recipient, a 'sent' row naming the digest that carried it.
    for (const job of jobs) {
      const rows = await eventually(async () => {
        const all = await log().forKey(job.idempotencyKey);
        expect(all.filter((r) => r.status === 'sent')).toHaveLength(job.recipients.length);
        return all;
      });
      for (const row of rows.filter((r) => r.status === 'sent')) {
        const message = mailTo(row.recipient)[0];
        expect(row).toMatchObject({ jobId: message?.headers['x-dondoc-delivery'], providerMessageId: message?.messageId });
      }
      expect(rows.filter((r) => r.status === 'queued').map((r) => r.error)).toEqual(job.recipients.map(() => 'trong thư tổng hợp ngày 02/12/2026'));
    }
    // The run command's per-minute line counts the reminders and the digests that carried them.
    expect((await new DeliveryStatsRepository(env.database.db).outcomesSince(new Date(0))).find((c) => c.status === 'sent')).toEqual({ channel: 'email', status: 'sent', count: 8, messages: 4 });
    // Every workflow hears about each of its deliveries.
    await eventually(() => expect(notifier.outcomes.outcomes).toHaveLength(jobs.reduce((n, j) => n + j.recipients.length, 0)));
    for (const job of jobs) {
      expect(notifier.outcomes.outcomes.filter((o) => o.workflowId === job.workflowId).map((o) => `${o.role}:${o.status}`).sort()).toEqual(job.recipients.map((r) => `${r.role}:delivered`).sort());
    }
  });

  it('puts a reminder arriving after the day’s digest went out in the next working day’s digest', async () => {
    let notifier = start();
    await notifier.queue.enqueue(taskReminder('so-thu', 'Nhiệm vụ buổi sáng', '2026-12-09', 'reminder-before'));
    await env.sink.waitForMessages(1);
    const late = taskReminder('so-thu', 'Nhiệm vụ đến muộn', '2026-12-20', 'reminder-before');
    await notifier.queue.enqueue(late);
    // Queued for Thursday's digest, whose job waits for Thursday morning.
    const tomorrow = digestId('2026-12-03', 'email', 'hang@sothu.example');
    await eventually(async () => expect((await log().forKey(late.idempotencyKey)).map((r) => `${r.status}:${r.jobId}:${r.error}`)).toEqual([`queued:${tomorrow}:trong thư tổng hợp ngày 03/12/2026`]));
    const job = await eventually(async () => {
      const found = await notifier.notifier.queues.email.getJob(tomorrow);
      expect(await found?.getState()).toBe('delayed');
      return found!;
    });
    const row = await env.database.db.selectFrom('digests').selectAll().where('id', '=', tomorrow).executeTakeFirstOrThrow();
    expect(row.send_after.getTime()).toBe(Date.parse('2026-12-03T08:00:00+07:00') + FAST.windowMs);
    expect(env.sink.messages).toHaveLength(1);

    // Thursday 08:05: the same job, promoted, sends the second digest.
    const queues = { notifications: notifier.queue['queue'].name, email: notifier.notifier.queues.email.name, zalo: notifier.notifier.queues.zalo.name };
    await notifier.stop();
    notifier = start(Date.parse('2026-12-03T08:05:00+07:00'), { settings: { queues } });
    await job.promote();
    const [, thursday] = await env.sink.waitForMessages(2);
    expect(thursday?.subject).toBe('[Đôn Đốc] Nhắc việc ngày 03/12/2026: 1 việc sắp đến hạn');
    expect(thursday?.text).toContain('Nhiệm vụ đến muộn');
    expect(thursday?.text).not.toContain('Nhiệm vụ buổi sáng');
  });

  it('adds a reminder dispatched again (a lost queue entry re-sent by its workflow) nothing', async () => {
    const notifier = start();
    const job = taskReminder('so-thu', 'Nhiệm vụ gửi lại', '2026-12-09', 'reminder-before');
    await notifier.queue.enqueue(job);
    await env.sink.waitForMessages(1);
    // The workflow's day-later check finds the hand-over gone from the queue and adds it again.
    await (await notifier.queue['queue'].getJob(job.idempotencyKey))?.remove();
    expect(await notifier.queue.ensureQueued(job)).toMatchObject({ enqueued: true });
    await eventually(async () => expect(await notifier.queue['queue'].getJobState(job.idempotencyKey)).toBe('completed'));
    expect(env.sink.messages).toHaveLength(1);
    expect(await env.database.db.selectFrom('digest_entries').select('id').where('idempotency_key', '=', job.idempotencyKey).execute()).toHaveLength(1);
    expect((await log().forKey(job.idempotencyKey)).map((r) => r.status)).toEqual(['queued', 'sent']);
  });

  it('retries a digest whose relay said "try later" as one message, not per reminder', async () => {
    const notifier = start();
    temporary.set('hang@sothu.example', 2);
    const jobs = [taskReminder('so-thu', 'Một', '2026-12-09', 'reminder-before'), taskReminder('so-thu', 'Hai', '2026-12-10', 'reminder-before')];
    for (const job of jobs) await notifier.queue.enqueue(job);
    const [message] = await env.sink.waitForMessages(1);
    expect(message?.text).toContain('. Một\n');
    expect(message?.text).toContain('. Hai\n');
    for (const job of jobs) {
      await eventually(async () => expect((await log().forKey(job.idempotencyKey)).map((r) => `${r.status}#${r.attempt}`)).toEqual(['queued#0', 'failed_retryable#1', 'failed_retryable#2', 'sent#3']));
    }
    expect(env.sink.messages).toHaveLength(1);
    const digestJobs = (await notifier.notifier.queues.email.getJobs(['completed'])).filter((j) => j.name === DIGEST_JOB);
    expect(digestJobs.map((j) => j.id)).toEqual([digestId(DAY, 'email', 'hang@sothu.example')]);
  });

  it('hands the entries of an invalid address to the next contact’s digest, with the reason logged', async () => {
    const notifier = start();
    const job = taskReminder('so-sai', 'Nhiệm vụ của sở có địa chỉ sai', '2026-12-09', 'reminder-before');
    await notifier.queue.enqueue(job);
    const [message] = await env.sink.waitForMessages(1);
    expect(message?.envelope.to).toEqual(['dung@sosai.example']);
    const rows = await eventually(async () => {
      const all = await log().forKey(job.idempotencyKey);
      expect(all.at(-1)?.status).toBe('sent');
      return all;
    });
    expect(rows.map((r) => `${r.status}:${r.recipient}`)).toEqual(['queued:go nham@@sosai', 'failed_permanent:go nham@@sosai', 'queued:dung@sosai.example', 'sent:dung@sosai.example']);
    expect(rows[1]?.error).toContain('địa chỉ e-mail trong danh mục không hợp lệ');
    expect(rows[1]?.error).toContain('chuyển sang người liên hệ tiếp theo (Phan Thị Đúng)');
    await eventually(() => expect(notifier.outcomes.outcomes).toEqual([expect.objectContaining({ workflowId: job.workflowId, status: 'delivered', role: 'focal' })]));
  });

  it('dead-letters a digest no contact can take, and a replay sends it once with every entry', async () => {
    const notifier = start();
    refused.add('hang@sothu.example').add('duc@sothu.example');
    const jobs = [taskReminder('so-thu', 'Việc bị từ chối một', '2026-12-09', 'reminder-before'), taskReminder('so-thu', 'Việc bị từ chối hai', '2026-12-10', 'reminder-before')];
    for (const job of jobs) await notifier.queue.enqueue(job);
    // The focal person's digest hands both entries to the head's, which fails too: dead-lettered, as one job.
    const headDigest = digestId(DAY, 'email', 'duc@sothu.example');
    await eventually(async () => expect(await notifier.notifier.queues.email.getJobState(headDigest)).toBe('failed'));
    for (const job of jobs) {
      expect((await log().forKey(job.idempotencyKey)).map((r) => `${r.status}:${r.recipient}`)).toEqual(['queued:hang@sothu.example', 'failed_permanent:hang@sothu.example', 'queued:duc@sothu.example', 'dead:duc@sothu.example']);
    }
    expect(notifier.outcomes.outcomes.map((o) => o.status)).toEqual(['failed', 'failed']);

    refused.clear();
    const replay = await replayDeadLetters(env.connection, [headDigest], [notifier.notifier.queues.email.name]);
    expect(replay.replayed.map((r) => r.jobId)).toEqual([headDigest]);
    const [message] = await env.sink.waitForMessages(1);
    expect(message?.envelope.to).toEqual(['duc@sothu.example']);
    expect(message?.text).toContain('Việc bị từ chối một');
    expect(message?.text).toContain('Việc bị từ chối hai');
    for (const job of jobs) await eventually(async () => expect((await log().forKey(job.idempotencyKey)).at(-1)).toMatchObject({ status: 'sent', jobId: headDigest }));
    await eventually(async () => expect(await notifier.notifier.queues.email.getJobState(headDigest)).toBe('completed'));
    expect(env.sink.messages).toHaveLength(1);
  });

  it('keeps one message per reminder for an agency that opted out of digests, alongside the digests of others', async () => {
    const notifier = start(MORNING, { delivery: (id) => (id === 'so-thu' ? 'each' : 'digest') });
    const jobs = [1, 2].map((n) => taskReminder('so-thu', `Nhiệm vụ riêng ${n}`, '2026-12-09', 'escalation', [{ role: 'focal', channels: ['email'] }, { role: 'department', channels: ['email'] }]));
    for (const job of jobs) await notifier.queue.enqueue(job);
    await env.sink.waitForMessages(3);
    expect(mailTo('hang@sothu.example').map((m) => m.subject.startsWith('[Đôn Đốc] Nhiệm vụ quá hạn') || m.subject.startsWith('[Đôn Đốc] Nhắc'))).toEqual([true, true]);
    // Sở KH&CN takes digests: both copies in one e-mail.
    const department = await eventually(() => {
      const found = mailTo('tin@skhcn.example');
      expect(found).toHaveLength(1);
      return found[0]!;
    });
    expect(department.text).toContain('Nhiệm vụ riêng 1');
    expect(department.text).toContain('Nhiệm vụ riêng 2');
  });

  it('waits for the end of the recipient’s quiet hours', async () => {
    // 13:29:58.5 in Vietnam: the lunch break of so-nghi-trua ends in 1.5 s.
    const notifier = start(Date.parse('2026-12-02T13:29:58.500+07:00'));
    const startedAt = Date.now();
    await notifier.queue.enqueue(taskReminder('so-nghi-trua', 'Nhiệm vụ giờ nghỉ trưa', '2026-12-09', 'reminder-before'));
    const [message] = await env.sink.waitForMessages(1, 10_000);
    expect(Date.parse(message?.receivedAt ?? '') - startedAt).toBeGreaterThanOrEqual(1_300);
  });

  it('sends Zalo one message a day per person with the counts and a link to the list, apart from the e-mail digest', async () => {
    const notifier = start(MORNING, { zalo: true });
    const jobs = [taskReminder('so-thu', 'Việc Zalo một', '2026-11-20', 'escalation', [{ role: 'focal', channels: ['email', 'zalo'] }]), taskReminder('so-thu', 'Việc Zalo hai', '2026-12-09', 'reminder-before', [{ role: 'focal', channels: ['email', 'zalo'] }])];
    for (const job of jobs) await notifier.queue.enqueue(job);
    await env.sink.waitForMessages(1);
    const id = digestId(DAY, 'zalo', '84912345678');
    const sent = await eventually(() => {
      const found = env.zns.delivered.filter((m) => m.trackingId === znsTrackingId(id));
      expect(found).toHaveLength(1);
      return found[0]!;
    });
    expect(env.zns.delivered).toHaveLength(1);
    expect(sent).toMatchObject({ phone: '84912345678', templateId: '410008', data: { ten_nguoi_nhan: 'Nguyễn Thị Hằng', ngay: '02/12/2026', so_qua_han: '1', so_sap_den_han: '1' } });
    const list = /\/l\/([\w.-]+)$/.exec(String(sent.data.duong_dan))?.[1] ?? '';
    expect(verifyLinkToken(list, LINK_SECRET, 'view-digest', MORNING)).toMatchObject({ ok: true, claims: { subject: `digest/${id}`, agencyId: 'so-thu' } });
    for (const job of jobs) {
      await eventually(async () => expect((await log().forKey(job.idempotencyKey)).filter((r) => r.status === 'sent').map((r) => `${r.channel}:${r.jobId}`).sort()).toEqual([`email:${digestId(DAY, 'email', 'hang@sothu.example')}`, `zalo:${id}`]));
    }
    // Zalo's receipt of the one message marks every reminder it carried delivered.
    const receipt = await recordZnsDelivery(env.database.db, { event_name: 'user_received_message', app_id: 'test-app', timestamp: String(Date.now()), message: { msg_id: sent.msgId ?? '', delivery_time: String(Date.now()) } });
    expect(receipt.attempts.map((a) => a.idempotencyKey).sort()).toEqual(jobs.map((j) => j.idempotencyKey).sort());
  });

  it('falls back from a failed ZNS digest to the person’s e-mail digest of the day when it has none yet', async () => {
    // so-khong-zalo takes Zalo only, and its focal person has no Zalo account.
    env.zns.state.behaviour.forcedErrors['84987654321'] = -118;
    try {
      const notifier = start(MORNING, { zalo: true });
      const job = taskReminder('so-khong-zalo', 'Việc của sở chỉ dùng Zalo', '2026-12-09', 'reminder-before', [{ role: 'focal', channels: ['email', 'zalo'] }]);
      await notifier.queue.enqueue(job);
      const [mail] = await env.sink.waitForMessages(1);
      expect(mail?.envelope.to).toEqual(['khoa@sokz.example']);
      expect(mail?.headers['x-dondoc-delivery']).toBe(digestId(DAY, 'email', 'khoa@sokz.example'));
      const rows = await eventually(async () => {
        const all = await log().forKey(job.idempotencyKey);
        expect(all.at(-1)?.status).toBe('sent');
        return all;
      });
      expect(rows.map((r) => `${r.channel}:${r.status}`)).toEqual(['zalo:queued', 'zalo:failed_permanent', 'email:queued', 'email:sent']);
      expect(rows[1]?.error).toContain('ZNS -118');
      expect(rows[1]?.error).toContain('chuyển sang e-mail');
    } finally {
      delete env.zns.state.behaviour.forcedErrors['84987654321'];
    }
  });
});
