import type { AppConfig } from '@dondoc/config';
import { type Database, PlanVersionRepository } from '@dondoc/db';
import { applyPlanRevision, loadSeedCatalog } from '@dondoc/plan-sync';
import { vietnamDate } from '@dondoc/policy';
import { Client, Connection } from '@temporalio/client';
import type { Kysely } from 'kysely';

import { temporalAddressFor } from '../runtime-connections';

/**
 * Moves the running task workflows of every imported plan onto the calendar now in
 * the seeds: each continues in its present cycle, with what was sent kept as sent
 * (the same refresh a plan import does when the rules changed).
 */
export async function applyCalendarToWorkflows(config: AppConfig, db: Kysely<Database>, by: string): Promise<string> {
  const catalog = loadSeedCatalog(config.DONDOC_SEEDS_DIR);
  const plans = await new PlanVersionRepository(db).latestOfEach();
  const connection = await Connection.connect({ address: temporalAddressFor(config) });
  try {
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    let refreshed = 0;
    for (const stored of plans) {
      const report = await applyPlanRevision(client, {
        plan: stored.document,
        diff: null,
        version: stored.version,
        index: catalog.index,
        policy: catalog.policyFor(stored.planId),
        calendarOverrides: catalog.calendarOverrides,
        today: vietnamDate(Date.now()),
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        by,
      });
      refreshed += report.rulesRefreshed.length;
    }
    return `  luồng theo dõi: ${refreshed} nhiệm vụ của ${plans.length} kế hoạch chuyển sang lịch mới`;
  } finally {
    await connection.close();
  }
}
