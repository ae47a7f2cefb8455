// Stage two: one delivery job = one message to one contact on one channel.
// The channel says what a failure means (DeliveryError.action); this file
// turns that into BullMQ terms: throw to retry with backoff, hold the queue
// until the provider's quota resets, UnrecoverableError to dead-letter, or a
// follow-up job (next contact, e-mail instead of ZNS). Every attempt leaves a
// delivery_log row.
import { type Channel, DeliveryError, recordZnsSent, renderNotification, type SendReceipt } from '@dondoc/channels';
import { type Channel as ChannelName, type DeliveryJob, deliveryJobSchema } from '@dondoc/contracts';
import type { Database, DeliveryLogRepository, DeliveryStatus } from '@dondoc/db';
import type { WorkingDayCalendar } from '@dondoc/policy';
import { type Job, type Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Kysely } from 'kysely';

import type { LinkSettings } from './compose/message-links';
import { messageValues } from './compose/message-values';
import { asDeliveryError, finalError, followUp, quotaHoldNote } from './delivery-failures';
import { enqueueDelivery } from './dispatch.processor';
import type { OutcomeReporter } from './outcome-reporter';
import type { SentMarkers } from './sent-markers';

export interface DeliverContext {
  readonly channels: Partial<Readonly<Record<ChannelName, Channel>>>;
  readonly queues: Readonly<Record<ChannelName, Queue>>;
  readonly db: Kysely<Database>;
  readonly log: DeliveryLogRepository;
  /** What the providers accepted, kept apart from the database so a failed log write never sends twice. */
  readonly sent: SentMarkers;
  readonly outcomes: OutcomeReporter;
  readonly links: LinkSettings;
  /** Working days, for the days overdue a message states. */
  readonly calendar: Pick<WorkingDayCalendar, 'isWorkingDay'>;
  readonly now: () => number;
}

export type DeliverResult =
  | { readonly outcome: 'sent'; readonly providerMessageId: string }
  | { readonly outcome: 'already-sent' }
  | { readonly outcome: 'handed-on'; readonly to: string };

export async function deliver(job: Job<DeliveryJob>, context: DeliverContext): Promise<DeliverResult> {
  const delivery = deliveryJobSchema.parse(job.data);
  const jobId = job.id ?? '';
  const { notification, role, channel, contactIndex } = delivery;
  const contact = delivery.contacts[contactIndex];
  if (!contact) throw new UnrecoverableError(`contact ${contactIndex} missing in ${jobId}`);
  const address = channel === 'email' ? contact.email : (contact.phone ?? '');
  const attempt = job.attemptsMade + 1;
  const attemptRow = (status: DeliveryStatus, error: string | null, providerMessageId: string | null = null) =>
    ({ idempotencyKey: notification.idempotencyKey, channel, recipient: address, agencyId: notification.agencyId, workflowId: notification.workflowId, status, error, providerMessageId, attempt, role, jobId });
  const record = (status: DeliveryStatus, error: string | null, providerMessageId: string | null = null) => context.log.record(attemptRow(status, error, providerMessageId));
  const report = (status: 'delivered' | 'failed', detail: string) =>
    context.outcomes.report(notification.workflowId, { idempotencyKey: notification.idempotencyKey, channel, role, status, detail });
  const confirmSent = async (providerMessageId: string): Promise<DeliverResult> => {
    // A ZNS receipt may have come in before this row: recorded together, so it is not lost.
    if (channel === 'zalo') await recordZnsSent(context.db, { ...attemptRow('sent', null), providerMessageId });
    else await record('sent', null, providerMessageId);
    report('delivered', `${channel} → ${address} (${providerMessageId})`);
    return { outcome: 'sent', providerMessageId };
  };

  // A notifier killed after the provider accepted the message but before BullMQ
  // heard of it leaves the job to be run again: the log says it went out.
  if (await context.log.wasSent(jobId)) return { outcome: 'already-sent' };
  // The provider accepted it on an earlier attempt whose log write failed: only the log is retried.
  const accepted = await context.sent.get(jobId);
  if (accepted !== null) return confirmSent(accepted);

  let receipt: SendReceipt;
  try {
    const sender = context.channels[channel];
    if (!sender) throw new DeliveryError(channel === 'zalo' ? 'fallback-email' : 'fail', `kênh ${channel} chưa được cấu hình`, 'channel-off');
    if (channel === 'zalo' && !contact.phone) throw new DeliveryError('fallback-email', 'người nhận không có số điện thoại trong danh mục', 'no-phone');
    const content = renderNotification(notification.template, messageValues(notification, role, contact, delivery.leadAgencyName, { links: context.links, calendar: context.calendar, now: context.now() }));
    receipt = await sender.send({ deliveryKey: jobId, recipient: { name: contact.name, address }, content });
  } catch (caught) {
    const error = asDeliveryError(caught);
    if (error.action === 'retry' && error.retryAt !== null) {
      const wait = Math.max(1_000, error.retryAt - context.now());
      await record('failed_retryable', quotaHoldNote(error, error.retryAt));
      // The quota is the whole account's: hold every job of this channel until it resets, and
      // since BullMQ counts no attempt for a rate-limited job, the reminder can wait without dead-lettering.
      await context.queues[channel].rateLimit(wait);
      throw Worker.RateLimitError();
    }
    const last = attempt >= (job.opts.attempts ?? 1);
    if (error.action === 'retry' && !last) {
      await record('failed_retryable', error.reason);
      throw error;
    }
    // Retries spent on ZNS count as a permanent ZNS failure: the reminder goes by e-mail.
    const final = finalError(error, channel, attempt);
    const next = followUp(delivery, final, context.channels);
    if (next) {
      // Logged before the follow-up exists, so the log reads in the order things happened.
      await record('failed_permanent', `${final.reason}; chuyển sang ${next.label}`);
      // Null when that job already exists (e.g. the step asked for e-mail too): it covers this person.
      const added = await enqueueDelivery(context, next.job);
      return { outcome: 'handed-on', to: added ?? next.label };
    }
    await record('dead', final.reason);
    report('failed', final.reason);
    throw new UnrecoverableError(final.reason);
  }
  // From here on the message is out: whatever fails now must not send it again.
  await context.sent.mark(jobId, receipt.providerMessageId);
  return confirmSent(receipt.providerMessageId);
}
