import { NOTIFICATION_QUEUE, type NotificationJob, notificationJobSchema } from '@dondoc/contracts';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export interface EnqueueResult {
  /** False when a job with the same idempotency key was already queued (or done): nothing was added. */
  enqueued: boolean;
  jobId: string;
}

/** Where workflows' activities hand reminders over to delivery. */
export interface NotificationQueue {
  enqueue(job: NotificationJob): Promise<EnqueueResult>;
  /**
   * A day after the hand-over: puts the job back if the queue lost it (e.g. Redis
   * restarted without persistence); a no-op when it is still there or was delivered.
   */
  ensureQueued(job: NotificationJob): Promise<EnqueueResult>;
  close(): Promise<void>;
}

/**
 * BullMQ-backed queue. The job id is the idempotency key, so a retried or replayed
 * activity adds nothing new. Finished jobs are kept for 30 days so a late duplicate
 * is still recognised; the delivery log in the database is the long-term record.
 */
export class BullNotificationQueue implements NotificationQueue {
  private readonly queue: Queue;

  constructor(connection: Redis, queueName = NOTIFICATION_QUEUE) {
    this.queue = new Queue(queueName, {
      connection,
      defaultJobOptions: {
        attempts: 8,
        backoff: { type: 'exponential', delay: 5_000, jitter: 0.3 },
        removeOnComplete: { age: 30 * 24 * 3600 },
        removeOnFail: false,
      },
    });
  }

  async enqueue(job: NotificationJob): Promise<EnqueueResult> {
    const parsed = notificationJobSchema.safeParse(job);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(job)'}: ${issue.message}`);
      throw new Error(`invalid notification job ${job.idempotencyKey}: ${problems.join('; ')}`);
    }
    const payload = parsed.data;
    const jobId = payload.idempotencyKey;
    // add() with a taken id is a no-op in BullMQ, which is what makes duplicates
    // harmless; the look-up only tells the caller which case it was (two racing
    // first adds may both say `enqueued`, yet only one job exists).
    if (await this.queue.getJob(jobId)) return { enqueued: false, jobId };
    await this.queue.add(payload.template, payload, { jobId });
    return { enqueued: true, jobId };
  }

  /** Finished jobs are kept 30 days, so a job missing a day later was lost, not delivered. */
  ensureQueued(job: NotificationJob): Promise<EnqueueResult> {
    return this.enqueue(job);
  }

  /** For operators and tests: how many jobs wait, run, failed. */
  counts() {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
