// What the notifier needs to know, separate from where it comes from:
// main.ts builds it from libs/config, tests and the benchmark build it directly.
import type { Channel } from '@dondoc/channels';
import type { Channel as ChannelName } from '@dondoc/contracts';
import type { Database } from '@dondoc/db';
import type { DirectorySource } from '@dondoc/directory';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';

import type { NotifierLog, OutcomeReporter } from './outcome-reporter';

export interface ChannelLimits {
  readonly concurrency: number;
  /** At most `max` jobs per `durationMs`, across every notifier (BullMQ keeps the window in Redis). */
  readonly rateLimit: { readonly max: number; readonly durationMs: number };
}

export interface NotifierSettings {
  readonly limits: Readonly<Record<ChannelName, ChannelLimits>>;
  readonly maxAttempts: number;
  /** First retry delay; doubles each attempt. */
  readonly backoffMs: number;
  readonly lockDurationMs: number;
  readonly publicBaseUrl: string;
  readonly linkSigningSecret: string;
  readonly linkTtlDays: number;
  /** Queue names, overridable so each test has its own. */
  readonly queues?: { readonly notifications: string; readonly email: string; readonly zalo: string };
}

export interface NotifierDependencies {
  /** BullMQ connection (maxRetriesPerRequest: null). Workers duplicate it for their blocking reads. */
  readonly redis: Redis;
  readonly db: Kysely<Database>;
  /** Where recipients are looked up, fresh for each reminder (contacts change without a restart). */
  readonly directory: DirectorySource;
  /** Channels that are configured; a missing one is skipped (e.g. Zalo without ZALO_APP_ID). */
  readonly channels: Partial<Readonly<Record<ChannelName, Channel>>>;
  readonly outcomes: OutcomeReporter;
  readonly log: NotifierLog;
  /** @defaultValue Date.now */
  readonly now?: () => number;
}
