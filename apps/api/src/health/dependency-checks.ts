import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Connection } from '@temporalio/client';
import { Redis } from 'ioredis';
import pg from 'pg';

import { AppConfigService } from '../app-config.service';

export type CheckResult = { ok: true; latencyMs: number } | { ok: false; latencyMs: number; error: string };

/** Connections used only to answer readiness probes; opened lazily, closed on shutdown. */
@Injectable()
export class DependencyChecks implements OnApplicationShutdown {
  private pool?: pg.Pool;
  private redis?: Redis;

  constructor(private readonly config: AppConfigService) {}

  database(): Promise<CheckResult> {
    return timed(async () => {
      if (!this.config.values.DATABASE_URL) throw new Error('DATABASE_URL is not set');
      this.pool ??= new pg.Pool({ connectionString: this.config.values.DATABASE_URL, max: 1, connectionTimeoutMillis: 2_000 });
      await this.pool.query('select 1');
    });
  }

  redisServer(): Promise<CheckResult> {
    return timed(async () => {
      this.redis ??= new Redis(this.config.values.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
      if (this.redis.status === 'wait') await this.redis.connect();
      await this.redis.ping();
    });
  }

  temporal(): Promise<CheckResult> {
    return timed(async () => {
      const connection = await Connection.connect({ address: this.config.values.TEMPORAL_ADDRESS, connectTimeout: 2_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace: this.config.values.TEMPORAL_NAMESPACE });
      } finally {
        await connection.close();
      }
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.pool?.end(), this.redis?.quit()]);
  }
}

async function timed(check: () => Promise<void>): Promise<CheckResult> {
  const started = performance.now();
  try {
    await check();
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
  }
}
