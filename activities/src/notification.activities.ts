import type { NotificationJob } from '@dondoc/contracts';
import type { EnqueueResult, NotificationQueue } from '@dondoc/queue';

export function createNotificationActivities(queue: NotificationQueue) {
  return {
    /** Hands one reminder to delivery. Safe to retry: the idempotency key is the job id. */
    async enqueueNotification(job: NotificationJob): Promise<EnqueueResult> {
      return queue.enqueue(job);
    },
    /** A day later: re-adds the reminder if the queue lost it (same key: never a second copy). */
    async ensureNotificationQueued(job: NotificationJob): Promise<EnqueueResult> {
      return queue.ensureQueued(job);
    },
  };
}
