import type { CarriedState, CompletionProposal, CompletionRecord, GuidanceIssued, PlanTaskRevision, TimelineEvent, TimelineEventType, WorkingRulesRefresh } from '@dondoc/contracts';
import type { CompletionMode, IsoDate } from '@dondoc/domain';
import type { Cycle } from '@dondoc/policy';

export const TIMELINE_LIMIT = 500;

/** The mutable state of one run of the task workflow, shared by its loop and its message handlers. */
export interface TaskRun {
  agencyId: string;
  guidance: GuidanceIssued | null;
  acknowledged: boolean;
  paused: boolean;
  extendedDue: IsoDate | null;
  progressPercent: number | null;
  /** Steps at or before this instant (epoch ms) are settled: sent, skipped, or before the ladder began. */
  handledUntil: number;
  /** Settled steps as `<due date>|<step id>` (see settledKey). */
  readonly settled: Set<string>;
  cycles: Cycle[];
  cycleIndex: number;
  cycle: Cycle | undefined;
  cycleClosed: boolean;
  rolledOver: boolean;
  cancelled: boolean;
  completed: boolean;
  /** Closed by an agency merge (cancelled is set too, so every loop ends): the workflow that continues the task. */
  mergedInto: string | null;
  /** Set by every message that changes something: the loop looks again. */
  dirty: boolean;
  /** A plan revision to continue with (a fresh run on the new deadline). */
  revision: PlanTaskRevision | null;
  /** New calendar or policy to continue under (the same cycle, in a fresh run). */
  rulesRefresh: WorkingRulesRefresh | null;
  completionMode: CompletionMode;
  /** The agency's proposal while it waits for Sở KH&CN: no reminders meanwhile. */
  proposal: CompletionProposal | null;
  /** How the current cycle was completed (null while open). */
  completion: CompletionRecord | null;
  /** Epoch ms: after a catch-up, no step before it (0: none). */
  notBefore: number;
  /** The catch-up of an import, while it waits for office hours. */
  pendingCatchUp: { at: number; stepId: string } | null;
  /**
   * Whether this run reports the status model of TASK_STATUSES (patch
   * 'task-status-model'). Adopted at the run's next step, not in queries.
   */
  statusModel: boolean;

  readonly timeline: TimelineEvent[];
}

export function runFromCarried(carried: CarriedState, now: number, completionMode: CompletionMode): TaskRun {
  return {
    agencyId: carried.agencyId,
    guidance: carried.guidance,
    acknowledged: carried.acknowledged,
    paused: carried.paused ?? carried.openCycle?.paused ?? false,
    extendedDue: carried.openCycle?.extendedDue ?? null,
    progressPercent: carried.openCycle ? carried.openCycle.progressPercent : (carried.progressPercent ?? null),
    handledUntil: carried.handledUntil ?? now,
    settled: new Set(carried.openCycle?.sentSteps ?? []),
    cycles: [],
    cycleIndex: carried.cycleIndex,
    cycle: undefined,
    cycleClosed: false,
    rolledOver: false,
    cancelled: false,
    completed: false,
    mergedInto: null,
    dirty: false,
    revision: null,
    rulesRefresh: null,
    completionMode,
    proposal: carried.openCycle?.proposal ?? null,
    completion: null,
    notBefore: carried.openCycle?.notBefore ?? 0,
    pendingCatchUp: null,
    statusModel: false,
    timeline: [...carried.timeline],
  };
}

export function recordEvent(run: TaskRun, at: number, type: TimelineEventType, detail: string, extra: Partial<TimelineEvent> = {}): void {
  run.timeline.push({ at, type, cycle: run.cycleIndex, detail, ...extra });
  if (run.timeline.length > TIMELINE_LIMIT) run.timeline.splice(0, run.timeline.length - TIMELINE_LIMIT);
}

export const dueDateOf = (run: TaskRun): IsoDate | null => run.extendedDue ?? run.cycle?.due ?? null;
