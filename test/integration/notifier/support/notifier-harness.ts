// Everything a notifier test needs, real and private to the test file: a
// redis-server, the SMTP sink, the fake ZNS server, a migrated database
// schema, and a notifier started in-process on queue names of its own.
import { WorkingCalendar, loadCalendarOverridesDir } from '@dondoc/calendar';
import { EmailChannel, FakeZnsServer, type FakeZnsServerOptions, ZaloTokenStore, ZnsChannel, DEFAULT_ZNS_TEMPLATE_IDS, type Channel } from '@dondoc/channels';
import { type NotificationJob, reminderKey } from '@dondoc/contracts';
import type { DeliveryMode } from '@dondoc/domain';
import { addCalendarDays, vietnamDate } from '@dondoc/policy';
import type { DirectorySource } from '@dondoc/directory';
import { BullNotificationQueue } from '@dondoc/queue';
import type { RunningRedisServer, SmtpSink, SmtpSinkOptions } from '@dondoc/runtime';
import { startTestRedis, startTestSmtpSink } from '@dondoc/test-harness';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { createTestDatabase, type TestDatabase } from '../../../../libs/db/src/testing';
import { startNotifier, type Notifier } from '../../../../apps/notifier/src/notifier';
import { CatalogRecipientDirectory } from '../../../../apps/notifier/src/recipients';
import { RecordingOutcomeReporter } from '../../../../apps/notifier/src/outcome-reporter';
import type { NotifierSettings } from '../../../../apps/notifier/src/settings';
import { testAgencyIndex } from './directory';

export const LINK_SECRET = 'test-link-secret-0123456789abcdef0123456789';
export const SENDER = '"Đôn Đốc – Sở KH&CN" <dondoc@skhcn.test.example>';
export const REPLY_TO = 'vanphong@skhcn.test.example';
/** The fake ZNS server's OA secret key, which signs its webhook calls. */
export const OA_SECRET = 'test-oa-secret';

export interface NotifierEnvironment {
  readonly redis: RunningRedisServer;
  readonly sink: SmtpSink;
  readonly zns: FakeZnsServer;
  readonly database: TestDatabase;
  readonly connection: Redis;
  stop(): Promise<void>;
}

export async function startEnvironment(options: { sink?: Omit<SmtpSinkOptions, 'smtpPort' | 'webPort'>; zns?: FakeZnsServerOptions } = {}): Promise<NotifierEnvironment> {
  const [redis, sink, zns, database] = await Promise.all([
    startTestRedis(),
    startTestSmtpSink(options.sink ?? {}),
    // The OA secret differs from the app secret, as on Zalo, so mixing them up fails the webhook check.
    new FakeZnsServer({ appId: 'test-app', secretKey: 'test-secret', oaSecretKey: OA_SECRET, ...options.zns }).start(),
    createTestDatabase({ label: 'notifier' }),
  ]);
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  return {
    redis,
    sink,
    zns,
    database,
    connection,
    stop: async () => {
      connection.disconnect();
      await Promise.allSettled([sink.stop(), zns.stop(), database.destroy()]);
      await redis.stop();
    },
  };
}

export interface RunningNotifier {
  readonly notifier: Notifier;
  readonly queue: BullNotificationQueue;
  readonly outcomes: RecordingOutcomeReporter;
  readonly channels: Partial<Record<'email' | 'zalo', Channel>>;
  stop(): Promise<void>;
}

export function notifierSettings(overrides: Partial<NotifierSettings> = {}): NotifierSettings {
  const suffix = randomBytes(4).toString('hex');
  return {
    limits: {
      email: { concurrency: 5, rateLimit: { max: 1_000, durationMs: 1_000 } },
      zalo: { concurrency: 2, rateLimit: { max: 1_000, durationMs: 1_000 } },
    },
    maxAttempts: 4,
    backoffMs: 100,
    lockDurationMs: 5_000,
    publicBaseUrl: 'https://dondoc.test.example',
    linkSigningSecret: LINK_SECRET,
    linkTtlDays: 30,
    queues: { notifications: `n-${suffix}`, email: `e-${suffix}`, zalo: `z-${suffix}` },
    ...overrides,
  };
}

export interface RunOptions {
  readonly settings?: Partial<NotifierSettings>;
  readonly zalo?: boolean;
  readonly email?: boolean;
  readonly now?: () => number;
  /** How each test agency takes its reminders. @defaultValue one message each */
  readonly delivery?: (agencyId: string) => DeliveryMode;
  /** Where recipients come from, e.g. the live directory over a test database. @defaultValue testAgencyIndex */
  readonly directory?: DirectorySource;
}

export function runNotifier(env: NotifierEnvironment, options: RunOptions = {}): RunningNotifier {
  const settings = notifierSettings(options.settings);
  const channels: Partial<Record<'email' | 'zalo', Channel>> = {};
  // `email: false` is a notifier with ZNS only, where no e-mail fallback is possible.
  if (options.email !== false) channels.email = new EmailChannel({ url: env.sink.smtpUrl, poolSize: 3, from: SENDER, replyTo: REPLY_TO });
  if (options.zalo) {
    const tokens = new ZaloTokenStore(env.database.db, { oauthBaseUrl: env.zns.url, appId: 'test-app', secretKey: 'test-secret', initialRefreshToken: env.zns.state.issueRefreshToken() });
    channels.zalo = new ZnsChannel({ baseUrl: env.zns.url, templateIds: DEFAULT_ZNS_TEMPLATE_IDS, mode: 'production', tokens });
  }
  const outcomes = new RecordingOutcomeReporter();
  const notifier = startNotifier(
    {
      redis: env.connection,
      db: env.database.db,
      index: testAgencyIndex(options.delivery),
      ...(options.directory ? { directory: new CatalogRecipientDirectory(options.directory) } : {}),
      calendar: SEED_CALENDAR, channels, outcomes, log: () => undefined, ...(options.now ? { now: options.now } : {}) },
    settings,
  );
  const queue = new BullNotificationQueue(env.connection, settings.queues?.notifications);
  return {
    notifier,
    queue,
    outcomes,
    channels,
    stop: async () => {
      await notifier.close();
      await queue.close();
      await Promise.all(Object.values(channels).map((c) => c.close()));
    },
  };
}

/** The seeds' working-day calendar, as the notifier process loads it. */
export const SEED_CALENDAR = new WorkingCalendar({ overrides: loadCalendarOverridesDir(path.join(__dirname, '../../../../seeds/calendar')) });

/** The due date of the harness's reminders: a week from today, so "còn 7 ngày" holds whenever the tests run. */
export const REMINDER_DUE = addCalendarDays(vietnamDate(Date.now()), 7);
/** REMINDER_DUE as messages show it. */
export const REMINDER_DUE_SHOWN = `${REMINDER_DUE.slice(8, 10)}/${REMINDER_DUE.slice(5, 7)}/${REMINDER_DUE.slice(0, 4)}`;

let counter = 0;

/** A reminder for `agencyId` with one recipient role; every call gets its own idempotency key. */
export function reminder(agencyId: string, overrides: Partial<NotificationJob> = {}): NotificationJob {
  counter += 1;
  const workflowId = `task/kh-thu/nv-${counter}/${agencyId}`;
  return {
    idempotencyKey: reminderKey(workflowId, REMINDER_DUE, `before-7d-${randomBytes(3).toString('hex')}`),
    template: 'reminder-before',
    workflowId,
    planId: 'kh-thu',
    taskId: `nv-${counter}`,
    agencyId,
    cycle: 0,
    stepId: 'before-7d',
    recipients: [{ role: 'focal', channels: ['email'] }],
    data: { taskName: 'Xây dựng cơ sở dữ liệu chuyên ngành về đổi mới sáng tạo', planTitle: 'Kế hoạch thực hiện Nghị quyết 03/NQ-CP', dueDate: REMINDER_DUE, daysLeft: 7, deadlineText: `Trước ngày ${REMINDER_DUE_SHOWN}` },
    scheduledFor: Date.now(),
    ...overrides,
  };
}

/** Polls until `check` passes or the time is up (then throws its last error). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 15_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
}
