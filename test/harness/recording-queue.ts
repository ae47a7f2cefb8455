import type { NotificationJob } from '@dondoc/contracts';
import type { EnqueueResult, NotificationQueue } from '@dondoc/queue';

/**
 * A NotificationQueue that keeps what workflows hand over, with the same
 * idempotency rule as BullMQ (one job per key), for workflow tests.
 */
export class RecordingNotificationQueue implements NotificationQueue {
  readonly jobs: NotificationJob[] = [];
  /** Every call, duplicates included, to prove retries and replays add nothing. */
  calls = 0;

  async enqueue(job: NotificationJob): Promise<EnqueueResult> {
    this.calls++;
    const duplicate = this.jobs.some((j) => j.idempotencyKey === job.idempotencyKey);
    if (!duplicate) this.jobs.push(job);
    return { enqueued: !duplicate, jobId: job.idempotencyKey };
  }

  async close(): Promise<void> {}

  steps(): string[] {
    return this.jobs.map((j) => `${j.stepId}@${new Date(j.scheduledFor + 7 * 3_600_000).toISOString().slice(0, 10)}`);
  }
}
