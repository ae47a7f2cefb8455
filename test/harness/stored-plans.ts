// Report cycles read their plan from the stored versions (plan_versions), as
// `dondoc up`, `dondoc plan import` and POST /plans leave them: a test stores
// the plans it runs cycles of the same way.
import { preparePlanImport } from '@dondoc/catalog';
import { type Database, PlanVersionRepository } from '@dondoc/db';
import type { Plan } from '@dondoc/domain';
import type { Kysely } from 'kysely';

/** Stores each plan as its next version (nothing for content already stored); returns the versions by plan id. */
export async function storePlans(db: Kysely<Database>, plans: Iterable<Plan>, by = 'test'): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  const repository = new PlanVersionRepository(db);
  for (const plan of plans) {
    const { version } = await repository.saveIfNew(plan.id, preparePlanImport(plan, null).hash, plan, by);
    versions.set(plan.id, version);
  }
  return versions;
}
