import { type Database, PlanVersionRepository } from '@dondoc/db';
import type { Plan } from '@dondoc/domain';
import { ReportCycleError } from '@dondoc/plan-sync';
import type { Kysely } from 'kysely';

/**
 * The plan a report cycle runs on, from the stored plan versions: the version
 * the cycle resolved (so a revision takes effect in the next cycle only), or
 * the latest one for a new cycle (or one prepared before cycles kept their version).
 */
export async function reportPlan(db: Kysely<Database>, planId: string, version: number | null = null): Promise<{ plan: Plan; version: number }> {
  const versions = new PlanVersionRepository(db);
  const stored = version === null ? await versions.latest(planId) : ((await versions.get(planId, version)) ?? (await versions.latest(planId)));
  if (!stored) throw new ReportCycleError(`Kế hoạch "${planId}" chưa được nhập vào cơ sở dữ liệu (dondoc plan import <tệp> hoặc POST /plans).`);
  return { plan: stored.document, version: stored.version };
}
