import {
  AgencyDirectoryRepository,
  AuditLogRepository,
  CalendarLinkRepository,
  createDatabase,
  type Database,
  DeliveryLogRepository,
  DeliveryStatsRepository,
  migrateToLatest,
  PlanVersionRepository,
  UsedLinkRepository,
  UserRepository,
} from '@dondoc/db';
import { CHANNEL_QUEUES, NOTIFICATION_QUEUE } from '@dondoc/contracts';
import { ensureContactsSeeded, LiveDirectory } from '@dondoc/directory';
import { Global, Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';

import { AppConfigService } from '../app-config.service';
import { CatalogService } from './catalog.service';
import { RedisThrottlerStorage } from './redis-throttler-storage';

/** Injection token of the Kysely database. */
export const DATABASE = Symbol('DATABASE');
/** The notification queue, read (never written) for its depth in /metrics, with the Redis connection it owns. */
export class NotificationQueueReader {
  private readonly redis: Redis;
  /** The dispatch queue the workflows feed, then one delivery queue per channel, by queue name. */
  readonly queues: ReadonlyMap<string, Queue>;

  constructor(redisUrl: string) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
    this.queues = new Map([NOTIFICATION_QUEUE, ...Object.values(CHANNEL_QUEUES)].map((name) => [name, new Queue(name, { connection: this.redis })]));
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.redis.disconnect();
  }
}

const repository = <T>(Repository: new (db: Kysely<Database>) => T) => ({
  provide: Repository,
  useFactory: (db: Kysely<Database>) => new Repository(db),
  inject: [DATABASE],
});

/** Connections and repositories shared by every feature module; opened once, closed on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: DATABASE,
      useFactory: (config: AppConfigService) => {
        const url = config.values.DATABASE_URL;
        if (!url) throw new Error('DATABASE_URL is not set (npm start sets it to the embedded database)');
        return createDatabase(url, { applicationName: 'dondoc-api', maxConnections: 5 });
      },
      inject: [AppConfigService],
    },
    {
      provide: Client,
      // Lazy: the API boots (and answers /health) while Temporal is still starting.
      useFactory: (config: AppConfigService) =>
        new Client({ connection: Connection.lazy({ address: config.values.TEMPORAL_ADDRESS }), namespace: config.values.TEMPORAL_NAMESPACE }),
      inject: [AppConfigService],
    },
    { provide: NotificationQueueReader, useFactory: (config: AppConfigService) => new NotificationQueueReader(config.values.REDIS_URL), inject: [AppConfigService] },
    { provide: RedisThrottlerStorage, useFactory: (config: AppConfigService) => new RedisThrottlerStorage(config.values.REDIS_URL), inject: [AppConfigService] },
    { provide: CatalogService, useFactory: (config: AppConfigService) => new CatalogService(config.values.DONDOC_SEEDS_DIR), inject: [AppConfigService] },
    repository(PlanVersionRepository),
    repository(DeliveryLogRepository),
    repository(DeliveryStatsRepository),
    repository(AuditLogRepository),
    repository(UserRepository),
    repository(UsedLinkRepository),
    repository(CalendarLinkRepository),
    repository(AgencyDirectoryRepository),
    {
      provide: LiveDirectory,
      useFactory: (repository: AgencyDirectoryRepository, catalog: CatalogService) => new LiveDirectory(repository, catalog.directory),
      inject: [AgencyDirectoryRepository, CatalogService],
    },
  ],
  exports: [
    DATABASE,
    Client,
    NotificationQueueReader,
    RedisThrottlerStorage,
    CatalogService,
    PlanVersionRepository,
    DeliveryLogRepository,
    DeliveryStatsRepository,
    AuditLogRepository,
    UserRepository,
    UsedLinkRepository,
    CalendarLinkRepository,
    AgencyDirectoryRepository,
    LiveDirectory,
  ],
})
export class InfrastructureModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<Database>,
    private readonly temporal: Client,
    private readonly queue: NotificationQueueReader,
    private readonly contacts: AgencyDirectoryRepository,
    private readonly catalog: CatalogService,
  ) {}

  /**
   * Every process migrates at boot; concurrent runs are serialised by the migrator's lock.
   * On the first start the seeds' contacts are copied into the database, which holds them from then on.
   */
  async onApplicationBootstrap(): Promise<void> {
    await migrateToLatest(this.db);
    await ensureContactsSeeded(this.contacts, this.catalog.directory, { actor: 'dondoc-api', role: 'system' });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.db.destroy(), this.temporal.connection.close(), this.queue.close()]);
  }
}
