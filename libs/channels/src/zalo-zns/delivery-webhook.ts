// ZNS delivery receipts (webhook `user_received_message`), for the API to
// mount: validate the body with `znsWebhookSchema`, check the signature with
// verifyZaloWebhookSignature, answer 200 at once, then call recordZnsDelivery.
// Zalo retries webhooks, so recording is idempotent on msg_id.
//
// Zalo may deliver (and call the webhook) before the notifier has written its
// 'sent' row. The receipt is kept either way, and the notifier writes 'sent'
// with recordZnsSent, which adds the 'delivered' row for a receipt already
// there. Both take a lock on the msg_id, so whichever comes second sees the other.
import type { Database, DeliveryAttempt, DeliveryAttemptInput } from '@dondoc/db';
import { DeliveryLogRepository } from '@dondoc/db';
import { type Kysely, sql, type Transaction } from 'kysely';
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
  /** The first `delivered` row added to the delivery log, or null when the message is not ours / not first. */
  readonly attempt: DeliveryAttempt | null;
  /** Every `delivered` row added: one per reminder a daily digest carried, else at most one. */
  readonly attempts: readonly DeliveryAttempt[];
}

export async function recordZnsDelivery(db: Kysely<Database>, payload: ZnsWebhookPayload): Promise<ZnsDeliveryRecord> {
  const { msg_id: msgId, delivery_time: deliveryTime } = payload.message;
  return db.transaction().execute(async (trx) => {
    await lockMessage(trx, msgId);
    const inserted = await trx
      .insertInto('zns_receipts')
      .values({ msg_id: msgId, delivered_at: new Date(Number(deliveryTime)) })
      .onConflict((oc) => oc.column('msg_id').doNothing())
      .returning('msg_id')
      .executeTakeFirst();
    if (!inserted) return { firstTime: false, attempt: null, attempts: [] };
    // One 'sent' row per reminder the message carried (a digest carries many).
    const sent = await trx
      .selectFrom('delivery_log')
      .selectAll()
      .where('provider_message_id', '=', msgId)
      .where('channel', '=', 'zalo')
      .where('status', '=', 'sent')
      .orderBy('id', 'asc')
      .execute();
    // Not (yet) ours: kept, and applied by recordZnsSent if the 'sent' rows follow.
    const attempts = await recordDelivered(
      trx,
      sent.map((row) => ({ idempotencyKey: row.idempotency_key, recipient: row.recipient, agencyId: row.agency_id, workflowId: row.workflow_id, providerMessageId: msgId, attempt: row.attempt, role: row.role, jobId: row.job_id })),
    );
    return { firstTime: true, attempt: attempts[0] ?? null, attempts };
  });
}

export interface ZnsSentRecord {
  readonly sent: DeliveryAttempt;
  /** The 'delivered' row for a receipt that arrived before the 'sent' row, else null. */
  readonly delivered: DeliveryAttempt | null;
}

/** The notifier's 'sent' row for a ZNS message, with the 'delivered' row of a receipt that came first. */
export async function recordZnsSent(db: Kysely<Database>, input: DeliveryAttemptInput & { readonly providerMessageId: string }): Promise<ZnsSentRecord> {
  const { sent, delivered } = await recordZnsSentAll(db, input.providerMessageId, [input]);
  return { sent: sent[0]!, delivered: delivered[0] ?? null };
}

/**
 * The 'sent' rows of one ZNS message that carried several reminders (a daily digest),
 * written together, with their 'delivered' rows when Zalo's receipt came first.
 */
export async function recordZnsSentAll(db: Kysely<Database>, msgId: string, inputs: readonly DeliveryAttemptInput[]): Promise<{ sent: DeliveryAttempt[]; delivered: DeliveryAttempt[] }> {
  return db.transaction().execute(async (trx) => {
    await lockMessage(trx, msgId);
    const log = new DeliveryLogRepository(trx);
    const sent = await log.recordMany(inputs.map((input) => ({ ...input, channel: 'zalo' as const, status: 'sent' as const, providerMessageId: msgId })));
    const receipt = await trx.selectFrom('zns_receipts').select('msg_id').where('msg_id', '=', msgId).executeTakeFirst();
    if (!receipt) return { sent, delivered: [] };
    const already = await trx
      .selectFrom('delivery_log')
      .select('id')
      .where('provider_message_id', '=', msgId)
      .where('channel', '=', 'zalo')
      .where('status', '=', 'delivered')
      .executeTakeFirst();
    if (already) return { sent, delivered: [] };
    return { sent, delivered: await recordDelivered(trx, sent.map((row) => ({ ...row, providerMessageId: msgId }))) };
  });
}

type DeliveredFacts = Pick<DeliveryAttempt, 'idempotencyKey' | 'recipient' | 'agencyId' | 'workflowId' | 'attempt' | 'role' | 'jobId'> & { readonly providerMessageId: string };

function recordDelivered(trx: Transaction<Database>, facts: readonly DeliveredFacts[]): Promise<DeliveryAttempt[]> {
  return new DeliveryLogRepository(trx).recordMany(
    facts.map((f) => ({
      idempotencyKey: f.idempotencyKey,
      channel: 'zalo' as const,
      recipient: f.recipient,
      agencyId: f.agencyId,
      workflowId: f.workflowId,
      status: 'delivered' as const,
      providerMessageId: f.providerMessageId,
      attempt: f.attempt,
      role: f.role,
      jobId: f.jobId,
    })),
  );
}

/** Serialises the receipt and the 'sent' row of one message (released at commit). */
async function lockMessage(trx: Transaction<Database>, msgId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`zns-msg:${msgId}`}))`.execute(trx);
}
