// Stage one: a reminder (NotificationJob) becomes deliveries, one per (role,
// channel), after the recipients are resolved against today's directory (the
// contacts as the database holds them at this moment). By
// default a delivery joins its recipient's daily digest (digest/); an agency
// that prefers one message per reminder (`delivery: each`) gets a delivery job
// on the channel queue, held through its quiet hours. Every add is keyed by the
// delivery job id, so a retried or duplicated dispatch adds nothing twice.
import { type Channel, type DeliveryJob, deliveryJobId, type NotificationJob, notificationJobSchema } from '@dondoc/contracts';
import type { DeliveryLogRepository } from '@dondoc/db';
import type { Queue } from 'bullmq';

import { personAddress } from './digest/digest-slots';
import { type DigestRequest, type PlacementContext, placeInDigests } from './digest/place-entries';
import type { OutcomeReporter } from './outcome-reporter';
import { quietHoursDelay, vietnamIsoDate } from './quiet-hours';
import { channelsFor, preferencesOf, type RecipientDirectory } from './recipients';

export interface DispatchContext extends PlacementContext {
  readonly directory: RecipientDirectory;
  readonly enabled: ReadonlySet<Channel>;
  readonly log: DeliveryLogRepository;
  readonly outcomes: OutcomeReporter;
}

export interface DispatchResult {
  /** Delivery jobs added (agencies that take one message per reminder). */
  readonly added: string[];
  /** Digests the deliveries joined. */
  readonly digests: string[];
  readonly unresolved: string[];
}

export async function dispatchNotification(data: NotificationJob, context: DispatchContext): Promise<DispatchResult> {
  const job = notificationJobSchema.parse(data);
  const now = context.now();
  const today = vietnamIsoDate(now);
  const leadAgencyName = await context.directory.leadAgencyName(job.agencyId, today);
  const added: string[] = [];
  const unresolved: string[] = [];
  const toDigest: DigestRequest[] = [];
  const fail = async (role: DeliveryJob['role'], channel: Channel, recipient: string, reason: string, jobId?: string) => {
    await context.log.record({ idempotencyKey: job.idempotencyKey, channel, recipient, agencyId: job.agencyId, workflowId: job.workflowId, status: 'dead', error: reason, attempt: 0, role, jobId: jobId ?? null });
    context.outcomes.report(job.workflowId, { idempotencyKey: job.idempotencyKey, channel, role, status: 'failed', detail: reason });
  };
  for (const { role, channels } of job.recipients) {
    const recipient = await context.directory.resolve(job.agencyId, role, today);
    if (!recipient.ok) {
      // Nobody to send to (e.g. a dissolved agency): recorded, reported, not retried.
      unresolved.push(role);
      await fail(role, channels[0] ?? 'email', `(${role})`, `không xác định được người nhận: ${recipient.reason}`);
      continue;
    }
    const preferences = preferencesOf(recipient);
    const quietHours = preferences?.quietHours ?? null;
    for (const channel of channelsFor(channels, preferences, context.enabled)) {
      const delivery: DeliveryJob = { notification: job, role, channel, leadAgencyName, contacts: recipient.contacts, contactIndex: 0 };
      if (preferences?.delivery === 'each') {
        const id = await enqueueDelivery(context, delivery, quietHoursDelay(quietHours, now));
        if (id) added.push(id);
      } else if (channel === 'zalo' && !personAddress('zalo', recipient.contacts[0]!)) {
        // No phone in the directory: the person's e-mail digest carries it.
        const jobId = deliveryJobId(job.idempotencyKey, role, 'zalo');
        if (!context.enabled.has('email')) await fail(role, 'zalo', '', 'người nhận không có số điện thoại trong danh mục', jobId);
        else {
          await context.log.record({ idempotencyKey: job.idempotencyKey, channel: 'zalo', recipient: '', agencyId: job.agencyId, workflowId: job.workflowId, status: 'failed_permanent', error: 'người nhận không có số điện thoại trong danh mục; chuyển sang e-mail', attempt: 0, role, jobId });
          toDigest.push({ delivery: { ...delivery, channel: 'email', fallbackFrom: 'zalo' }, quietHours });
        }
      } else toDigest.push({ delivery, quietHours });
    }
  }
  const placements = await placeInDigests(context, toDigest);
  return { added, digests: [...new Set(placements.map((p) => p.digestId))], unresolved };
}

/** Adds a delivery job unless one with its id exists; records the "queued" row once. Returns the id when added. */
export async function enqueueDelivery(context: { readonly queues: Readonly<Record<Channel, Queue>>; readonly log: DeliveryLogRepository }, delivery: DeliveryJob, delay = 0): Promise<string | null> {
  const { notification, role, channel, contactIndex } = delivery;
  const jobId = deliveryJobId(notification.idempotencyKey, role, channel, contactIndex);
  const queue = context.queues[channel];
  if (await queue.getJob(jobId)) return null;
  const contact = delivery.contacts[contactIndex];
  await context.log.record({
    idempotencyKey: notification.idempotencyKey,
    channel,
    recipient: (channel === 'email' ? contact?.email : contact?.phone) ?? '',
    agencyId: notification.agencyId,
    workflowId: notification.workflowId,
    status: 'queued',
    error: delay > 0 ? `giờ không làm phiền: gửi sau ${Math.ceil(delay / 60_000)} phút` : null,
    attempt: 0,
    role,
    jobId,
  });
  // After the "queued" row, so the log never shows an attempt before its queueing.
  await queue.add(notification.template, delivery, { jobId, ...(delay > 0 ? { delay } : {}) });
  return jobId;
}
