// Temporal worker: runs Đôn Đốc's workflows and activities.
import { configOrExit } from '@dondoc/config';
import { createActivities } from '@dondoc/activities';
import { smtpSettingsFromConfig, smtpTransportOptions } from '@dondoc/channels';
import { BullNotificationQueue } from '@dondoc/queue';
import { AgencyDirectoryRepository, createDatabase } from '@dondoc/db';
import { storedDirectoryOver } from '@dondoc/directory';
import { loadSeedCatalog } from '@dondoc/plan-sync';
import { createProcessLogger } from '@dondoc/logging';
import { createDondocWorker, installTemporalLogger } from '@dondoc/runtime';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { Redis } from 'ioredis';
import nodemailer from 'nodemailer';
import path from 'node:path';
import pg from 'pg';

const logger = createProcessLogger('worker');

async function main(): Promise<void> {
  const config = configOrExit();
  logger.level = config.LOG_LEVEL;
  installTemporalLogger(logger);
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set (npm start sets it to the embedded database)');
  const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 4 });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  // BullMQ needs its own connection with maxRetriesPerRequest: null (blocking commands).
  const queueConnection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const notifications = new BullNotificationQueue(queueConnection);
  // A client (separate from the worker's native connection) for activities that read visibility.
  const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE });

  // Report cycles: submissions in the database, documents under the data folder, e-mail through the relay.
  const db = createDatabase(config.DATABASE_URL);
  // The same relay settings as the notifier's: pooled (one connection: a report e-mail a year), TLS as the URL says, DKIM-signed when configured.
  const mailer = nodemailer.createTransport(smtpTransportOptions(smtpSettingsFromConfig(config, 1)));
  const seedsDir = path.resolve(config.DONDOC_SEEDS_DIR);
  const directory = new AgencyDirectoryRepository(db);
  const reports = {
    db,
    loadCatalog: () => loadSeedCatalog(seedsDir),
    // Contacts and API merges from the database over the seeds re-read: cycles name today's holders.
    loadDirectory: () => storedDirectoryOver(directory, loadSeedCatalog(seedsDir).index.directory),
    dataDir: path.resolve(config.DONDOC_DATA_DIR),
    mailer,
    mailFrom: config.SMTP_FROM,
    mailReplyTo: config.SMTP_REPLY_TO,
    publicBaseUrl: config.PUBLIC_BASE_URL,
  };

  const activities = createActivities({
    notifications,
    temporal,
    reports,
    probes: {
      database: async () => void (await pool.query('select 1')),
      redis: async () => {
        if (redis.status === 'wait') await redis.connect();
        await redis.ping();
      },
    },
  });

  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await createDondocWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities,
  });
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, temporal: config.TEMPORAL_ADDRESS }, `worker polling ${config.TEMPORAL_TASK_QUEUE} on ${config.TEMPORAL_ADDRESS}`);
  // Temporal's runtime shuts the worker down on SIGINT/SIGTERM; run() resolves after in-flight tasks finish.
  await worker.run();
  await connection.close();
  await clientConnection.close();
  await notifications.close();
  mailer.close();
  await Promise.allSettled([pool.end(), db.destroy(), redis.quit(), queueConnection.quit()]);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'worker failed');
  process.exit(1);
});
