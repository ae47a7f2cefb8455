import { type AgencyIndex, CatalogError, loadAgencyDirectory, loadPlan } from '@dondoc/catalog';
import { type CalendarOverrides, loadCalendarOverridesDir, WorkingCalendar } from '@dondoc/calendar';
import type { Plan } from '@dondoc/domain';
import type { EscalationPolicy } from '@dondoc/policy';
import { formatDiagnostic, parsePolicySource } from '@dondoc/schemas';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { reportOverrideProblems } from './report-cycle';

/** Everything in seeds/ that task workflows are built from, validated. */
export interface SeedCatalog {
  readonly index: AgencyIndex;
  readonly plans: ReadonlyMap<string, Plan>;
  readonly calendarOverrides: readonly CalendarOverrides[];
  policyFor(planId: string): EscalationPolicy;
}

const source = (file: string) => ({ file, text: readFileSync(file, 'utf8') });
const fail = (what: string, diagnostics: Parameters<typeof formatDiagnostic>[0][]) => {
  throw new CatalogError(`${what}:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
};

export function loadSeedCatalog(seedsDir: string): SeedCatalog {
  const directory = loadAgencyDirectory(source(path.join(seedsDir, 'agencies.yaml')));
  if (!directory.ok) return fail('danh mục cơ quan có lỗi', [...directory.diagnostics]);

  const plans = new Map<string, Plan>();
  const plansDir = path.join(seedsDir, 'plans');
  for (const file of readdirSync(plansDir).filter((f) => f.endsWith('.yaml')).sort()) {
    const result = loadPlan(source(path.join(plansDir, file)), directory.references);
    if (!result.ok) return fail(`kế hoạch ${file} có lỗi`, [...result.diagnostics]);
    plans.set(result.plan.id, result.plan);
  }

  const policies = new Map<string, EscalationPolicy>();
  const policiesDir = path.join(seedsDir, 'policies');
  for (const file of readdirSync(policiesDir).filter((f) => f.endsWith('.yaml'))) {
    const parsed = parsePolicySource(source(path.join(policiesDir, file)));
    if (!parsed.value) return fail(`chính sách ${file} có lỗi`, [...parsed.diagnostics]);
    policies.set(path.basename(file, '.yaml'), parsed.value);
  }
  const fallback = policies.get('default');
  if (!fallback) throw new CatalogError(`thiếu chính sách mặc định ${path.join(policiesDir, 'default.yaml')}`);

  const calendarDir = path.join(seedsDir, 'calendar');
  const calendarOverrides = existsSync(calendarDir) ? loadCalendarOverridesDir(calendarDir) : [];
  const calendar = new WorkingCalendar({ overrides: calendarOverrides });
  for (const plan of plans.values()) {
    const problems = reportOverrideProblems(plan, policies.get(plan.id) ?? fallback, calendar);
    if (problems.length) throw new CatalogError(`kế hoạch ${plan.id}.yaml có lỗi:\n${problems.map((p) => `${path.join(plansDir, `${plan.id}.yaml`)} ${p}`).join('\n')}`);
  }
  return {
    index: directory.index,
    plans,
    calendarOverrides,
    /** seeds/policies/<plan-id>.yaml overrides the default for that plan. */
    policyFor: (planId) => policies.get(planId) ?? fallback,
  };
}
