// Puts deliveries into their recipients' digests: one transaction for all the
// deliveries of a reminder, then one job per digest touched (a job id that
// exists already is a no-op). Run again after a crash, nothing is placed twice
// (the delivery key is unique) and the digest's job is added if it was lost.
import { type Channel, DIGEST_JOB, type DeliveryJob, deliveryJobId, type DigestJob } from '@dondoc/contracts';
import type { DigestRepository, EntryPlacement, JsonObject } from '@dondoc/db';
import type { QuietHours } from '@dondoc/domain';
import type { WorkingDayCalendar } from '@dondoc/policy';
import type { Queue } from 'bullmq';

import { digestSlots, type DigestTiming, personAddress } from './digest-slots';

export interface PlacementContext {
  readonly digests: DigestRepository;
  readonly queues: Readonly<Record<Channel, Queue>>;
  readonly calendar: Pick<WorkingDayCalendar, 'addWorkingDays' | 'nextOfficeMoment'>;
  readonly timing: DigestTiming;
  readonly now: () => number;
}

export interface DigestRequest {
  readonly delivery: DeliveryJob;
  /** Quiet hours of the recipient's agency: the digest waits for their end. */
  readonly quietHours: QuietHours | null;
}

const ddmm = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** Places each delivery (its contact must have an address on its channel) and returns where each went. */
export async function placeInDigests(context: PlacementContext, requests: readonly DigestRequest[]): Promise<EntryPlacement[]> {
  if (requests.length === 0) return [];
  const now = context.now();
  const placements = await context.digests.place(
    requests.map(({ delivery, quietHours }) => {
      const { notification, role, channel, contactIndex } = delivery;
      const contact = delivery.contacts[contactIndex];
      const address = contact ? personAddress(channel, contact) : null;
      if (!contact || !address) throw new Error(`no ${channel} address for contact ${contactIndex} of ${notification.idempotencyKey}`);
      return {
        entry: {
          deliveryKey: deliveryJobId(notification.idempotencyKey, role, channel, contactIndex),
          idempotencyKey: notification.idempotencyKey,
          workflowId: notification.workflowId,
          delivery: delivery as unknown as JsonObject,
          queuedRow: (slot) => ({
            idempotencyKey: notification.idempotencyKey,
            channel,
            recipient: channel === 'email' ? contact.email : (contact.phone ?? ''),
            agencyId: notification.agencyId,
            workflowId: notification.workflowId,
            status: 'queued',
            error: `trong thư tổng hợp ngày ${ddmm(slot.day)}`,
            attempt: 0,
            role,
          }),
        },
        candidates: digestSlots({ channel, address, agencyId: contact.agencyId, quietHours }, now, context.calendar, context.timing),
      };
    }),
    new Date(now + context.timing.windowMs),
  );
  const toSchedule = new Map<string, { channel: Channel; sendAfter: Date }>();
  for (const [i, placement] of placements.entries()) {
    if (placement.digestStatus === 'open' || placement.digestStatus === 'sealed') toSchedule.set(placement.digestId, { channel: requests[i]!.delivery.channel, sendAfter: placement.sendAfter });
  }
  for (const [digestId, { channel, sendAfter }] of toSchedule) {
    const data: DigestJob = { digestId };
    // The job looks at send_after again when it fires: later entries may have moved it on.
    await context.queues[channel].add(DIGEST_JOB, data, { jobId: digestId, delay: Math.max(0, sendAfter.getTime() - now) });
  }
  return placements;
}
