// What changed between two versions of a plan, task by task, keyed by task id.
// Running workflows are keyed the same way: added tasks start workflows,
// removed ones cancel theirs, changed ones receive the changed fields.
import { planTasks, type Indicator, type Plan, type PlanTask } from '@dondoc/domain';

import { canonicalJson } from './canonical-json';
import { CatalogError } from './catalog-error';

export const TASK_FIELDS = [
  'group',
  'row',
  'name',
  'lead.text',
  'lead.agencies',
  'coordinators.text',
  'coordinators.agencies',
  'result',
  'deadline',
] as const;
export type TaskField = (typeof TASK_FIELDS)[number];

export interface FieldChange {
  readonly field: TaskField;
  readonly before: unknown;
  readonly after: unknown;
}

export interface TaskChange {
  readonly id: string;
  readonly before: PlanTask;
  readonly after: PlanTask;
  /** The changed fields, in TASK_FIELDS order. */
  readonly fields: readonly TaskField[];
  readonly changes: readonly FieldChange[];
}

export interface IndicatorDiff {
  readonly added: readonly Indicator[];
  readonly removed: readonly Indicator[];
  readonly changed: ReadonlyArray<{ readonly id: string; readonly before: Indicator; readonly after: Indicator }>;
}

export interface PlanDiff {
  readonly planId: string;
  /** In the new plan's table order. */
  readonly added: readonly PlanTask[];
  /** In the old plan's table order. */
  readonly removed: readonly PlanTask[];
  readonly changed: readonly TaskChange[];
  readonly unchanged: number;
  /** Top-level plan fields that changed, e.g. "title", "reporting"; "groups" when group numbers or titles did. */
  readonly planFields: readonly string[];
  readonly indicators: IndicatorDiff;
  /** True when nothing at all changed. */
  readonly empty: boolean;
}

function fieldValue(task: PlanTask, field: TaskField): unknown {
  switch (field) {
    case 'group':
      return task.group.number;
    case 'row':
      return task.row;
    case 'name':
      return task.name;
    case 'lead.text':
      return task.lead.text;
    // The order agencies are listed in carries no meaning; only who is named does.
    case 'lead.agencies':
      return [...task.lead.agencies].sort();
    case 'coordinators.text':
      return task.coordinators.text;
    case 'coordinators.agencies':
      return [...task.coordinators.agencies].sort();
    case 'result':
      return task.result;
    case 'deadline':
      return task.deadline;
  }
}

function diffTask(before: PlanTask, after: PlanTask): FieldChange[] {
  return TASK_FIELDS.flatMap((field) => {
    const [a, b] = [fieldValue(before, field), fieldValue(after, field)];
    return canonicalJson(a) === canonicalJson(b) ? [] : [{ field, before: a, after: b }];
  });
}

/** Compares two versions of the same plan; throws when given two different plans. */
export function diffPlans(previous: Plan, next: Plan): PlanDiff {
  if (previous.id !== next.id) throw new CatalogError(`cannot diff plan "${previous.id}" against plan "${next.id}"`);

  const oldTasks = new Map(planTasks(previous).map((task) => [task.id, task]));
  const newTasks = planTasks(next);
  const newIds = new Set(newTasks.map((task) => task.id));
  const added = newTasks.filter((task) => !oldTasks.has(task.id));
  const removed = [...oldTasks.values()].filter((task) => !newIds.has(task.id));
  const changed: TaskChange[] = [];
  let unchanged = 0;
  for (const after of newTasks) {
    const before = oldTasks.get(after.id);
    if (!before) continue;
    const changes = diffTask(before, after);
    if (changes.length === 0) unchanged += 1;
    else changed.push({ id: after.id, before, after, fields: changes.map((c) => c.field), changes });
  }

  const groupOutline = (plan: Plan) => plan.groups.map((group) => [group.number, group.title]);
  const planFields = (Object.keys(next) as Array<keyof Plan>).filter((key) => {
    if (key === 'indicators') return false;
    if (key === 'groups') return canonicalJson(groupOutline(previous)) !== canonicalJson(groupOutline(next));
    return canonicalJson(previous[key]) !== canonicalJson(next[key]);
  });
  const indicators = diffIndicators(previous.indicators, next.indicators);
  const empty =
    added.length + removed.length + changed.length + planFields.length === 0 &&
    indicators.added.length + indicators.removed.length + indicators.changed.length === 0;
  return { planId: next.id, added, removed, changed, unchanged, planFields, indicators, empty };
}

function diffIndicators(previous: readonly Indicator[], next: readonly Indicator[]): IndicatorDiff {
  const old = new Map(previous.map((indicator) => [indicator.id, indicator]));
  const newIds = new Set(next.map((indicator) => indicator.id));
  return {
    added: next.filter((indicator) => !old.has(indicator.id)),
    removed: previous.filter((indicator) => !newIds.has(indicator.id)),
    changed: next.flatMap((after) => {
      const before = old.get(after.id);
      return before && canonicalJson(before) !== canonicalJson(after) ? [{ id: after.id, before, after }] : [];
    }),
  };
}
