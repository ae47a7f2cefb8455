import { createActivities } from '@dondoc/activities';
import { createTestWorker, startDevServer, startTestRedis, uniqueTaskQueue } from '@dondoc/test-harness';
import type { RunningRedisServer } from '@dondoc/runtime';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Redis } from 'ioredis';
import pg from 'pg';

import type { systemCheckWorkflow } from '@dondoc/workflows';

const unused = () => Promise.reject(new Error('not used by the system check'));
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('system check workflow on the dev server', () => {
  let env: TestWorkflowEnvironment;
  let redisServer: RunningRedisServer;
  let redis: Redis;
  let pool: pg.Pool;

  beforeAll(async () => {
    [env, redisServer] = await Promise.all([startDevServer(), startTestRedis()]);
    redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
    pool = new pg.Pool({ connectionString: postgresUrl, max: 2 });
  });

  afterAll(async () => {
    await Promise.allSettled([redis?.quit(), pool?.end()]);
    await Promise.allSettled([env?.teardown(), redisServer?.stop()]);
  });

  const activitiesWith = (redisProbe: () => Promise<void>) =>
    createActivities({
      notifications: { enqueue: unused, ensureQueued: unused, close: async () => {} },
      probes: { database: async () => void (await pool.query('select 1')), redis: redisProbe },
      temporal: env.client,
    });

  it('is run by a worker and its result is read back through the client', async () => {
    const taskQueue = uniqueTaskQueue('system-check');
    const worker = await createTestWorker(env, taskQueue, activitiesWith(async () => void (await redis.ping())));
    const result = await worker.runUntil(
      env.client.workflow.execute<typeof systemCheckWorkflow>('systemCheckWorkflow', { taskQueue, workflowId: `system-check/${taskQueue}` }),
    );
    expect(result.workflowId).toBe(`system-check/${taskQueue}`);
    expect(result.taskQueue).toBe(taskQueue);
    expect(result.database.ok).toBe(true);
    expect(result.redis.ok).toBe(true);
    expect(result.worker.pid).toBe(process.pid);
  });

  it('reports a dependency that does not answer instead of failing', async () => {
    const taskQueue = uniqueTaskQueue('system-check');
    const worker = await createTestWorker(env, taskQueue, activitiesWith(async () => Promise.reject(new Error('ECONNREFUSED 127.0.0.1:1'))));
    const result = await worker.runUntil(
      env.client.workflow.execute<typeof systemCheckWorkflow>('systemCheckWorkflow', { taskQueue, workflowId: `system-check/${taskQueue}` }),
    );
    expect(result.database.ok).toBe(true);
    expect(result.redis).toMatchObject({ ok: false, error: 'ECONNREFUSED 127.0.0.1:1' });
  });

  it('registers the custom search attributes used for task lists', async () => {
    const response = await env.connection.operatorService.listSearchAttributes({ namespace: env.namespace ?? 'default' });
    expect(Object.keys(response.customAttributes)).toEqual(
      expect.arrayContaining(['DondocPlan', 'DondocTask', 'DondocAgency', 'DondocStatus', 'DondocDueDate', 'DondocDaysOverdue']),
    );
  });
});
