// The notifier: a dispatcher worker on the reminders queue and one worker per
// channel queue, each with its own concurrency, rate limit and retry policy.
// close() stops taking jobs and waits for the ones in flight (worker.close()).
import { DeliveryLogRepository, DigestRepository } from '@dondoc/db';
import type { QuietHours } from '@dondoc/domain';
import { type Channel, type DeliveryJob, DIGEST_JOB, type DigestJob, EMAIL_QUEUE, NOTIFICATION_QUEUE, ZALO_QUEUE } from '@dondoc/contracts';
import { fixedDirectory } from '@dondoc/directory';
import { type DefaultJobOptions, type Job, Queue, Worker } from 'bullmq';

import { deliver } from './deliver.processor';
import { deliverDigest } from './digest/deliver-digest';
import { DEFAULT_DIGEST_TIMING } from './digest/digest-slots';
import { placeInDigests } from './digest/place-entries';
import { dispatchNotification } from './dispatch.processor';
import { CatalogRecipientDirectory } from './recipients';
import { RedisSentMarkers } from './sent-markers';
import type { NotifierDependencies, NotifierSettings } from './settings';

export interface Notifier {
  readonly queues: { readonly email: Queue; readonly zalo: Queue };
  readonly workers: readonly Worker[];
  close(): Promise<void>;
}

/** Finished jobs are kept this long so a late duplicate enqueue is still recognised as one. */
const KEEP_COMPLETED_SECONDS = 30 * 24 * 3600;

export function startNotifier(deps: NotifierDependencies, settings: NotifierSettings): Notifier {
  const names = settings.queues ?? { notifications: NOTIFICATION_QUEUE, email: EMAIL_QUEUE, zalo: ZALO_QUEUE };
  const now = deps.now ?? Date.now;
  const jobOptions: DefaultJobOptions = {
    attempts: settings.maxAttempts,
    // ±50 % jitter: after a relay outage, retries do not all return in the same second.
    backoff: { type: 'exponential', delay: settings.backoffMs, jitter: 0.5 },
    removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
    // Failed jobs are the dead-letter set: kept until replayed or removed by an operator.
    removeOnFail: false,
  };
  const queues = {
    email: new Queue(names.email, { connection: deps.redis, defaultJobOptions: jobOptions }),
    zalo: new Queue(names.zalo, { connection: deps.redis, defaultJobOptions: jobOptions }),
  };
  const log = new DeliveryLogRepository(deps.db);
  const digests = new DigestRepository(deps.db);
  const placement = { digests, queues, calendar: deps.calendar, timing: settings.digest ?? DEFAULT_DIGEST_TIMING, now };
  const enabled = new Set(Object.keys(deps.channels) as Channel[]);
  const dispatchContext = { ...placement, directory: deps.directory ?? new CatalogRecipientDirectory(fixedDirectory(deps.index)), enabled, log, outcomes: deps.outcomes };
  // A killed notifier's jobs come back after the lock expires; a few kills in a
  // row must not dead-letter a reminder that was never attempted.
  const lockOptions = { lockDuration: settings.lockDurationMs, stalledInterval: settings.lockDurationMs, maxStalledCount: 3 };

  const workers: Worker[] = [
    new Worker(names.notifications, (job) => dispatchNotification(job.data, dispatchContext), {
      connection: deps.redis,
      // Dispatching is a few Redis and database round trips per reminder: I/O-bound, so a wide window.
      concurrency: 16,
      ...lockOptions,
    }),
  ];
  const deliverContext = {
    channels: deps.channels,
    queues,
    db: deps.db,
    log,
    sent: new RedisSentMarkers(deps.redis, `dondoc:${names.notifications}`),
    outcomes: deps.outcomes,
    links: { publicBaseUrl: settings.publicBaseUrl, secret: settings.linkSigningSecret, ttlDays: settings.linkTtlDays },
    calendar: deps.calendar,
    digests,
    placeFollowUps: (deliveries: readonly DeliveryJob[], quietHours: QuietHours | null) => placeInDigests(placement, deliveries.map((delivery) => ({ delivery, quietHours }))),
    now,
  };
  for (const channel of ['email', 'zalo'] as const) {
    if (!deps.channels[channel]) continue;
    const limits = settings.limits[channel];
    workers.push(
      // One queue per channel carries both kinds of job: a daily digest, and a single reminder for agencies that take one message each.
      new Worker(names[channel], (job, token) => (job.name === DIGEST_JOB ? deliverDigest(job as Job<DigestJob>, token, deliverContext) : deliver(job, deliverContext)), {
        connection: deps.redis,
        concurrency: limits.concurrency,
        limiter: { max: limits.rateLimit.max, duration: limits.rateLimit.durationMs },
        // A hold until Zalo's quota resets can last hours; look again every few seconds so a hold
        // lifted early (quota raised, key removed by an operator) is noticed at once.
        maximumRateLimitDelay: 5_000,
        ...lockOptions,
      }),
    );
  }
  for (const worker of workers) worker.on('error', (error) => deps.log(`${worker.name}: ${error.message}`));

  let closing: Promise<void> | null = null;
  return {
    queues,
    workers,
    close: () => {
      closing ??= (async () => {
        await Promise.all(workers.map((worker) => worker.close()));
        await Promise.all([queues.email.close(), queues.zalo.close()]);
        await deps.outcomes.close();
      })();
      return closing;
    },
  };
}
