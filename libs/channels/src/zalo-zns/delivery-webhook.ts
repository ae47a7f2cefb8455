// ZNS delivery receipts (webhook `user_received_message`), for the API to
// mount: validate the body with `znsWebhookSchema`, check the signature with
// verifyZaloWebhookSignature, answer 200 at once, then call recordZnsDelivery.
// Zalo retries webhooks, so recording is idempotent on msg_id.
import type { Database, DeliveryAttempt } from '@dondoc/db';
import { DeliveryLogRepository } from '@dondoc/db';
import type { Kysely } from 'kysely';
import { z } from 'zod';

export const znsWebhookSchema = z.object({
  event_name: z.literal('user_received_message'),
  app_id: z.string().min(1),
  timestamp: z.string().regex(/^\d+$/),
  message: z.object({
    msg_id: z.string().min(1),
    /** Epoch ms as a string, as Zalo sends it. */
    delivery_time: z.string().regex(/^\d+$/),
    tracking_id: z.string().optional(),
  }),
});

export type ZnsWebhookPayload = z.infer<typeof znsWebhookSchema>;

export interface ZnsDeliveryRecord {
  /** False when this msg_id was already recorded (a retried webhook): do nothing more. */
  readonly firstTime: boolean;
  /** The `delivered` row added to the delivery log, or null when the message is not ours / not first. */
  readonly attempt: DeliveryAttempt | null;
}

export async function recordZnsDelivery(db: Kysely<Database>, payload: ZnsWebhookPayload): Promise<ZnsDeliveryRecord> {
  const { msg_id: msgId, delivery_time: deliveryTime } = payload.message;
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('zns_receipts')
      .values({ msg_id: msgId, delivered_at: new Date(Number(deliveryTime)) })
      .onConflict((oc) => oc.column('msg_id').doNothing())
      .returning('msg_id')
      .executeTakeFirst();
    if (!inserted) return { firstTime: false, attempt: null };
    const sent = await trx
      .selectFrom('delivery_log')
      .selectAll()
      .where('provider_message_id', '=', msgId)
      .where('channel', '=', 'zalo')
      .where('status', '=', 'sent')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!sent) return { firstTime: true, attempt: null };
    const attempt = await new DeliveryLogRepository(trx).record({
      idempotencyKey: sent.idempotency_key,
      channel: 'zalo',
      recipient: sent.recipient,
      agencyId: sent.agency_id,
      workflowId: sent.workflow_id,
      status: 'delivered',
      providerMessageId: msgId,
      attempt: sent.attempt,
      role: sent.role,
      jobId: sent.job_id,
    });
    return { firstTime: true, attempt };
  });
}
