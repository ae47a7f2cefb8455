// The notifier over Zalo ZNS against the fake ZNS server: template messages,
// retry on -100, e-mail fallback on every permanent ZNS failure (-118, -101,
// an unknown code, an invalid phone, a refused OAuth refresh), token refresh on
// -124 (rotated refresh token stored), a hold until the daily quota resets on
// -144, dead-letter only when no e-mail fallback is possible, and the delivery
// webhook recorded once, even when it comes before the 'sent' row.
import { recordZnsDelivery, verifyZaloWebhookSignature, znsQuotaResetAt, znsTrackingId, znsWebhookSchema } from '@dondoc/channels';
import { deliveryJobId } from '@dondoc/contracts';
import { DeliveryLogRepository } from '@dondoc/db';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { PHONES } from './support/directory';
import { eventually, type NotifierEnvironment, OA_SECRET, reminder, REMINDER_DUE_SHOWN, runNotifier, type RunningNotifier, startEnvironment } from './support/notifier-harness';

const FOCAL = '84912345678';
const NO_ZALO = '84987654321';

describe('notifier: Zalo ZNS delivery', () => {
  let env: NotifierEnvironment;
  let running: RunningNotifier;
  let webhook: http.Server;
  const webhookCalls: Array<{ msgId: string; firstTime: boolean; status: string | null }> = [];

  beforeAll(async () => {
    // The API's side of the delivery webhook, built from what libs/channels exports.
    webhook = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const payload = znsWebhookSchema.parse(JSON.parse(raw));
        const signed = verifyZaloWebhookSignature(request.headers['x-zevent-signature'] as string | undefined, payload.app_id, raw, payload.timestamp, OA_SECRET);
        response.writeHead(signed ? 200 : 401).end();
        if (!signed) return;
        void recordZnsDelivery(env.database.db, payload).then((r) => webhookCalls.push({ msgId: payload.message.msg_id, firstTime: r.firstTime, status: r.attempt?.status ?? null }));
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    env = await startEnvironment({ zns: { webhookUrl: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/webhooks/zalo` } });
    running = runNotifier(env, { zalo: true });
  });
  afterAll(async () => {
    await running.stop();
    await env.stop();
    await new Promise((resolve) => webhook.close(resolve));
  });
  beforeEach(() => env.sink.clear());

  const log = () => new DeliveryLogRepository(env.database.db);
  const settled = (key: string) =>
    eventually(async () => {
      const rows = await log().forKey(key);
      expect(['sent', 'dead']).toContain(rows.filter((r) => r.status !== 'delivered').at(-1)?.status);
      return rows.filter((r) => r.status !== 'delivered');
    });

  it('sends a ZNS template message with the normalised phone, template data and tracking id; the webhook marks it delivered', async () => {
    const job = reminder('so-thu', { recipients: [{ role: 'focal', channels: ['zalo'] }] });
    await running.queue.enqueue(job);
    const rows = await settled(job.idempotencyKey);
    const jobId = deliveryJobId(job.idempotencyKey, 'focal', 'zalo');
    const sent = env.zns.delivered.find((m) => m.trackingId === znsTrackingId(jobId));
    expect(sent).toMatchObject({ phone: FOCAL, templateId: '410001', data: expect.objectContaining({ thoi_han: REMINDER_DUE_SHOWN, tinh_trang: 'còn 7 ngày' }) });
    expect(String(sent?.data.duong_dan)).toMatch(/^https:\/\/dondoc\.test\.example\/l\/[\w-]+\.[\w-]+$/);
    expect(rows.map((r) => r.status)).toEqual(['queued', 'sent']);
    expect(rows[1]).toMatchObject({ channel: 'zalo', recipient: PHONES.focal, providerMessageId: sent?.msgId });
    await eventually(async () => expect((await log().forKey(job.idempotencyKey)).at(-1)?.status).toBe('delivered'));
    expect(env.sink.messages).toHaveLength(0);
  });

  it('retries -100 (unknown error) and then delivers', async () => {
    env.zns.state.failNext(FOCAL, -100, 2);
    const job = reminder('so-thu', { recipients: [{ role: 'focal', channels: ['zalo'] }] });
    await running.queue.enqueue(job);
    const rows = await settled(job.idempotencyKey);
    expect(rows.map((r) => `${r.status}#${r.attempt}`)).toEqual(['queued#0', 'failed_retryable#1', 'failed_retryable#2', 'sent#3']);
    expect(rows[1]?.error).toContain('ZNS -100');
  });

  it('falls back to e-mail when the phone has no Zalo account (-118)', async () => {
    env.zns.state.behaviour.forcedErrors[NO_ZALO] = -118;
    const job = reminder('so-khong-zalo', { recipients: [{ role: 'focal', channels: ['email', 'zalo'] }] });
    await running.queue.enqueue(job);
    const [mail] = await env.sink.waitForMessages(1);
    expect(mail?.envelope.to).toEqual(['khoa@sokz.example']);
    const rows = await settled(job.idempotencyKey);
    // The agency accepts Zalo only, so e-mail comes from the fallback alone.
    expect(rows.map((r) => `${r.channel}:${r.status}`)).toEqual(['zalo:queued', 'zalo:failed_permanent', 'email:queued', 'email:sent']);
    expect(rows[1]?.error).toContain('ZNS -118: số điện thoại chưa đăng ký tài khoản Zalo');
    expect(rows[1]?.error).toContain('chuyển sang e-mail');
  });

  it('refreshes a refused access token (-124), storing the rotated refresh token first, and delivers', async () => {
    const before = await env.database.db.selectFrom('zalo_tokens').selectAll().executeTakeFirstOrThrow();
    env.zns.state.expireAccessTokens();
    const job = reminder('so-thu', { recipients: [{ role: 'focal', channels: ['zalo'] }] });
    await running.queue.enqueue(job);
    const rows = await settled(job.idempotencyKey);
    expect(rows.map((r) => r.status)).toEqual(['queued', 'sent']);
    const after = await env.database.db.selectFrom('zalo_tokens').selectAll().executeTakeFirstOrThrow();
    expect(after.refresh_token).not.toBe(before.refresh_token);
    expect(after.access_token).not.toBe(before.access_token);
    expect(env.zns.messages.filter((m) => m.error === -124).length).toBeGreaterThanOrEqual(1);
  });

  const story = async (key: string) => (await log().forKey(key)).filter((r) => r.status !== 'delivered').map((r) => `${r.channel}:${r.status}#${r.attempt}`);

  it('falls back to e-mail, without retrying, on a permanent ZNS error about our app (-101), logging the Zalo code', async () => {
    // -101 is about our Zalo app, not the person: ZNS cannot help, e-mail can.
    env.zns.state.behaviour.forcedErrors['84912000001'] = -101;
    try {
      const job = reminder('so-thu', { recipients: [{ role: 'head', channels: ['zalo'] }] });
      await running.queue.enqueue(job);
      const [mail] = await env.sink.waitForMessages(1);
      expect(mail?.envelope.to).toEqual(['duc@sothu.example']);
      const rows = await settled(job.idempotencyKey);
      expect(rows.map((r) => `${r.channel}:${r.status}#${r.attempt}`)).toEqual(['zalo:queued#0', 'zalo:failed_permanent#1', 'email:queued#0', 'email:sent#1']);
      expect(rows[1]).toMatchObject({ recipient: '0912000001', error: expect.stringContaining('ZNS -101: ứng dụng Zalo không hợp lệ') });
      expect(rows[1]?.error).toContain('chuyển sang e-mail');
      expect(env.zns.messages.filter((m) => m.phone === '84912000001' && m.error === -101)).toHaveLength(1);
      await eventually(async () => expect(await running.notifier.queues.zalo.getJobState(deliveryJobId(job.idempotencyKey, 'head', 'zalo'))).toBe('completed'));
      await eventually(() => expect(running.outcomes.outcomes.filter((o) => o.idempotencyKey === job.idempotencyKey)).toEqual([expect.objectContaining({ channel: 'email', status: 'delivered', role: 'head' })]));
    } finally {
      delete env.zns.state.behaviour.forcedErrors['84912000001'];
    }
  });

  it('falls back to e-mail on a ZNS code it does not know', async () => {
    env.zns.state.failNext(FOCAL, -150);
    const job = reminder('so-thu', { recipients: [{ role: 'focal', channels: ['zalo'] }] });
    await running.queue.enqueue(job);
    const [mail] = await env.sink.waitForMessages(1);
    expect(mail?.envelope.to).toEqual(['hang@sothu.example']);
    await settled(job.idempotencyKey);
    expect(await story(job.idempotencyKey)).toEqual(['zalo:queued#0', 'zalo:failed_permanent#1', 'email:queued#0', 'email:sent#1']);
    expect((await log().forKey(job.idempotencyKey))[1]?.error).toContain('ZNS -150: mã lỗi ZNS chưa biết -150');
  });

  it('treats an invalid phone in the directory as permanent, with the reason, and moves on to e-mail and then the next contact', async () => {
    // so-sai's focal contact has the phone "12345" and the address "go nham@@sosai".
    const job = reminder('so-sai', { recipients: [{ role: 'focal', channels: ['zalo'] }] });
    await running.queue.enqueue(job);
    const [mail] = await env.sink.waitForMessages(1);
    expect(mail?.envelope.to).toEqual(['dung@sosai.example']);
    const rows = await settled(job.idempotencyKey);
    expect(rows.map((r) => `${r.channel}:${r.status}:${r.recipient}`)).toEqual([
      'zalo:queued:12345',
      'zalo:failed_permanent:12345',
      'email:queued:go nham@@sosai',
      'email:failed_permanent:go nham@@sosai',
      'email:queued:dung@sosai.example',
      'email:sent:dung@sosai.example',
    ]);
    expect(rows[1]?.error).toBe('số điện thoại trong danh mục không hợp lệ: "12345"; chuyển sang e-mail');
    // The fake never saw it: the number is refused before any call to Zalo.
    expect(env.zns.messages.filter((m) => m.trackingId === znsTrackingId(deliveryJobId(job.idempotencyKey, 'focal', 'zalo')))).toEqual([]);
  });

  it('dead-letters a permanent ZNS error only when no e-mail fallback is possible (a ZNS-only notifier)', async () => {
    const znsOnly = runNotifier(env, { zalo: true, email: false });
    env.zns.state.behaviour.forcedErrors[FOCAL] = -101;
    env.zns.state.behaviour.forcedErrors['84912000001'] = -101;
    try {
      const job = reminder('so-thu', { recipients: [{ role: 'head', channels: ['zalo'] }] });
      await znsOnly.queue.enqueue(job);
      await settled(job.idempotencyKey);
      // Without e-mail the next contact is tried on ZNS; when that fails too, the job is dead-lettered.
      expect(await story(job.idempotencyKey)).toEqual(['zalo:queued#0', 'zalo:failed_permanent#1', 'zalo:queued#0', 'zalo:dead#1']);
      const rows = await log().forKey(job.idempotencyKey);
      expect(rows[3]?.error).toBe('ZNS -101: ứng dụng Zalo không hợp lệ (Forced error)');
      await eventually(async () => expect(await znsOnly.notifier.queues.zalo.getJobState(deliveryJobId(job.idempotencyKey, 'head', 'zalo', 1))).toBe('failed'));
      expect(env.sink.messages).toHaveLength(0);
      expect(znsOnly.outcomes.outcomes).toEqual([expect.objectContaining({ idempotencyKey: job.idempotencyKey, channel: 'zalo', status: 'failed' })]);
    } finally {
      delete env.zns.state.behaviour.forcedErrors[FOCAL];
      delete env.zns.state.behaviour.forcedErrors['84912000001'];
      await znsOnly.stop();
    }
  });

  it('falls back to e-mail when ZNS keeps failing with a temporary error until the attempts are spent', async () => {
    // As many -100 answers as the harness allows attempts (4).
    env.zns.state.failNext(FOCAL, -100, 4);
    const job = reminder('so-thu', { recipients: [{ role: 'focal', channels: ['zalo'] }] });
    await running.queue.enqueue(job);
    const [mail] = await env.sink.waitForMessages(1);
    expect(mail?.envelope.to).toEqual(['hang@sothu.example']);
    await settled(job.idempotencyKey);
    expect(await story(job.idempotencyKey)).toEqual(['zalo:queued#0', 'zalo:failed_retryable#1', 'zalo:failed_retryable#2', 'zalo:failed_retryable#3', 'zalo:failed_permanent#4', 'email:queued#0', 'email:sent#1']);
    expect((await log().forKey(job.idempotencyKey))[4]?.error).toBe('ZNS -100: lỗi không xác định phía Zalo (Forced transient error) (hết 4 lần thử); chuyển sang e-mail');
  });

  it('holds ZNS until the daily quota resets (-144): no attempt spent, nothing dead-lettered, delivered once the hold ends', async () => {
    env.zns.state.failNext(FOCAL, -144);
    const job = reminder('so-thu', { recipients: [{ role: 'focal', channels: ['zalo'] }] });
    const jobId = deliveryJobId(job.idempotencyKey, 'focal', 'zalo');
    const zalo = running.notifier.queues.zalo;
    await running.queue.enqueue(job);
    await eventually(async () => expect(await story(job.idempotencyKey)).toEqual(['zalo:queued#0', 'zalo:failed_retryable#1']));
    expect((await log().forKey(job.idempotencyKey))[1]?.error).toMatch(/^ZNS -144: đã hết hạn mức gửi ZNS trong ngày \(.*\); gửi lại sau khi hạn mức được đặt lại \(00:00 /);
    // The whole ZNS queue waits until 00:00 in Vietnam, when Zalo's quota resets.
    const ttl = await zalo.getRateLimitTtl();
    expect(Math.abs(Date.now() + ttl - znsQuotaResetAt(Date.now()))).toBeLessThan(10_000);
    const waiting = await eventually(async () => {
      const found = await zalo.getJob(jobId);
      expect(await found?.getState()).toBe('waiting');
      return found;
    });
    expect(waiting?.attemptsMade).toBe(0);
    // Another reminder meanwhile is held too, not sent into the exhausted quota.
    const other = reminder('so-thu', { recipients: [{ role: 'focal', channels: ['zalo'] }] });
    await running.queue.enqueue(other);
    await eventually(async () => expect(await story(other.idempotencyKey)).toEqual(['zalo:queued#0']));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await story(other.idempotencyKey)).toEqual(['zalo:queued#0']);
    expect(env.zns.messages.filter((m) => m.error === 0 && m.trackingId === znsTrackingId(jobId))).toEqual([]);

    // Midnight, brought forward: the hold ends and both go out, each once.
    await zalo.removeRateLimitKey();
    await settled(job.idempotencyKey);
    await settled(other.idempotencyKey);
    expect(await story(job.idempotencyKey)).toEqual(['zalo:queued#0', 'zalo:failed_retryable#1', 'zalo:sent#1']);
    expect(await story(other.idempotencyKey)).toEqual(['zalo:queued#0', 'zalo:sent#1']);
    expect(env.zns.delivered.filter((m) => m.trackingId === znsTrackingId(jobId))).toHaveLength(1);
    expect(env.sink.messages).toHaveLength(0);
  });

  it('keeps a delivery receipt that arrives before the sent row, and adds the delivered row when the sent row lands', async () => {
    // Zalo's webhook call goes out 1.5 s before its answer to the send reaches the notifier.
    env.zns.state.behaviour.replyDelayMs = 1_500;
    try {
      const job = reminder('so-thu', { recipients: [{ role: 'focal', channels: ['zalo'] }] });
      await running.queue.enqueue(job);
      const rows = await settled(job.idempotencyKey);
      const msgId = rows.at(-1)?.providerMessageId ?? '';
      // The receipt really came first: when recorded, it matched no sent row.
      expect(webhookCalls.filter((c) => c.msgId === msgId)).toEqual([{ msgId, firstTime: true, status: null }]);
      await eventually(async () => expect((await log().forKey(job.idempotencyKey)).map((r) => r.status)).toEqual(['queued', 'sent', 'delivered']));
      const delivered = (await log().forKey(job.idempotencyKey))[2];
      expect(delivered).toMatchObject({ channel: 'zalo', providerMessageId: msgId, jobId: deliveryJobId(job.idempotencyKey, 'focal', 'zalo'), recipient: PHONES.focal, role: 'focal' });
    } finally {
      env.zns.state.behaviour.replyDelayMs = 0;
    }
  });

  it('falls back to e-mail when Zalo refuses to refresh the access token (a revoked refresh token)', async () => {
    const row = await env.database.db.selectFrom('zalo_tokens').selectAll().executeTakeFirstOrThrow();
    await env.database.db.updateTable('zalo_tokens').set({ refresh_token: 'revoked-by-zalo' }).where('app_id', '=', row.app_id).execute();
    env.zns.state.expireAccessTokens();
    try {
      const job = reminder('so-thu', { recipients: [{ role: 'focal', channels: ['zalo'] }] });
      await running.queue.enqueue(job);
      const [mail] = await env.sink.waitForMessages(1);
      expect(mail?.envelope.to).toEqual(['hang@sothu.example']);
      await settled(job.idempotencyKey);
      expect(await story(job.idempotencyKey)).toEqual(['zalo:queued#0', 'zalo:failed_permanent#1', 'email:queued#0', 'email:sent#1']);
      expect((await log().forKey(job.idempotencyKey))[1]?.error).toMatch(/^Zalo từ chối làm mới access token \(-14014\): .*; chuyển sang e-mail$/);
    } finally {
      // An operator pastes a new refresh token: ZNS works again for the tests after this one.
      await env.database.db.updateTable('zalo_tokens').set({ refresh_token: env.zns.state.issueRefreshToken() }).where('app_id', '=', row.app_id).execute();
    }
  });

  it('records a retried webhook once', async () => {
    await eventually(() => expect(webhookCalls.length).toBeGreaterThan(0));
    const msgId = env.zns.delivered[0]?.msgId ?? '';
    const payload = { event_name: 'user_received_message' as const, app_id: 'test-app', timestamp: String(Date.now()), message: { msg_id: msgId, delivery_time: String(Date.now()) } };
    const again = await recordZnsDelivery(env.database.db, payload);
    expect(again).toEqual({ firstTime: false, attempt: null, attempts: [] });
    expect(webhookCalls.every((c) => c.firstTime)).toBe(true);
  });
});
