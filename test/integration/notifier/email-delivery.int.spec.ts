// The notifier end to end over e-mail: a reminder enqueued as the workflows
// do it, resolved against the directory, delivered into a real SMTP server.
import { messageIdFor } from '@dondoc/channels';
import { deliveryJobId } from '@dondoc/contracts';
import { DeliveryLogRepository } from '@dondoc/db';
import { verifyLinkToken } from '@dondoc/links';
import { addCalendarDays, vietnamDate } from '@dondoc/policy';
import { sql } from 'kysely';

import { eventually, LINK_SECRET, type NotifierEnvironment, reminder, REPLY_TO, runNotifier, type RunningNotifier, startEnvironment } from './support/notifier-harness';

describe('notifier: e-mail delivery', () => {
  let env: NotifierEnvironment;
  let running: RunningNotifier | undefined;
  /** Addresses the sink answers with a temporary 451, and how many times. */
  const temporary = new Map<string, number>();

  beforeAll(async () => {
    env = await startEnvironment({
      sink: {
        rejectRecipients: (address) => address.endsWith('@rejected.example'),
        answerRecipient: (address) => {
          const left = temporary.get(address) ?? 0;
          if (left <= 0) return null;
          temporary.set(address, left - 1);
          return { code: 451, message: '4.3.0 Mailbox temporarily unavailable, try again later' };
        },
      },
    });
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    env.sink.clear();
    temporary.clear();
  });
  afterAll(() => env.stop());

  const log = () => new DeliveryLogRepository(env.database.db);

  it('delivers a reminder to the focal contact with the promised headers, logs it and reports the outcome', async () => {
    running = runNotifier(env);
    const job = reminder('so-thu');
    await running.queue.enqueue(job);
    const [message] = await env.sink.waitForMessages(1);
    const jobId = deliveryJobId(job.idempotencyKey, 'focal', 'email');
    expect(message?.envelope.to).toEqual(['hang@sothu.example']);
    expect(message?.messageId).toBe(messageIdFor(jobId, 'skhcn.test.example'));
    expect(message?.replyTo).toBe(REPLY_TO);
    expect(message?.subject).toBe('[Đôn Đốc] Nhắc hạn nhiệm vụ: Xây dựng cơ sở dữ liệu chuyên ngành về đổi mới sáng tạo (còn 7 ngày)');
    const token = /https:\/\/dondoc\.test\.example\/l\/([\w.-]+)/.exec(message?.text ?? '')?.[1] ?? '';
    expect(verifyLinkToken(token, LINK_SECRET, 'report-progress', Date.now())).toMatchObject({ ok: true, claims: { subject: job.workflowId, agencyId: 'so-thu' } });
    const attempts = await eventually(async () => {
      const rows = await log().forKey(job.idempotencyKey);
      expect(rows.map((r) => r.status)).toEqual(['queued', 'sent']);
      return rows;
    });
    expect(attempts[1]).toMatchObject({ channel: 'email', recipient: 'hang@sothu.example', role: 'focal', jobId, attempt: 1, providerMessageId: message?.messageId });
    await eventually(() => expect(running?.outcomes.outcomes).toEqual([expect.objectContaining({ workflowId: job.workflowId, idempotencyKey: job.idempotencyKey, status: 'delivered', channel: 'email', role: 'focal' })]));
  });

  it('links report requests, reminders and returns to the report submission (purpose submit-report), nothing else', async () => {
    running = runNotifier(env);
    const workflowId = 'report/kh-thu/2026/so-thu';
    for (const template of ['report-request', 'report-reminder', 'report-returned'] as const) {
      await running.queue.enqueue(reminder('so-thu', { template, workflowId, idempotencyKey: `${workflowId}|${template}` }));
    }
    const messages = await env.sink.waitForMessages(3);
    expect(messages).toHaveLength(3);
    for (const message of messages) {
      const token = /\/l\/([\w.-]+)/.exec(message.text)?.[1];
      expect(verifyLinkToken(token ?? '', LINK_SECRET, 'submit-report', Date.now())).toMatchObject({ ok: true, claims: { subject: workflowId, agencyId: 'so-thu' } });
      expect(verifyLinkToken(token ?? '', LINK_SECRET, 'report-progress', Date.now())).toMatchObject({ ok: false });
    }
  });

  it('sends a reminder enqueued five times exactly once', async () => {
    running = runNotifier(env);
    const job = reminder('so-thu');
    const results = await Promise.all(Array.from({ length: 5 }, () => running!.queue.enqueue(job)));
    expect(results.filter((r) => r.jobId === job.idempotencyKey)).toHaveLength(5);
    await env.sink.waitForMessages(1);
    // Enqueued again after delivery: still nothing new.
    await running.queue.enqueue(job);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(env.sink.messages).toHaveLength(1);
    expect((await log().forKey(job.idempotencyKey)).filter((r) => r.status === 'sent')).toHaveLength(1);
  });

  it('resolves department, provincial office and the successor of a merged agency', async () => {
    running = runNotifier(env);
    const overdue = addCalendarDays(vietnamDate(Date.now()), -12);
    const job = reminder('so-cu', { template: 'escalation', recipients: [{ role: 'head', channels: ['email'] }, { role: 'department', channels: ['email'] }, { role: 'provincial-office', channels: ['email'] }], data: { ...reminder('so-cu').data, dueDate: overdue, daysLeft: -12 } });
    await running.queue.enqueue(job);
    const messages = await env.sink.waitForMessages(3);
    expect(messages.flatMap((m) => m.envelope.to).sort()).toEqual(['ngan@vp.example', 'tin@skhcn.example', 'viet@somoi.example']);
    expect(messages.every((m) => m.subject.includes('quá hạn 12 ngày ('))).toBe(true);
    expect(messages.find((m) => m.envelope.to[0] === 'viet@somoi.example')?.text).toContain('Cơ quan chủ trì: Sở Mới sau sáp nhập');
  });

  it("signs each recipient's link for that recipient: the lead's head acts, the copies to Sở KH&CN and Văn phòng UBND tỉnh only read (issue 12 §3)", async () => {
    running = runNotifier(env);
    const job = reminder('so-thu', { template: 'escalation', recipients: [{ role: 'head', channels: ['email'] }, { role: 'department', channels: ['email'] }, { role: 'provincial-office', channels: ['email'] }] });
    await running.queue.enqueue(job);
    const messages = await env.sink.waitForMessages(3);
    // (Either form of link, so that on the code before /l/ links this test fails on what it is about: the purpose.)
    const tokenTo = (address: string) => /https:\/\/dondoc\.test\.example\/(?:l\/|links\/[\w-]+\?token=)([\w.-]+)/.exec(messages.find((m) => m.envelope.to[0] === address)?.text ?? '')?.[1] ?? '';
    expect(verifyLinkToken(tokenTo('duc@sothu.example'), LINK_SECRET, 'report-progress', Date.now())).toMatchObject({ ok: true, claims: { subject: job.workflowId, agencyId: 'so-thu' } });
    for (const [address, agencyId] of [['tin@skhcn.example', 'so-khcn'], ['ngan@vp.example', 'van-phong-ubnd-tinh']] as const) {
      expect(verifyLinkToken(tokenTo(address), LINK_SECRET, 'report-progress', Date.now())).toEqual({ ok: false, reason: 'wrong-purpose' });
      expect(verifyLinkToken(tokenTo(address), LINK_SECRET, 'view-task', Date.now())).toMatchObject({ ok: true, claims: { subject: job.workflowId, agencyId } });
    }
  });

  it("states the days overdue when the message is composed, not the ladder step's count (issue 12 §4)", async () => {
    // The notifier's clock reads Friday 04/12/2026, 08:00 in Vietnam; the step was planned 14 days earlier.
    const now = Date.parse('2026-12-04T08:00:00+07:00');
    running = runNotifier(env, { now: () => now });
    const job = reminder('so-thu', { template: 'catch-up', data: { ...reminder('so-thu').data, dueDate: '2026-11-15', daysLeft: -5 } });
    await running.queue.enqueue(job);
    const [message] = await env.sink.waitForMessages(1);
    expect(message?.text).toContain('tình trạng hiện tại: quá hạn 19 ngày (15 ngày làm việc) kể từ ngày 16/11/2026.');
    expect(message?.text).toContain('Tình trạng: quá hạn 19 ngày (15 ngày làm việc)');
    expect(message?.text).not.toContain('quá hạn 5 ngày');
  });

  it('retries a temporary 4xx with backoff and then delivers', async () => {
    running = runNotifier(env);
    temporary.set('hang@sothu.example', 2);
    const job = reminder('so-thu');
    await running.queue.enqueue(job);
    await env.sink.waitForMessages(1);
    const rows = await eventually(async () => {
      const all = await log().forKey(job.idempotencyKey);
      expect(all.at(-1)?.status).toBe('sent');
      return all;
    });
    expect(rows.map((r) => `${r.status}#${r.attempt}`)).toEqual(['queued#0', 'failed_retryable#1', 'failed_retryable#2', 'sent#3']);
    expect(rows[1]?.error).toContain('451');
  });

  it('dead-letters after the last attempt of a lasting temporary failure', async () => {
    running = runNotifier(env, { settings: { maxAttempts: 3 } });
    temporary.set('hang@sothu.example', 100);
    const job = reminder('so-thu');
    await running.queue.enqueue(job);
    const jobId = deliveryJobId(job.idempotencyKey, 'focal', 'email');
    await eventually(async () => expect(await running!.notifier.queues.email.getJobState(jobId)).toBe('failed'));
    expect((await log().forKey(job.idempotencyKey)).map((r) => r.status)).toEqual(['queued', 'failed_retryable', 'failed_retryable', 'dead']);
    expect(running.outcomes.outcomes).toEqual([expect.objectContaining({ status: 'failed', idempotencyKey: job.idempotencyKey })]);
    expect(env.sink.messages).toHaveLength(0);
  });

  it('moves on to the next contact when the directory address is invalid, with the reason logged', async () => {
    running = runNotifier(env);
    const job = reminder('so-sai');
    await running.queue.enqueue(job);
    const [message] = await env.sink.waitForMessages(1);
    expect(message?.envelope.to).toEqual(['dung@sosai.example']);
    const rows = await eventually(async () => {
      const all = await log().forKey(job.idempotencyKey);
      expect(all.at(-1)?.status).toBe('sent');
      return all;
    });
    const failed = rows.find((r) => r.status === 'failed_permanent');
    expect(failed).toMatchObject({ recipient: 'go nham@@sosai', attempt: 1 });
    expect(failed?.error).toContain('địa chỉ e-mail trong danh mục không hợp lệ');
    expect(failed?.error).toContain('người liên hệ tiếp theo (Phan Thị Đúng)');
  });

  it('dead-letters at once, without retries, when the relay refuses every contact permanently (550)', async () => {
    running = runNotifier(env);
    const job = reminder('so-tu-choi');
    await running.queue.enqueue(job);
    const first = deliveryJobId(job.idempotencyKey, 'focal', 'email');
    const second = deliveryJobId(job.idempotencyKey, 'focal', 'email', 1);
    await eventually(async () => expect(await running!.notifier.queues.email.getJobState(second)).toBe('failed'));
    expect(await running.notifier.queues.email.getJobState(first)).toBe('completed');
    const failed = await running.notifier.queues.email.getJob(second);
    expect(failed?.attemptsMade).toBe(1);
    const rows = await log().forKey(job.idempotencyKey);
    expect(rows.map((r) => `${r.status}:${r.recipient}`)).toEqual([
      'queued:a@rejected.example',
      'failed_permanent:a@rejected.example',
      'queued:b@rejected.example',
      'dead:b@rejected.example',
    ]);
    expect(rows[3]?.error).toContain('550');
    expect(env.sink.messages).toHaveLength(0);
    expect(running.outcomes.outcomes).toEqual([expect.objectContaining({ status: 'failed' })]);
  });

  it('sends once when the database fails after the relay accepted: the retries only write the log', async () => {
    running = runNotifier(env);
    const job = reminder('so-thu');
    // A real database error on the 'sent' row of this reminder, twice (a sequence is not rolled back with the failed insert).
    await sql`create sequence sent_row_failures`.execute(env.database.db);
    await sql`create function fail_sent_row() returns trigger language plpgsql as $$
      begin
        if new.status = 'sent' and new.idempotency_key = ${sql.lit(job.idempotencyKey)} then
          if nextval('sent_row_failures') <= 2 then
            raise exception 'injected: the database is unavailable';
          end if;
        end if;
        return new;
      end $$`.execute(env.database.db);
    await sql`create trigger fail_sent_row before insert on delivery_log for each row execute function fail_sent_row()`.execute(env.database.db);
    try {
      await running.queue.enqueue(job);
      const rows = await eventually(async () => {
        const all = await log().forKey(job.idempotencyKey);
        expect(all.map((r) => r.status)).toEqual(['queued', 'sent']);
        return all;
      });
      // Written by the third attempt, with the Message-ID of the one e-mail the first attempt sent.
      expect(rows[1]?.attempt).toBe(3);
      await eventually(async () => expect(await running!.notifier.queues.email.getJobState(deliveryJobId(job.idempotencyKey, 'focal', 'email'))).toBe('completed'));
      expect(env.sink.messages).toHaveLength(1);
      expect(rows[1]?.providerMessageId).toBe(env.sink.messages[0]?.messageId);
      expect(running.outcomes.outcomes).toEqual([expect.objectContaining({ idempotencyKey: job.idempotencyKey, status: 'delivered' })]);
    } finally {
      await sql`drop trigger fail_sent_row on delivery_log`.execute(env.database.db);
      await sql`drop function fail_sent_row()`.execute(env.database.db);
      await sql`drop sequence sent_row_failures`.execute(env.database.db);
    }
  });
});
