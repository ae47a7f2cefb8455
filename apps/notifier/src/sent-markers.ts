// "The provider accepted this delivery job", written to Redis the moment the
// relay or Zalo says yes, before the delivery log row. If the database write
// then fails, BullMQ retries the job and the retry finds the marker: it writes
// the log row and sends nothing. Redis is where the job itself lives, so the
// marker is as durable as the job it guards.
import type { Redis } from 'ioredis';

export interface SentMarkers {
  /** Records the provider's id for a delivery job that went out. */
  mark(jobId: string, providerMessageId: string): Promise<void>;
  /** The provider's id when the job already went out, else null. */
  get(jobId: string): Promise<string | null>;
}

/** As long as finished jobs are kept: a replay within that time is recognised. */
const KEEP_SECONDS = 30 * 24 * 3600;

export class RedisSentMarkers implements SentMarkers {
  constructor(
    private readonly redis: Redis,
    /** Queue-specific, so notifiers on separate queue names (tests) never see each other's marks. */
    private readonly prefix: string,
  ) {}

  async mark(jobId: string, providerMessageId: string): Promise<void> {
    await this.redis.set(this.key(jobId), providerMessageId, 'EX', KEEP_SECONDS);
  }

  get(jobId: string): Promise<string | null> {
    return this.redis.get(this.key(jobId));
  }

  private key(jobId: string): string {
    return `${this.prefix}:sent:${jobId}`;
  }
}
