// Zalo's delivery receipts reach POST /webhooks/zns: only with Zalo's signature
// over the raw body, each msg_id recorded once, and a receipt for a message we
// sent adds a 'delivered' row to the delivery log.
import { zaloWebhookSignature } from '@dondoc/channels';
import { DeliveryLogRepository } from '@dondoc/db';
import { randomBytes } from 'node:crypto';

import { type ApiStack, call, startApiStack } from './support/api-stack';

const APP_ID = 'zalo-app-e2e';
/** The app secret (OAuth) and the OA secret key (webhook signatures) differ on Zalo; so they do here. */
const APP_SECRET = randomBytes(16).toString('hex');
const OA_SECRET = randomBytes(16).toString('hex');

/** A `user_received_message` event body, serialised once so the signature covers exactly these bytes. */
function receipt(msgId: string, overrides: Record<string, unknown> = {}): { raw: string; timestamp: string } {
  const timestamp = String(Date.now());
  const raw = JSON.stringify({ app_id: APP_ID, event_name: 'user_received_message', timestamp, message: { msg_id: msgId, delivery_time: timestamp }, ...overrides });
  return { raw, timestamp };
}

describe('ZNS delivery-receipt webhook (API e2e)', () => {
  let stack: ApiStack;

  const post = (raw: string, signature: string) =>
    call<Record<string, unknown>>(stack.url, 'POST', '/webhooks/zns', { body: raw, headers: { 'x-zevent-signature': signature } });
  const signed = ({ raw, timestamp }: { raw: string; timestamp: string }) => post(raw, zaloWebhookSignature(APP_ID, raw, timestamp, OA_SECRET));

  beforeAll(async () => {
    stack = await startApiStack('zns-webhook', { ZALO_APP_ID: APP_ID, ZALO_SECRET_KEY: APP_SECRET, ZALO_OA_SECRET_KEY: OA_SECRET });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('records a signed receipt once; Zalo retrying it records nothing more', async () => {
    const event = receipt(`msg-${randomBytes(6).toString('hex')}`);
    const first = await signed(event);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ recorded: true, matched: false });

    const again = await signed(event);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ recorded: false, matched: false });
  });

  it('refuses a forged signature with 401 and records nothing', async () => {
    const event = receipt(`msg-${randomBytes(6).toString('hex')}`);
    const forged = await post(event.raw, zaloWebhookSignature(APP_ID, event.raw, event.timestamp, 'not-the-secret'));
    expect(forged.status).toBe(401);
    // Signed with the app secret instead of the OA secret key: not Zalo's webhook signature.
    const appSecretSigned = await post(event.raw, zaloWebhookSignature(APP_ID, event.raw, event.timestamp, APP_SECRET));
    expect(appSecretSigned.status).toBe(401);
    const missing = await call(stack.url, 'POST', '/webhooks/zns', { body: event.raw });
    expect(missing.status).toBe(401);
    // The signature covers the raw body: the same signature over a changed body is refused too.
    const tampered = await post(event.raw.replace(event.timestamp, String(Number(event.timestamp) + 1)), zaloWebhookSignature(APP_ID, event.raw, event.timestamp, OA_SECRET));
    expect(tampered.status).toBe(401);
    // Nothing was recorded: the genuine call is still the first.
    expect((await signed(event)).body).toMatchObject({ recorded: true });
  });

  it('answers a malformed receipt with 400 naming the field', async () => {
    const event = receipt('msg-malformed', { message: { msg_id: 'msg-malformed', delivery_time: 'yesterday' } });
    const reply = await signed(event);
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toContain('message.delivery_time');
  });

  it("adds a 'delivered' row when the receipt matches a sent ZNS message", async () => {
    const log = new DeliveryLogRepository(stack.database.db);
    const msgId = `msg-${randomBytes(6).toString('hex')}`;
    const idempotencyKey = `task/kh-e2e/t1/so-noi-vu|2026-12-31|before-7d`;
    const sent = await log.record({
      idempotencyKey,
      channel: 'zalo',
      recipient: '84912345678',
      agencyId: 'so-noi-vu',
      workflowId: 'task/kh-e2e/t1/so-noi-vu',
      status: 'sent',
      providerMessageId: msgId,
      attempt: 1,
      role: 'focal',
      jobId: `${idempotencyKey}|focal|zalo`,
    });

    const reply = await signed(receipt(msgId));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ recorded: true, matched: true });

    const story = await log.forKey(idempotencyKey);
    expect(story.map((a) => a.status)).toEqual(['sent', 'delivered']);
    expect(story[1]).toMatchObject({
      channel: 'zalo',
      recipient: sent.recipient,
      agencyId: sent.agencyId,
      workflowId: sent.workflowId,
      providerMessageId: msgId,
      attempt: sent.attempt,
      role: sent.role,
      jobId: sent.jobId,
    });
  });
});
