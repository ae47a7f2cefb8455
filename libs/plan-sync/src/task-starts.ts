import { type AgencyIndex, resolveSuccessor } from '@dondoc/catalog';
import { CALENDAR_YEARS, type CalendarOverrides } from '@dondoc/calendar';
import { type TaskWorkflowInput, taskWorkflowId } from '@dondoc/contracts';
import { type AgencyId, type CompletionMode, type IsoDate, type Plan, type PlanTask, planTasks } from '@dondoc/domain';
import type { EscalationPolicy } from '@dondoc/policy';
import { createHash } from 'node:crypto';

/** One task workflow to start: a task for one lead agency as of today. */
export interface TaskStart {
  readonly workflowId: string;
  readonly input: TaskWorkflowInput;
}

/** A lead agency that no longer exists and has no successor: an admin must reassign its task. */
export interface DissolvedLead {
  readonly taskId: string;
  readonly agencyId: AgencyId;
  readonly reason: string;
}

export interface PlanStartsInput {
  readonly plan: Plan;
  readonly index: AgencyIndex;
  readonly policy: EscalationPolicy;
  readonly calendarOverrides: readonly CalendarOverrides[];
  /** Today in Vietnam: reorganisations in effect by then decide who leads. */
  readonly today: IsoDate;
}

/** The plan's horizon: 2030 for both seeds, later when a task's deadline says so. */
export function horizonYear(plan: Plan): number {
  const years = planTasks(plan).flatMap((task) => {
    const d = task.deadline;
    if (d.kind === 'year-range') return [d.to];
    if (d.kind === 'month' || d.kind === 'year') return [d.year];
    if (d.kind === 'first-then-continued') return [d.first.year];
    return [];
  });
  return Math.max(2030, ...years);
}

/**
 * Every task workflow of a plan: collective leads expand to their members, and a
 * lead that was merged or renamed is replaced by its successor as of today (two
 * leads with one successor give one workflow). Pure, so import and preview agree.
 */
export function planTaskStarts({ plan, index, policy, calendarOverrides, today }: PlanStartsInput): { starts: TaskStart[]; dissolved: DissolvedLead[] } {
  const starts = new Map<string, TaskStart>();
  const dissolved: DissolvedLead[] = [];
  for (const task of planTasks(plan)) {
    for (const agency of index.expand(task.lead.agencies)) {
      const successor = resolveSuccessor(index, agency.id, today);
      if (!successor.agency) {
        dissolved.push({ taskId: task.id, agencyId: agency.id, reason: successor.reason });
        continue;
      }
      const workflowId = taskWorkflowId(plan.id, task.id, successor.agency.id);
      if (!starts.has(workflowId)) starts.set(workflowId, { workflowId, input: taskInputFor(plan, task, successor.agency.id, policy, calendarOverrides) });
    }
  }
  return { starts: [...starts.values()], dissolved };
}

export function taskInputFor(plan: Plan, task: PlanTask, agencyId: AgencyId, policy: EscalationPolicy, calendarOverrides: readonly CalendarOverrides[]): TaskWorkflowInput {
  return {
    planId: plan.id,
    planTitle: plan.title,
    taskId: task.id,
    taskName: task.name,
    agencyId,
    deadline: task.deadline,
    policy,
    cycleContext: {
      reportDay: plan.reporting.unitDeadline,
      // Yearly cycles before the working-day calendar's first year cannot be computed (nor chased now).
      startYear: Math.max(plan.issued.year, CALENDAR_YEARS.from),
      horizonYear: horizonYear(plan),
      guidanceLeadDays: policy.guidanceLeadDays,
    },
    calendarOverrides,
    rulesFingerprint: rulesFingerprint(policy, calendarOverrides, plan.completion),
    catchUp: true,
    completion: plan.completion ?? 'confirmed',
  };
}

/**
 * A short hash of the rules a task runs on: equal rules, equal fingerprint (YAML keeps key order).
 * The completion mode counts only when it is not the default, so plans without one keep the
 * fingerprint their running workflows already have.
 */
export function rulesFingerprint(policy: EscalationPolicy, calendarOverrides: readonly CalendarOverrides[], completion?: CompletionMode): string {
  const rules = completion === 'self' ? { policy, calendarOverrides, completion } : { policy, calendarOverrides };
  return createHash('sha256').update(JSON.stringify(rules)).digest('hex').slice(0, 16);
}
