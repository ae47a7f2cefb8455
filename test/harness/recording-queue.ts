import { deliveryOutcomeSignal, type NotificationJob } from '@dondoc/contracts';
import type { EnqueueResult, NotificationQueue } from '@dondoc/queue';
import type { Client } from '@temporalio/client';

/**
 * A NotificationQueue that keeps what workflows hand over, with the same
 * idempotency rule as BullMQ (one job per key), for workflow tests.
 */
export class RecordingNotificationQueue implements NotificationQueue {
  readonly jobs: NotificationJob[] = [];

  /**
   * @param reportOutcomesWith when given, each new job is reported back to its workflow as
   *   delivered, as the notifier does; without it the workflow hears nothing (a lost delivery).
   */
  constructor(private readonly reportOutcomesWith?: Client) {}

  /** Every call, duplicates included, to prove retries and replays add nothing. */
  calls = 0;

  async enqueue(job: NotificationJob): Promise<EnqueueResult> {
    this.calls++;
    const duplicate = this.jobs.some((j) => j.idempotencyKey === job.idempotencyKey);
    if (!duplicate) this.jobs.push(job);
    if (!duplicate && this.reportOutcomesWith) {
      const [recipient] = job.recipients;
      await this.reportOutcomesWith.workflow.getHandle(job.workflowId).signal(deliveryOutcomeSignal, {
        idempotencyKey: job.idempotencyKey,
        channel: recipient?.channels[0] ?? 'email',
        role: recipient?.role ?? 'focal',
        status: 'delivered',
        detail: 'recorded by the test queue',
      });
    }
    return { enqueued: !duplicate, jobId: job.idempotencyKey };
  }

  /** Hand-overs checked again a day later, and how many of them had been lost and were put back. */
  ensureCalls = 0;
  requeued: NotificationJob[] = [];

  async ensureQueued(job: NotificationJob): Promise<EnqueueResult> {
    this.ensureCalls++;
    const present = this.jobs.some((j) => j.idempotencyKey === job.idempotencyKey) && !this.lost.has(job.idempotencyKey);
    if (present) return { enqueued: false, jobId: job.idempotencyKey };
    this.lost.delete(job.idempotencyKey);
    this.requeued.push(job);
    return { enqueued: true, jobId: job.idempotencyKey };
  }

  private readonly lost = new Set<string>();
  /** Simulates a queue entry lost before delivery (e.g. Redis restarted without persistence). */
  lose(idempotencyKey: string): void {
    this.lost.add(idempotencyKey);
  }

  async close(): Promise<void> {}

  steps(): string[] {
    return this.jobs.map((j) => `${j.stepId}@${new Date(j.scheduledFor + 7 * 3_600_000).toISOString().slice(0, 10)}`);
  }
}
