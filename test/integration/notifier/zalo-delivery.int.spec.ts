// The notifier over Zalo ZNS against the fake ZNS server: template messages,
// retry on -100, e-mail fallback on -118, token refresh on -124 (rotated
// refresh token stored), dead-letter on a configuration error, and the
// delivery webhook recorded once.
import { recordZnsDelivery, verifyZaloWebhookSignature, znsTrackingId, znsWebhookSchema } from '@dondoc/channels';
import { deliveryJobId } from '@dondoc/contracts';
import { DeliveryLogRepository } from '@dondoc/db';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { PHONES } from './support/directory';
import { eventually, type NotifierEnvironment, OA_SECRET, reminder, runNotifier, type RunningNotifier, startEnvironment } from './support/notifier-harness';

const FOCAL = '84912345678';
const NO_ZALO = '84987654321';

describe('notifier: Zalo ZNS delivery', () => {
  let env: NotifierEnvironment;
  let running: RunningNotifier;
  let webhook: http.Server;
  const webhookCalls: Array<{ firstTime: boolean; status: string | null }> = [];

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
        void recordZnsDelivery(env.database.db, payload).then((r) => webhookCalls.push({ firstTime: r.firstTime, status: r.attempt?.status ?? null }));
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
    expect(sent).toMatchObject({ phone: FOCAL, templateId: '410001', data: expect.objectContaining({ thoi_han: '15/03/2026', tinh_trang: 'còn 7 ngày' }) });
    expect(String(sent?.data.duong_dan)).toMatch(/^https:\/\/dondoc\.test\.example\/links\/report-progress\?token=/);
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

  it('dead-letters a permanent ZNS error (-101, app configuration) without retrying', async () => {
    env.zns.state.behaviour.forcedErrors[FOCAL] = -101;
    try {
      const job = reminder('so-thu', { recipients: [{ role: 'head', channels: ['zalo'] }] });
      // -101 is about our Zalo app, not the person: no next contact, no fallback.
      env.zns.state.behaviour.forcedErrors['84912000001'] = -101;
      await running.queue.enqueue(job);
      const rows = await settled(job.idempotencyKey);
      expect(rows.map((r) => `${r.status}#${r.attempt}`)).toEqual(['queued#0', 'dead#1']);
      expect(rows[1]?.error).toContain('ZNS -101');
      expect(await running.notifier.queues.zalo.getJobState(deliveryJobId(job.idempotencyKey, 'head', 'zalo'))).toBe('failed');
    } finally {
      delete env.zns.state.behaviour.forcedErrors[FOCAL];
      delete env.zns.state.behaviour.forcedErrors['84912000001'];
    }
  });

  it('records a retried webhook once', async () => {
    await eventually(() => expect(webhookCalls.length).toBeGreaterThan(0));
    const msgId = env.zns.delivered[0]?.msgId ?? '';
    const payload = { event_name: 'user_received_message' as const, app_id: 'test-app', timestamp: String(Date.now()), message: { msg_id: msgId, delivery_time: String(Date.now()) } };
    const again = await recordZnsDelivery(env.database.db, payload);
    expect(again).toEqual({ firstTime: false, attempt: null });
    expect(webhookCalls.every((c) => c.firstTime)).toBe(true);
  });
});
