// Stage two: one delivery job = one message to one contact on one channel.
// The channel says what a failure means (DeliveryError.action); this file
// turns that into BullMQ terms: throw to retry with backoff, UnrecoverableError
// to dead-letter, or a follow-up job (next contact, e-mail instead of ZNS).
// Every attempt leaves a delivery_log row.
import { type Channel, DeliveryError, renderNotification } from '@dondoc/channels';
import { type Channel as ChannelName, type DeliveryJob, deliveryJobSchema } from '@dondoc/contracts';
import type { DeliveryLogRepository, DeliveryStatus } from '@dondoc/db';
import { createLinkToken, type LinkPurpose } from '@dondoc/links';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';

import { enqueueDelivery } from './dispatch.processor';
import type { OutcomeReporter } from './outcome-reporter';

export interface DeliverContext {
  readonly channels: Partial<Readonly<Record<ChannelName, Channel>>>;
  readonly queues: Readonly<Record<ChannelName, Queue>>;
  readonly log: DeliveryLogRepository;
  readonly outcomes: OutcomeReporter;
  readonly links: { readonly publicBaseUrl: string; readonly secret: string; readonly ttlDays: number };
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
  const record = (status: DeliveryStatus, error: string | null, providerMessageId: string | null = null) =>
    context.log.record({ idempotencyKey: notification.idempotencyKey, channel, recipient: address, agencyId: notification.agencyId, workflowId: notification.workflowId, status, error, providerMessageId, attempt, role, jobId });
  const report = (status: 'delivered' | 'failed', detail: string) =>
    context.outcomes.report(notification.workflowId, { idempotencyKey: notification.idempotencyKey, channel, role, status, detail });

  // A notifier killed after the provider accepted the message but before BullMQ
  // heard of it leaves the job to be run again: the log says it went out.
  if (await context.log.wasSent(jobId)) return { outcome: 'already-sent' };

  try {
    const sender = context.channels[channel];
    if (!sender) throw new DeliveryError(channel === 'zalo' ? 'fallback-email' : 'fail', `kênh ${channel} chưa được cấu hình`, 'channel-off');
    if (channel === 'zalo' && !contact.phone) throw new DeliveryError('fallback-email', 'người nhận không có số điện thoại trong danh mục', 'no-phone');
    const content = renderNotification(notification.template, {
      recipientName: contact.name,
      recipientTitle: contact.title,
      recipientAgency: contact.agencyName,
      agencyName: delivery.leadAgencyName,
      taskName: notification.data.taskName,
      planTitle: notification.data.planTitle,
      dueDate: notification.data.dueDate,
      daysLeft: notification.data.daysLeft,
      deadlineText: notification.data.deadlineText,
      ...(notification.data.reviewComment ? { reviewComment: notification.data.reviewComment } : {}),
      ...signedLink(delivery, context),
      reference: notification.idempotencyKey,
    });
    const receipt = await sender.send({ deliveryKey: jobId, recipient: { name: contact.name, address }, content });
    await record('sent', null, receipt.providerMessageId);
    report('delivered', `${channel} → ${address} (${receipt.providerMessageId})`);
    return { outcome: 'sent', providerMessageId: receipt.providerMessageId };
  } catch (caught) {
    const error = caught instanceof DeliveryError ? caught : new DeliveryError('retry', `lỗi không lường trước: ${(caught as Error).message ?? String(caught)}`, null, { cause: caught });
    if (error.action === 'retry') {
      const last = attempt >= (job.opts.attempts ?? 1);
      await record(last ? 'dead' : 'failed_retryable', last ? `${error.reason} (hết ${attempt} lần thử)` : error.reason);
      if (last) report('failed', error.reason);
      throw error;
    }
    const next = followUp(delivery, error);
    if (next) {
      // Logged before the follow-up exists, so the log reads in the order things happened.
      await record('failed_permanent', `${error.reason}; chuyển sang ${next.label}`);
      // Null when that job already exists (e.g. the step asked for e-mail too): it covers this person.
      const added = await enqueueDelivery(context, next.job);
      return { outcome: 'handed-on', to: added ?? next.label };
    }
    await record('dead', error.reason);
    report('failed', error.reason);
    throw new UnrecoverableError(error.reason);
  }
}

/** The follow-up a permanent failure allows: e-mail instead of ZNS, or the next contact. */
function followUp(delivery: DeliveryJob, error: DeliveryError): { job: DeliveryJob; label: string } | null {
  if (error.action === 'fallback-email' && delivery.channel === 'zalo') {
    return { job: { ...delivery, channel: 'email', fallbackFrom: 'zalo' }, label: 'e-mail' };
  }
  const next = delivery.contacts[delivery.contactIndex + 1];
  if ((error.action === 'next-contact' || error.action === 'fallback-email') && next) {
    return { job: { ...delivery, contactIndex: delivery.contactIndex + 1 }, label: `người liên hệ tiếp theo (${next.name})` };
  }
  return null;
}

/** Report requests and reminders link to the agency's report submission; every other reminder to a task's progress report. */
const linkPurposeOf = (template: DeliveryJob['notification']['template']): LinkPurpose =>
  template === 'report-request' || template === 'report-reminder' ? 'submit-report' : 'report-progress';

function signedLink(delivery: DeliveryJob, context: DeliverContext): { link: string; linkExpiresAt: Date } {
  const expiresAt = context.now() + context.links.ttlDays * 86_400_000;
  const purpose = linkPurposeOf(delivery.notification.template);
  const token = createLinkToken(
    { purpose, subject: delivery.notification.workflowId, agencyId: delivery.notification.agencyId, exp: Math.floor(expiresAt / 1000) },
    context.links.secret,
  );
  return { link: `${context.links.publicBaseUrl.replace(/\/$/, '')}/links/${purpose}?token=${token}`, linkExpiresAt: new Date(expiresAt) };
}
