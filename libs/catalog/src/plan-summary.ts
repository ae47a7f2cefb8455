import { DEADLINE_KINDS, planTasks, type DeadlineKind, type Plan } from '@dondoc/domain';

export interface PlanSummary {
  readonly id: string;
  readonly groups: number;
  readonly tasks: number;
  readonly indicators: number;
  /** Tasks per deadline kind; kinds without tasks are absent. */
  readonly deadlineKinds: Readonly<Partial<Record<DeadlineKind, number>>>;
}

export function summarisePlan(plan: Plan): PlanSummary {
  const tasks = planTasks(plan);
  const deadlineKinds: Partial<Record<DeadlineKind, number>> = {};
  for (const kind of DEADLINE_KINDS) {
    const count = tasks.filter((task) => task.deadline.kind === kind).length;
    if (count > 0) deadlineKinds[kind] = count;
  }
  return { id: plan.id, groups: plan.groups.length, tasks: tasks.length, indicators: plan.indicators.length, deadlineKinds };
}
