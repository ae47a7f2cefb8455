// The dead-letter set is each delivery queue's failed set: jobs that ran out
// of attempts or failed permanently. Replaying moves them back to waiting with
// fresh attempts, under the same job id, so a replay is still exactly one send.
import { EMAIL_QUEUE, NOTIFICATION_QUEUE, ZALO_QUEUE } from '@dondoc/contracts';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export const DEAD_LETTER_QUEUES = [NOTIFICATION_QUEUE, EMAIL_QUEUE, ZALO_QUEUE] as const;

export interface DeadLetter {
  readonly queue: string;
  readonly jobId: string;
  readonly failedReason: string;
  readonly attemptsMade: number;
  readonly failedAt: number | null;
}

export interface ReplayResult {
  readonly replayed: DeadLetter[];
  /** Requested ids that are not dead-lettered in any queue. */
  readonly notFound: string[];
}

export async function listDeadLetters(connection: Redis, queueNames: readonly string[] = DEAD_LETTER_QUEUES): Promise<DeadLetter[]> {
  const letters: DeadLetter[] = [];
  for (const name of queueNames) {
    const queue = new Queue(name, { connection });
    try {
      for (const job of await queue.getFailed(0, -1)) {
        if (!job.id) continue;
        letters.push({ queue: name, jobId: job.id, failedReason: job.failedReason, attemptsMade: job.attemptsMade, failedAt: job.finishedOn ?? null });
      }
    } finally {
      await queue.close();
    }
  }
  return letters;
}

/** Replays the given dead-lettered job ids, or all of them when `jobIds` is null. */
export async function replayDeadLetters(connection: Redis, jobIds: readonly string[] | null, queueNames: readonly string[] = DEAD_LETTER_QUEUES): Promise<ReplayResult> {
  const wanted = jobIds === null ? null : new Set(jobIds);
  const replayed: DeadLetter[] = [];
  for (const name of queueNames) {
    const queue = new Queue(name, { connection });
    try {
      for (const job of await queue.getFailed(0, -1)) {
        if (!job.id || (wanted && !wanted.has(job.id))) continue;
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        replayed.push({ queue: name, jobId: job.id, failedReason: job.failedReason, attemptsMade: job.attemptsMade, failedAt: job.finishedOn ?? null });
      }
    } finally {
      await queue.close();
    }
  }
  const found = new Set(replayed.map((r) => r.jobId));
  return { replayed, notFound: jobIds === null ? [] : jobIds.filter((id) => !found.has(id)) };
}
