// Stage two for a daily digest: one job = one message to one person with every
// entry of their digest. The job waits until the digest's send_after (entries
// may have moved it on) and the recipient's quiet hours, seals the digest (later
// entries go to the next working day's), sends, and then writes one delivery-log
// row per entry, so the log still tells, per reminder, which digest carried it,
// and every workflow hears its outcome. The order of writes is the single
// reminder's: provider accepted → Redis mark → log rows, so a crash after the
// send never sends it again, and a retry or a replay resends only what is unsent.
import { type Channel, DeliveryError, recordZnsSentAll, renderDigest, type SendReceipt } from '@dondoc/channels';
import { type DeliveryJob, deliveryJobSchema, type DigestJob, digestJobSchema } from '@dondoc/contracts';
import type { Database, DeliveryAttemptInput, DeliveryLogRepository, DeliveryStatus, DigestEntry, DigestEntryOutcome, DigestRepository } from '@dondoc/db';
import type { WorkingDayCalendar } from '@dondoc/policy';
import { DelayedError, type Job, type Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Kysely } from 'kysely';

import { digestListLink, type LinkSettings } from '../compose/message-links';
import type { DeliverResult } from '../deliver.processor';
import { asDeliveryError, finalError, followUp, quotaHoldNote } from '../delivery-failures';
import type { OutcomeReporter } from '../outcome-reporter';
import { quietHoursDelay } from '../quiet-hours';
import type { SentMarkers } from '../sent-markers';
import { digestItem } from './digest-items';

export interface DigestDeliverContext {
  readonly channels: Partial<Readonly<Record<'email' | 'zalo', Channel>>>;
  readonly queues: Readonly<Record<'email' | 'zalo', Queue>>;
  readonly db: Kysely<Database>;
  readonly log: DeliveryLogRepository;
  readonly digests: DigestRepository;
  readonly sent: SentMarkers;
  readonly outcomes: OutcomeReporter;
  readonly links: LinkSettings;
  readonly calendar: Pick<WorkingDayCalendar, 'isWorkingDay'>;
  /** Places follow-ups (next contact, e-mail instead of ZNS) in their digests. */
  readonly placeFollowUps: (deliveries: readonly DeliveryJob[], quietHours: { from: string; to: string } | null) => Promise<unknown>;
  readonly now: () => number;
}

export async function deliverDigest(job: Job<DigestJob>, token: string | undefined, context: DigestDeliverContext): Promise<DeliverResult> {
  const { digestId } = digestJobSchema.parse(job.data);
  const digest = await context.digests.find(digestId);
  if (!digest) throw new UnrecoverableError(`digest ${digestId} does not exist`);
  if (digest.status === 'open') {
    // Not yet: entries joined since the job was added, or the recipient's quiet hours.
    const now = context.now();
    const wait = Math.max(digest.sendAfter.getTime() - now, quietHoursDelay(digest.quietHours, now));
    if (wait > 0) {
      await job.moveToDelayed(Date.now() + wait, token);
      throw new DelayedError();
    }
  }
  const sealed = await context.digests.seal(digestId);
  const entries = sealed?.entries ?? [];
  if (entries.length === 0) return { outcome: 'already-sent' };
  const deliveries = entries.map((entry) => deliveryJobSchema.parse(entry.delivery));
  const { channel, quietHours } = digest;
  const first = deliveries[0]!;
  const contact = first.contacts[first.contactIndex]!;
  const address = channel === 'email' ? contact.email : (contact.phone ?? '');
  const attempt = job.attemptsMade + 1;
  const rows = (status: DeliveryStatus, error: (delivery: DeliveryJob) => string | null, providerMessageId: string | null = null): DeliveryAttemptInput[] =>
    deliveries.map((d) => ({
      idempotencyKey: d.notification.idempotencyKey,
      channel,
      recipient: channel === 'email' ? (d.contacts[d.contactIndex]?.email ?? address) : (d.contacts[d.contactIndex]?.phone ?? address),
      agencyId: d.notification.agencyId,
      workflowId: d.notification.workflowId,
      status,
      error: error(d),
      providerMessageId,
      attempt,
      role: d.role,
      jobId: digestId,
    }));
  const confirmSent = async (providerMessageId: string): Promise<DeliverResult> => {
    const sentRows = rows('sent', () => null, providerMessageId);
    // A ZNS receipt may have come in before these rows: recorded together, so it is not lost.
    if (channel === 'zalo') await recordZnsSentAll(context.db, providerMessageId, sentRows);
    else await context.log.recordMany(sentRows);
    return settleSent(providerMessageId);
  };
  const settleSent = async (providerMessageId: string): Promise<DeliverResult> => {
    await context.digests.settle(digestId, outcomesOf(entries, 'sent'), { status: 'sent', providerMessageId });
    for (const d of deliveries) {
      context.outcomes.report(d.notification.workflowId, { idempotencyKey: d.notification.idempotencyKey, channel, role: d.role, status: 'delivered', detail: `thư tổng hợp ${digestId}: ${channel} → ${address} (${providerMessageId})` });
    }
    return { outcome: 'sent', providerMessageId };
  };

  // Sent before a crash: the log says so (rows are written before the job is acknowledged).
  if (await context.log.wasSent(digestId)) {
    await settleSent((await context.sent.get(digestId)) ?? '');
    return { outcome: 'already-sent' };
  }
  // The provider accepted it on an earlier attempt whose log write failed: only the log is retried.
  const accepted = await context.sent.get(digestId);
  if (accepted !== null) return confirmSent(accepted);

  let receipt: SendReceipt;
  try {
    const sender = context.channels[channel];
    if (!sender) throw new DeliveryError(channel === 'zalo' ? 'fallback-email' : 'fail', `kênh ${channel} chưa được cấu hình`, 'channel-off');
    const now = context.now();
    const composition = { links: context.links, calendar: context.calendar, now };
    const list = digestListLink(digestId, contact.agencyId, context.links, now);
    const content = renderDigest({
      recipientName: contact.name,
      recipientTitle: contact.title,
      recipientAgency: contact.agencyName,
      day: digest.day,
      items: deliveries.map((d) => digestItem(d, composition)),
      listLink: list.link,
      linkExpiresAt: list.linkExpiresAt,
      reference: digestId,
    });
    receipt = await sender.send({ deliveryKey: digestId, recipient: { name: contact.name, address }, content });
  } catch (caught) {
    return failed(asDeliveryError(caught));
  }
  // From here on the message is out: whatever fails now must not send it again.
  await context.sent.mark(digestId, receipt.providerMessageId);
  return confirmSent(receipt.providerMessageId);

  async function failed(error: DeliveryError): Promise<DeliverResult> {
    if (error.action === 'retry' && error.retryAt !== null) {
      await context.log.recordMany(rows('failed_retryable', () => quotaHoldNote(error, error.retryAt!)));
      // The quota is the whole account's: hold the channel; a rate-limited job spends no attempt.
      await context.queues[channel].rateLimit(Math.max(1_000, error.retryAt - context.now()));
      throw Worker.RateLimitError();
    }
    if (error.action === 'retry' && attempt < (job.opts.attempts ?? 1)) {
      // The whole digest is retried, never re-queued per reminder.
      await context.log.recordMany(rows('failed_retryable', () => error.reason));
      throw error;
    }
    const final = finalError(error, channel, attempt);
    const next = deliveries.map((d) => followUp(d, final, context.channels));
    const settled = rows('failed_permanent', () => final.reason).map((row, i): DeliveryAttemptInput => {
      const handOver = next[i];
      return handOver ? { ...row, error: `${final.reason}; chuyển sang ${handOver.label}` } : { ...row, status: 'dead' };
    });
    await context.log.recordMany(settled);
    const handedOn = next.flatMap((n) => (n ? [n.job] : []));
    if (handedOn.length) await context.placeFollowUps(handedOn, quietHours);
    const outcomes = entries.map((entry, i): { entryId: string; outcome: DigestEntryOutcome } => ({ entryId: entry.id, outcome: next[i] ? 'handed-on' : 'dead' }));
    await context.digests.settle(digestId, outcomes, { status: 'failed' });
    const dead = deliveries.filter((_, i) => !next[i]);
    for (const d of dead) context.outcomes.report(d.notification.workflowId, { idempotencyKey: d.notification.idempotencyKey, channel, role: d.role, status: 'failed', detail: final.reason });
    // Dead entries stay in the dead-letter set with the digest: a replay sends them again.
    if (dead.length) throw new UnrecoverableError(final.reason);
    return { outcome: 'handed-on', to: next.map((n) => n!.label).join(', ') };
  }
}

const outcomesOf = (entries: readonly DigestEntry[], outcome: DigestEntryOutcome) => entries.map((entry) => ({ entryId: entry.id, outcome }));
