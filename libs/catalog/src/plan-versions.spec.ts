import type { Plan, Task, TaskGroup } from '@dondoc/domain';

import { canonicalJson } from './canonical-json';
import { CatalogError } from './catalog-error';
import { diffPlans } from './plan-diff';
import { hashPlan } from './plan-hash';
import { preparePlanImport } from './plan-import';
import { summarisePlan } from './plan-summary';
import { fixturePlan } from './test-fixtures';

/** A copy of the plan with `change` applied to the task with that id. */
function withTask(plan: Plan, id: string, change: (task: Task) => Task | null): Plan {
  const groups: TaskGroup[] = plan.groups.map((group) => ({
    ...group,
    tasks: group.tasks.flatMap((task) => (task.id === id ? (change(task) ?? []) : [task])),
  }));
  return { ...plan, groups };
}

describe(canonicalJson.name, () => {
  it('ignores key order but not array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
});

describe(hashPlan.name, () => {
  const plan = fixturePlan();

  it('is stable for equal content whatever the key order', () => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]))
          : value;
    expect(hashPlan(plan)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(hashPlan(reversed(plan) as Plan)).toBe(hashPlan(plan));
  });

  it('changes when any task changes', () => {
    expect(hashPlan(withTask(plan, 'I.2', (task) => ({ ...task, name: `${task.name}.` })))).not.toBe(hashPlan(plan));
  });
});

describe(diffPlans.name, () => {
  const plan = fixturePlan();

  it('finds nothing between a plan and itself', () => {
    const diff = diffPlans(plan, plan);
    expect(diff).toMatchObject({ added: [], removed: [], changed: [], unchanged: 3, planFields: [], empty: true });
  });

  it('keys tasks by id: added, removed and changed with the changed fields', () => {
    const removed = withTask(plan, 'I.1', () => null);
    const changed = withTask(removed, 'I.2', (task) => ({
      ...task,
      lead: { text: 'Sở Y tế', agencies: ['so-y-te'] },
      deadline: { kind: 'month', raw: '6/2026', year: 2026, month: 6 },
    }));
    const next: Plan = {
      ...changed,
      title: 'Kế hoạch mẫu (sửa đổi)',
      groups: [
        ...changed.groups,
        { number: 'III', title: 'Mới', tasks: [{ ...plan.groups[0]!.tasks[0]!, id: 'III.4', row: 4 }] },
      ],
    };
    const diff = diffPlans(plan, next);
    expect(diff.added.map((task) => task.id)).toEqual(['III.4']);
    expect(diff.removed.map((task) => task.id)).toEqual(['I.1']);
    expect(diff.changed.map((change) => [change.id, change.fields])).toEqual([['I.2', ['lead.text', 'lead.agencies', 'deadline']]]);
    expect(diff.changed[0]?.changes[1]).toEqual({ field: 'lead.agencies', before: ['so-khcn'], after: ['so-y-te'] });
    expect(diff.unchanged).toBe(1);
    expect(diff.planFields).toEqual(['title', 'groups']);
    expect(diff.empty).toBe(false);
  });

  it('ignores the order agencies are listed in', () => {
    const twoLeads = withTask(plan, 'I.2', (task) => ({ ...task, lead: { ...task.lead, agencies: ['so-khcn', 'so-y-te'] } }));
    const swapped = withTask(plan, 'I.2', (task) => ({ ...task, lead: { ...task.lead, agencies: ['so-y-te', 'so-khcn'] } }));
    expect(diffPlans(twoLeads, swapped).empty).toBe(true);
  });

  it('reports a task moved to another group', () => {
    const moved: Plan = {
      ...plan,
      groups: [
        { ...plan.groups[0]!, tasks: plan.groups[0]!.tasks.slice(0, 1) },
        { ...plan.groups[1]!, tasks: [plan.groups[0]!.tasks[1]!, ...plan.groups[1]!.tasks] },
      ],
    };
    expect(diffPlans(plan, moved).changed.map((change) => [change.id, change.fields])).toEqual([['I.2', ['group']]]);
  });

  it('diffs indicators by id', () => {
    const next: Plan = { ...plan, indicators: [{ ...plan.indicators[0]!, target: '40 các tỉnh, thành' }] };
    expect(diffPlans(plan, next).indicators.changed.map((change) => change.id)).toEqual(['I.1']);
  });

  it('refuses to compare two different plans', () => {
    expect(() => diffPlans(plan, { ...plan, id: 'kh-khac' })).toThrow(CatalogError);
  });
});

describe(preparePlanImport.name, () => {
  const plan = fixturePlan();

  it('imports a new plan as all tasks added', () => {
    const result = preparePlanImport(plan, null);
    expect(result.status).toBe('new');
    expect(result.status === 'new' && result.diff.added.map((task) => task.id)).toEqual(['I.1', 'I.2', 'II.3']);
  });

  it('recognises an unchanged plan by its hash', () => {
    expect(preparePlanImport(plan, { hash: hashPlan(plan), plan })).toEqual({ status: 'unchanged', hash: hashPlan(plan) });
  });

  it('diffs a changed plan against the stored version', () => {
    const next = withTask(plan, 'II.3', (task) => ({ ...task, result: 'Quyết định' }));
    const result = preparePlanImport(next, { hash: hashPlan(plan), plan });
    expect(result).toMatchObject({ status: 'changed', previousHash: hashPlan(plan), hash: hashPlan(next) });
    expect(result.status === 'changed' && result.diff.changed.map((change) => change.fields)).toEqual([['result']]);
  });

  it('refuses a stored version of another plan', () => {
    expect(() => preparePlanImport(plan, { hash: 'sha256:0', plan: { ...plan, id: 'kh-khac' } })).toThrow(CatalogError);
  });
});

describe(summarisePlan.name, () => {
  it('counts groups, tasks, indicators and deadline kinds', () => {
    expect(summarisePlan(fixturePlan())).toEqual({
      id: 'valid',
      groups: 2,
      tasks: 3,
      indicators: 1,
      deadlineKinds: { continuous: 1, month: 1, 'first-then-continued': 1 },
    });
  });
});
