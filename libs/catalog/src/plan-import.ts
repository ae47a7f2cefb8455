// The pure half of `plan import`: given a validated plan and the version
// stored last time (if any), decide what the import means. Storing the plan
// and applying the diff to running workflows happen elsewhere.
import type { Plan } from '@dondoc/domain';

import { CatalogError } from './catalog-error';
import { diffPlans, type PlanDiff } from './plan-diff';
import { hashPlan } from './plan-hash';

export interface StoredPlanVersion {
  readonly hash: string;
  readonly plan: Plan;
}

export type PlanImport =
  | { readonly status: 'new'; readonly hash: string; readonly diff: PlanDiff }
  | { readonly status: 'unchanged'; readonly hash: string }
  | { readonly status: 'changed'; readonly hash: string; readonly previousHash: string; readonly diff: PlanDiff };

export function preparePlanImport(plan: Plan, stored: StoredPlanVersion | null): PlanImport {
  const hash = hashPlan(plan);
  if (stored === null) {
    const nothing: Plan = { ...plan, groups: [], indicators: [] };
    return { status: 'new', hash, diff: diffPlans(nothing, plan) };
  }
  if (stored.plan.id !== plan.id) {
    throw new CatalogError(`stored version is of plan "${stored.plan.id}", not "${plan.id}"`);
  }
  // Hashes are compared, not recomputed for the stored plan: a hash from an older model version must read as a change.
  if (stored.hash === hash) return { status: 'unchanged', hash };
  return { status: 'changed', hash, previousHash: stored.hash, diff: diffPlans(stored.plan, plan) };
}
