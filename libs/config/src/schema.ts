import { z } from 'zod';

// Every setting of Đôn Đốc, read from environment variables. Each default is the
// embedded development setup that `npm start` brings up; production sets them all.
// Keep docs/configuration.md and docker-compose.yml in step with this list
// (a test checks docker-compose against it).

const url = (protocols: string[]) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);

const port = z.coerce.number().int().min(1).max(65_535);
const positiveInt = z.coerce.number().int().positive();
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
/**
 * Express's `trust proxy`: off, a number of proxy hops, or a comma-separated list of proxy addresses and
 * subnets ("loopback", "10.0.0.0/8", "::1"). Never `true`, which would believe any client's X-Forwarded-For.
 */
const trustProxy = z
  .string()
  .trim()
  .refine(
    (value) =>
      value === 'false' ||
      /^\d{1,2}$/.test(value) ||
      value.split(',').every((item) => /^(loopback|linklocal|uniquelocal)$/.test(item.trim()) || /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(item.trim())),
    'must be false, a hop count (e.g. 1) or a comma-separated list of proxy addresses or subnets (e.g. loopback, 10.0.0.0/8)',
  )
  .transform((value): false | number | string[] => (value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value.split(',').map((item) => item.trim())));

const secret = z.string().min(32, 'must be at least 32 characters (generate one with `openssl rand -hex 32`)');

export const environmentSchema = z.object({
  /** Deployment mode; `production` refuses development secrets. @defaultValue development */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** pino log level. @defaultValue info */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Folder for local state of the embedded runtime (Temporal SQLite, PGlite, Redis AOF, report files). @defaultValue .dondoc */
  DONDOC_DATA_DIR: z.string().min(1).default('.dondoc'),
  /** Folder with plans, agencies, policies and calendar overrides. @defaultValue seeds */
  DONDOC_SEEDS_DIR: z.string().min(1).default('seeds'),

  /** Temporal frontend host:port. @defaultValue localhost:7233 */
  TEMPORAL_ADDRESS: z.string().regex(/^[\w.-]+:\d+$/, 'must be host:port, e.g. localhost:7233').default('localhost:7233'),
  /** Temporal namespace. @defaultValue default */
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** Task queue the worker polls. @defaultValue dondoc-tasks */
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('dondoc-tasks'),
  /** Port of the Temporal web UI started by the embedded runtime. @defaultValue 8233 */
  TEMPORAL_UI_PORT: port.default(8233),

  /** Redis for the BullMQ delivery queues. @defaultValue redis://127.0.0.1:6379 */
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  /** PostgreSQL URL; unset means embedded PGlite under DONDOC_DATA_DIR. */
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),

  /** SMTP relay, e.g. smtps://user:pass@relay:465 or smtp://relay:587 (STARTTLS). @defaultValue smtp://127.0.0.1:1025 */
  SMTP_URL: url(['smtp:', 'smtps:']).default('smtp://127.0.0.1:1025'),
  /** Sender of every e-mail. @defaultValue "Đôn Đốc – Sở KH&CN" <dondoc@skhcn.kontum.example> */
  SMTP_FROM: z.string().min(3).default('"Đôn Đốc – Sở KH&CN" <dondoc@skhcn.kontum.example>'),
  /** Reply-To: the Sở KH&CN focal point. @defaultValue vanphong@skhcn.kontum.example */
  SMTP_REPLY_TO: z.email().default('vanphong@skhcn.kontum.example'),
  /** Pooled SMTP connections. @defaultValue 5 */
  SMTP_POOL_SIZE: positiveInt.default(5),
  /** DKIM signing domain (set the three DKIM variables together or none). */
  SMTP_DKIM_DOMAIN: z.string().optional(),
  /** DKIM selector: the DNS record `<selector>._domainkey.<domain>` holds the public key. */
  SMTP_DKIM_SELECTOR: z.string().optional(),
  /** DKIM private key, PEM. */
  SMTP_DKIM_PRIVATE_KEY: z.string().optional(),
  /** Port of the local SMTP sink started by the embedded runtime. @defaultValue 1025 */
  SMTP_SINK_PORT: port.default(1025),
  /** Port of the sink's web inbox. @defaultValue 1080 */
  SMTP_SINK_WEB_PORT: port.default(1080),

  /** Base URL of the ZNS API. @defaultValue https://business.openapi.zalo.me */
  ZALO_ZNS_BASE_URL: url(['http:', 'https:']).default('https://business.openapi.zalo.me'),
  /** Base URL of Zalo OAuth (token refresh). @defaultValue https://oauth.zaloapp.com */
  ZALO_OAUTH_BASE_URL: url(['http:', 'https:']).default('https://oauth.zaloapp.com'),
  /** Zalo app id (OAuth token refresh); unset means no real ZNS account. */
  ZALO_APP_ID: z.string().optional(),
  /** Zalo app secret key, sent as the `secret_key` header of the token refresh. */
  ZALO_SECRET_KEY: z.string().optional(),
  /** OA secret key Zalo signs webhooks with (not the app secret). Required in production when ZALO_APP_ID is set. */
  ZALO_OA_SECRET_KEY: z.string().optional(),
  /** Initial refresh token; rotated ones are stored in the database. */
  ZALO_REFRESH_TOKEN: z.string().optional(),
  /** `development` delivers only to the app's admins. @defaultValue development */
  ZALO_MODE: z.enum(['development', 'production']).default('development'),
  /** Daily ZNS quota the notifier keeps under. @defaultValue 1000 */
  ZALO_DAILY_QUOTA: positiveInt.default(1000),
  /**
   * ZNS template ids Zalo approved for this OA, as "reminder-before=123456,escalation=123457,…";
   * templates not named keep the fake server's ids (410001–410009).
   */
  ZALO_TEMPLATE_IDS: z
    .string()
    .regex(/^\s*[a-z-]+=\d+\s*(,\s*[a-z-]+=\d+\s*)*$/, 'must be template=id pairs separated by commas, e.g. reminder-before=123456')
    .optional(),
  /**
   * Lets production run with ZALO_MODE=development or the fake server's template ids (a trial with the app's
   * admins as the only recipients); without it such a production start is refused. @defaultValue false
   */
  ZALO_ALLOW_DEVELOPMENT: bool.default(false),
  /** Port of the fake ZNS server started by the embedded runtime. @defaultValue 8090 */
  ZALO_FAKE_PORT: port.default(8090),
  /** Share (0–1) of the fake ZNS server's sends that answer -100 (temporary error), to watch retries. @defaultValue 0 */
  ZALO_FAKE_FAILURE_RATE: z.coerce.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').default(0),

  /** Port of the HTTP API. @defaultValue 3000 */
  API_PORT: port.default(3000),
  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For): `false`, a hop count
   * (1 for one TLS proxy), or proxy addresses/subnets. Rate limits and the audit log use the address it yields. @defaultValue false
   */
  TRUST_PROXY: trustProxy.default(false),
  /** Public URL of the API, used in signed links. @defaultValue http://localhost:3000 */
  PUBLIC_BASE_URL: url(['http:', 'https:']).default('http://localhost:3000'),
  /** HMAC key for JWT sessions. Required in production. */
  JWT_SECRET: secret.optional(),
  /**
   * HMAC key for signed links in reminders (the key `k0` when LINK_SIGNING_KEYS is unset; with it, the key of links
   * from before key ids). Required in production unless LINK_SIGNING_KEYS is set.
   */
  LINK_SIGNING_SECRET: secret.optional(),
  /**
   * Link signing keys for rotation, "kid=secret,kid=secret" (key ids: letters, digits, "-"; secrets ≥ 32 characters):
   * links name their key, so an old key keeps verifying until it is removed from this list.
   */
  LINK_SIGNING_KEYS: z
    .string()
    .refine(
      (value) => value.split(',').every((pair) => /^\s*[A-Za-z0-9-]{1,32}=\S{32,}\s*$/.test(pair)),
      'must be kid=secret pairs separated by commas, each secret at least 32 characters (openssl rand -hex 32)',
    )
    .optional(),
  /** Key id in LINK_SIGNING_KEYS that signs new links. @defaultValue the last key listed */
  LINK_SIGNING_KEY_ID: z.string().regex(/^[A-Za-z0-9-]{1,32}$/, 'letters, digits and "-"').optional(),
  /** Bearer token Prometheus sends to scrape /metrics; unset: /metrics is open (development only, required in production). */
  METRICS_TOKEN: secret.optional(),
  /** Seconds a /metrics scrape reuses the counts read from Temporal, the delivery log and Redis. @defaultValue 30 */
  METRICS_CACHE_SECONDS: z.coerce.number().int().min(0).max(3_600).default(30),
  /** Validity of a signed link, in days. @defaultValue 30 */
  LINK_TTL_DAYS: positiveInt.default(30),

  /** Parallel e-mail jobs in each notifier. @defaultValue 10 */
  NOTIFIER_EMAIL_CONCURRENCY: positiveInt.default(10),
  /** Parallel Zalo ZNS jobs in each notifier. @defaultValue 4 */
  NOTIFIER_ZALO_CONCURRENCY: positiveInt.default(4),
  /** E-mails per second the notifier hands to the relay (shared by every notifier, kept in Redis). @defaultValue 20 */
  NOTIFIER_EMAIL_RATE_PER_SECOND: positiveInt.default(20),
  /** Attempts per delivery before it is dead-lettered (`dondoc deliveries retry` replays it). @defaultValue 8 */
  NOTIFIER_MAX_ATTEMPTS: positiveInt.default(8),
  /** First retry delay; doubles each attempt, with ±50 % jitter. @defaultValue 30000 */
  NOTIFIER_BACKOFF_MS: positiveInt.default(30_000),
  /**
   * How long a delivery job stays locked to its notifier. A notifier that dies
   * holds its jobs this long before another takes them over. @defaultValue 30000
   */
  NOTIFIER_LOCK_DURATION_MS: z.coerce.number().int().min(1_000).default(30_000),
  /**
   * Daily digests: a person's digest of the day goes out once no reminder has joined it
   * for this long (the reminders of one morning arrive together). @defaultValue 120000
   */
  NOTIFIER_DIGEST_WINDOW_MS: z.coerce.number().int().min(0).default(120_000),
  /** …but at most this long after it began collecting; later reminders go to the next working day's digest. @defaultValue 1800000 */
  NOTIFIER_DIGEST_MAX_WAIT_MS: z.coerce.number().int().min(0).default(1_800_000),
  /** Local time (Asia/Ho_Chi_Minh, HH:MM) before which no digest goes out: the escalation policy's `sendAt`. @defaultValue 08:00 */
  NOTIFIER_DIGEST_NOT_BEFORE: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM, e.g. 08:00').default('08:00'),
  /** Spawn embedded services (`npm start`) instead of connecting. @defaultValue false */
  DONDOC_EMBEDDED: bool.default(false),
});

export type Environment = z.infer<typeof environmentSchema>;
