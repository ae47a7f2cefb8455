import { type AppConfig, ConfigError } from '@dondoc/config';
import { linkKeyRingFrom } from '@dondoc/links';

import type { NotifierSettings } from './settings';

/** Notifier settings from the validated environment; a missing signing secret is a configuration error (exit 2). */
export function settingsFromConfig(config: AppConfig): NotifierSettings {
  const linkKeys = linkKeyRingFrom(config);
  if (!linkKeys) {
    const error = new ConfigError(['LINK_SIGNING_SECRET: required by the notifier to sign the links in reminders (or LINK_SIGNING_KEYS)']);
    process.stderr.write(`${error.message}\n`);
    process.exit(error.exitCode);
  }
  return {
    limits: {
      email: { concurrency: config.NOTIFIER_EMAIL_CONCURRENCY, rateLimit: { max: config.NOTIFIER_EMAIL_RATE_PER_SECOND, durationMs: 1_000 } },
      // Zalo counts its quota per day; BullMQ keeps the window in Redis for every notifier.
      zalo: { concurrency: config.NOTIFIER_ZALO_CONCURRENCY, rateLimit: { max: config.ZALO_DAILY_QUOTA, durationMs: 86_400_000 } },
    },
    maxAttempts: config.NOTIFIER_MAX_ATTEMPTS,
    backoffMs: config.NOTIFIER_BACKOFF_MS,
    lockDurationMs: config.NOTIFIER_LOCK_DURATION_MS,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    linkSigningSecret: linkKeys,
    linkTtlDays: config.LINK_TTL_DAYS,
    digest: { windowMs: config.NOTIFIER_DIGEST_WINDOW_MS, maxWaitMs: config.NOTIFIER_DIGEST_MAX_WAIT_MS, notBefore: config.NOTIFIER_DIGEST_NOT_BEFORE },
  };
}
