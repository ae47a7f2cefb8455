import type { LinkKeys } from '@dondoc/links';

// What the notifier needs to know, separate from where it comes from:
// main.ts builds it from libs/config, tests and the benchmark build it directly.
import type { AgencyIndex } from '@dondoc/catalog';
import type { Channel } from '@dondoc/channels';
import type { Channel as ChannelName } from '@dondoc/contracts';
import type { Database } from '@dondoc/db';
import type { WorkingDayCalendar } from '@dondoc/policy';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';

import type { DigestTiming } from './digest/digest-slots';
import type { NotifierLog, OutcomeReporter } from './outcome-reporter';
import type { RecipientDirectory } from './recipients';

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
  /** A bare secret (the key k0) or the rotating key ring. */
  readonly linkSigningSecret: LinkKeys;
  readonly linkTtlDays: number;
  /** When daily digests go out. @defaultValue DEFAULT_DIGEST_TIMING */
  readonly digest?: DigestTiming;
  /** Queue names, overridable so each test has its own. */
  readonly queues?: { readonly notifications: string; readonly email: string; readonly zalo: string };
}

export interface NotifierDependencies {
  /** BullMQ connection (maxRetriesPerRequest: null). Workers duplicate it for their blocking reads. */
  readonly redis: Redis;
  readonly db: Kysely<Database>;
  readonly index: AgencyIndex;
  /** Who receives what; main.ts passes the live directory (contacts from the database). @defaultValue the fixed directory of `index` */
  readonly directory?: RecipientDirectory;
  /** The working-day calendar of seeds/calendar: days overdue are stated in working days too. */
  readonly calendar: WorkingDayCalendar;
  /** Channels that are configured; a missing one is skipped (e.g. Zalo without ZALO_APP_ID). */
  readonly channels: Partial<Readonly<Record<ChannelName, Channel>>>;
  readonly outcomes: OutcomeReporter;
  readonly log: NotifierLog;
  /** @defaultValue Date.now */
  readonly now?: () => number;
}
