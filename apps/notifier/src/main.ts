// Notifier: delivers reminders from the BullMQ queues by e-mail and Zalo ZNS.
import { type AppConfig, configOrExit } from '@dondoc/config';
import { type Channel, EmailChannel, parseZnsTemplateIds, smtpSettingsFromConfig, ZaloTokenStore, ZnsChannel } from '@dondoc/channels';
import { WorkingCalendar } from '@dondoc/calendar';
import { AgencyDirectoryRepository, createDatabase, migrateToLatest } from '@dondoc/db';
import { ensureContactsSeeded, LiveDirectory } from '@dondoc/directory';
import { loadSeedCatalog } from '@dondoc/plan-sync';
import { createProcessLogger } from '@dondoc/logging';
import { Redis } from 'ioredis';
import path from 'node:path';

import { startNotifier } from './notifier';
import { CatalogRecipientDirectory } from './recipients';
import { TemporalOutcomeReporter } from './outcome-reporter';
import { settingsFromConfig } from './settings-from-config';

const logger = createProcessLogger('notifier');
const log = (line: string) => logger.info(line);

async function main(): Promise<void> {
  const config = configOrExit();
  logger.level = config.LOG_LEVEL;
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set (npm start sets it to the embedded database)');
  const settings = settingsFromConfig(config);
  const db = createDatabase(config.DATABASE_URL, { maxConnections: 20, applicationName: 'dondoc-notifier' });
  // BullMQ needs maxRetriesPerRequest: null for its blocking commands.
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const { index, calendarOverrides } = loadSeedCatalog(path.resolve(config.DONDOC_SEEDS_DIR));
  const calendar = new WorkingCalendar({ overrides: calendarOverrides });
  // Contacts live in the database (copied from the seeds on first start); each reminder reads them fresh.
  await migrateToLatest(db);
  const contacts = new AgencyDirectoryRepository(db);
  if (await ensureContactsSeeded(contacts, index.directory, { actor: 'dondoc-notifier', role: 'system' })) log('copied the agency contacts of seeds/agencies.yaml into the database');
  const directory = new CatalogRecipientDirectory(new LiveDirectory(contacts, index.directory));
  const channels = buildChannels(config, db);
  const notifier = startNotifier({ redis, db, index, directory, calendar, channels, outcomes: new TemporalOutcomeReporter(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE, log), log }, settings);
  log(`delivering by ${Object.keys(channels).join(' and ')} (redis ${new URL(config.REDIS_URL).host}, pid ${process.pid})`);

  await new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  log('stopping: no new jobs; waiting for deliveries in flight');
  await notifier.close();
  await Promise.all(Object.values(channels).map((channel) => channel.close()));
  await Promise.allSettled([db.destroy(), redis.quit()]);
  log('stopped');
  // Every job is finished or back in Redis; abandoned outcome signals may still hold sockets open.
  process.exit(0);
}

function buildChannels(config: AppConfig, db: ReturnType<typeof createDatabase>): Partial<Record<'email' | 'zalo', Channel>> {
  const channels: Partial<Record<'email' | 'zalo', Channel>> = {
    email: new EmailChannel({ ...smtpSettingsFromConfig(config), from: config.SMTP_FROM, replyTo: config.SMTP_REPLY_TO }),
  };
  // Zalo stays off until the OA is configured; steps asking for it then use e-mail.
  if (config.ZALO_APP_ID && config.ZALO_SECRET_KEY) {
    const tokens = new ZaloTokenStore(db, {
      oauthBaseUrl: config.ZALO_OAUTH_BASE_URL,
      appId: config.ZALO_APP_ID,
      secretKey: config.ZALO_SECRET_KEY,
      initialRefreshToken: config.ZALO_REFRESH_TOKEN,
    });
    channels.zalo = new ZnsChannel({ baseUrl: config.ZALO_ZNS_BASE_URL, templateIds: parseZnsTemplateIds(config.ZALO_TEMPLATE_IDS, { requireAll: config.NODE_ENV === 'production' && !config.ZALO_ALLOW_DEVELOPMENT }), mode: config.ZALO_MODE, tokens });
  }
  return channels;
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'notifier failed');
  process.exit(1);
});
