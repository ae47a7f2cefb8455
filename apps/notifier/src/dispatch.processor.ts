// Stage one: a reminder (NotificationJob) becomes one delivery job per
// (role, channel) on the channel queues, after the recipients are resolved
// against today's directory (contacts as the database holds them at this
// moment) and quiet hours are respected. Every add uses the
// delivery job id, so a retried or duplicated dispatch adds nothing twice.
import { type AgencyIndex, resolveSuccessor } from '@dondoc/catalog';
import { type Channel, type DeliveryJob, deliveryJobId, type NotificationJob, notificationJobSchema } from '@dondoc/contracts';
import type { DeliveryLogRepository } from '@dondoc/db';
import type { DirectorySource } from '@dondoc/directory';
import type { Queue } from 'bullmq';

import type { OutcomeReporter } from './outcome-reporter';
import { quietHoursDelay, vietnamIsoDate } from './quiet-hours';
import { channelsFor, preferencesOf, resolveRecipient } from './recipients';

export interface DispatchContext {
  readonly directory: DirectorySource;
  readonly queues: Readonly<Record<Channel, Queue>>;
  readonly enabled: ReadonlySet<Channel>;
  readonly log: DeliveryLogRepository;
  readonly outcomes: OutcomeReporter;
  readonly now: () => number;
}

export interface DispatchResult {
  readonly added: string[];
  readonly unresolved: string[];
}

export async function dispatchNotification(data: NotificationJob, context: DispatchContext): Promise<DispatchResult> {
  const job = notificationJobSchema.parse(data);
  const now = context.now();
  const today = vietnamIsoDate(now);
  const index = await context.directory.current();
  const leadAgencyName = leadAgencyNameOn(index, job.agencyId, today);
  const added: string[] = [];
  const unresolved: string[] = [];
  for (const { role, channels } of job.recipients) {
    const recipient = resolveRecipient(index, job.agencyId, role, today);
    if (!recipient.ok) {
      // Nobody to send to (e.g. a dissolved agency): recorded, reported, not retried.
      unresolved.push(role);
      await context.log.record({ idempotencyKey: job.idempotencyKey, channel: channels[0] ?? 'email', recipient: `(${role})`, agencyId: job.agencyId, workflowId: job.workflowId, status: 'dead', error: `không xác định được người nhận: ${recipient.reason}`, attempt: 0, role });
      context.outcomes.report(job.workflowId, { idempotencyKey: job.idempotencyKey, channel: channels[0] ?? 'email', role, status: 'failed', detail: recipient.reason });
      continue;
    }
    const preferences = preferencesOf(recipient);
    const delay = quietHoursDelay(preferences?.quietHours ?? null, now);
    for (const channel of channelsFor(channels, preferences, context.enabled)) {
      const delivery: DeliveryJob = { notification: job, role, channel, leadAgencyName, contacts: recipient.contacts, contactIndex: 0 };
      const id = await enqueueDelivery(context, delivery, delay);
      if (id) added.push(id);
    }
  }
  return { added, unresolved };
}

/** Adds a delivery job unless one with its id exists; records the "queued" row once. Returns the id when added. */
export async function enqueueDelivery(context: Pick<DispatchContext, 'queues' | 'log'>, delivery: DeliveryJob, delay = 0): Promise<string | null> {
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

/** The task's agency as it is called today (its successor after a merger). */
function leadAgencyNameOn(index: AgencyIndex, agencyId: string, today: string): string {
  if (!index.agency(agencyId)) return index.nameOf(agencyId);
  return resolveSuccessor(index, agencyId, today).agency?.name ?? index.nameOf(agencyId);
}
