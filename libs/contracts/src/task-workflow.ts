import type { CalendarOverrides } from '@dondoc/calendar';
import type { AgencyId, CompletionMode, Deadline, IsoDate, TaskStatus } from '@dondoc/domain';
import type { CycleContext, EscalationPolicy } from '@dondoc/policy';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

// The task workflow's public surface: its input, and the messages admins and
// agencies send it. DO NOT RENAME message names: running workflows handle them by name.

/** `task/<plan>/<task>/<agency>`: one workflow per task and lead agency. */
export const taskWorkflowId = (planId: string, taskId: string, agencyId: string) => `task/${planId}/${taskId}/${agencyId}`;

export interface TaskWorkflowInput {
  readonly planId: string;
  readonly planTitle: string;
  readonly taskId: string;
  readonly taskName: string;
  /** The lead agency this workflow chases (a member agency when the plan names a collective). */
  readonly agencyId: AgencyId;
  readonly deadline: Deadline;
  readonly policy: EscalationPolicy;
  readonly cycleContext: Omit<CycleContext, 'guidanceDate'>;
  /** Years of official holiday announcements (seeds/calendar) the working-day calendar applies. */
  readonly calendarOverrides: readonly CalendarOverrides[];
  /**
   * Identifies `policy` and `calendarOverrides` (a hash), kept in the memo so that an
   * import finds, from visibility, the workflows still on older rules. Absent in older runs.
   */
  readonly rulesFingerprint?: string;
  /**
   * Present state on import: send at most one catch-up reminder for the step the task
   * is on now instead of replaying past reminders. False after the first run.
   */
  readonly catchUp: boolean;
  /** The plan's `completion`: whether an agency's proposal waits for Sở KH&CN (absent in older runs: `confirmed`). */
  readonly completion?: CompletionMode;
  /** Carried over continue-as-new between cycles. */
  readonly carried?: CarriedState;
}

export interface CarriedState {
  readonly cycleIndex: number;
  readonly agencyId: AgencyId;
  readonly acknowledged: boolean;
  readonly guidance: GuidanceIssued | null;
  readonly timeline: readonly TimelineEvent[];
  /** Reminders stay paused across cycles until resumed (absent in older runs: not paused). */
  readonly paused?: boolean;
  /**
   * Epoch ms: steps of the next run's ladder at or before it are settled (sent, skipped,
   * or gone before the cycle began). A cycle entered by roll-over starts just before
   * its first reminder, so that reminder is sent; absent: the next run's start.
   */
  readonly handledUntil?: number;
  /** A period's progress, reported in its yearly progress cycles, stays shown in the next cycle. */
  readonly progressPercent?: number | null;
  /** Only when the same cycle continues in a fresh run (its history grew long). */
  readonly openCycle?: {
    readonly paused: boolean;
    readonly extendedDue: IsoDate | null;
    readonly progressPercent: number | null;
    /** Steps settled (sent or skipped) in this cycle, as `<due date>|<step id>`. */
    readonly sentSteps: readonly string[];
    /** A completion proposed and not yet confirmed or returned (absent in older runs: none). */
    readonly proposal?: CompletionProposal | null;
    /** Epoch ms before which no step is sent, after a catch-up (absent: none). */
    readonly notBefore?: number;
  };
}

export interface GuidanceIssued {
  readonly documentNumber: string;
  readonly date: IsoDate;
  readonly issuer: string;
  readonly link?: string;
}

export interface Actor {
  readonly by: string;
}

export interface ProgressReport extends Actor {
  readonly percent: number;
  readonly note: string;
}

/** Sở KH&CN completes a task itself (the completion date is the day it does). */
export interface Completion extends Actor {
  readonly evidence: string;
}

/** The agency says the task is done: its result and evidence, for Sở KH&CN to confirm or return. */
export interface CompletionProposalInput extends Actor {
  /** What was achieved (the plan's "Kết quả", e.g. "Kế hoạch số 12/KH-UBND đã ban hành"). */
  readonly result: string;
  /** Document numbers, links. */
  readonly evidence: string;
}

export interface CompletionProposal extends CompletionProposalInput {
  /** Epoch ms, workflow clock. */
  readonly at: number;
  /** The day of the proposal in Vietnam: the completion date once confirmed. */
  readonly on: IsoDate;
  /** The due date the proposal answers (an extended one when extended). */
  readonly dueDate: IsoDate;
  /** Calendar days from the due date to the proposal (0 when on time). */
  readonly daysLate: number;
}

/** How a cycle was completed. */
export interface CompletionRecord {
  /** The completion date: the proposal's day when confirmed, the day itself otherwise. */
  readonly on: IsoDate;
  readonly dueDate: IsoDate;
  /** Calendar days from the due date to the completion date (0: on time). */
  readonly daysLate: number;
  /** Who proposed it (or completed it directly). */
  readonly by: string;
  /** The admin who confirmed the proposal; null when it needed none (completed directly, or `completion: self`). */
  readonly confirmedBy: string | null;
}

export interface CompletionReview extends Actor {
  /** Confirmation: optional remark; return: what is missing (required). */
  readonly comment: string;
}

export interface DeadlineExtension {
  readonly newDue: IsoDate;
  readonly reason: string;
  readonly approvedBy: string;
}

export interface Reassignment extends Actor {
  readonly toAgency: AgencyId;
  readonly reason: string;
}

export interface Reason extends Actor {
  readonly reason: string;
}

/**
 * An agency merge found this task already open at the successor: the moved
 * task's timeline and progress join the successor's (which continues), and the
 * moved one is closed with a pointer to it (MergeClosure).
 */
export interface MergedTask extends Actor {
  readonly workflowId: string;
  readonly agencyId: AgencyId;
  readonly reason: string;
  readonly timeline: readonly TimelineEvent[];
  readonly progressPercent: number | null;
}

export interface MergeClosure extends Actor {
  /** The workflow that continues the task. */
  readonly continuesIn: string;
  readonly toAgency: AgencyId;
  readonly reason: string;
}

export type TimelineEventType =
  | 'started'
  | 'trigger-waiting'
  | 'guidance-received'
  | 'cycle-started'
  | 'reminder-sent'
  | 'reminder-skipped'
  | 'rules-updated'
  | 'catch-up-sent'
  | 'delivered'
  | 'delivery-failed'
  | 'acknowledged'
  | 'progress'
  | 'completed'
  | 'completion-proposed'
  | 'completion-confirmed'
  | 'completion-returned'
  | 'input-refused'
  | 'deadline-extended'
  | 'reassigned'
  | 'paused'
  | 'resumed'
  | 'cancelled'
  | 'plan-revised'
  | 'merged-in'
  | 'merged-away';

export interface TimelineEvent {
  /** Epoch ms, from the workflow clock. */
  readonly at: number;
  readonly type: TimelineEventType;
  readonly cycle: number;
  readonly detail: string;
  readonly stepId?: string;
  readonly idempotencyKey?: string;
}

export interface TaskState {
  readonly workflowId: string;
  readonly planId: string;
  readonly taskId: string;
  readonly agencyId: AgencyId;
  readonly status: TaskStatus;
  readonly acknowledged: boolean;
  readonly paused: boolean;
  readonly cycle: number;
  readonly cycleKind: 'deadline' | 'progress' | null;
  readonly dueDate: IsoDate | null;
  readonly progressPercent: number | null;
  /** Epoch ms of the next reminder, null when none is scheduled. */
  readonly nextReminderAt: number | null;
  readonly nextReminderStep: string | null;
  readonly completionMode: CompletionMode;
  /** A proposal waiting for Sở KH&CN (null: none). */
  readonly proposal: CompletionProposal | null;
  /** How this cycle, or the task, was completed (null while open). */
  readonly completion: CompletionRecord | null;
  /** Closed by an agency merge: the workflow that continues this task (absent before merges existed). */
  readonly continuesIn?: string | null;
}

export const acknowledgeUpdate = defineUpdate<TaskState, [Actor]>('acknowledge');
export const reportProgressUpdate = defineUpdate<TaskState, [ProgressReport]>('reportProgress');
export const completeUpdate = defineUpdate<TaskState, [Completion]>('complete');
export const proposeCompletionUpdate = defineUpdate<TaskState, [CompletionProposalInput]>('proposeCompletion');
export const confirmCompletionUpdate = defineUpdate<TaskState, [CompletionReview]>('confirmCompletion');
/** The proposal goes back to the agency with what is missing; the ladder resumes where it stood. */
export const returnCompletionUpdate = defineUpdate<TaskState, [CompletionReview]>('returnCompletion');
export const extendDeadlineUpdate = defineUpdate<TaskState, [DeadlineExtension]>('extendDeadline');
export const reassignUpdate = defineUpdate<TaskState, [Reassignment]>('reassign');
export const pauseUpdate = defineUpdate<TaskState, [Reason]>('pause');
export const resumeUpdate = defineUpdate<TaskState, [Actor]>('resume');
export const cancelUpdate = defineUpdate<TaskState, [Reason]>('cancel');
export const absorbMergedTaskUpdate = defineUpdate<TaskState, [MergedTask]>('absorbMergedTask');
export const closeAsMergedUpdate = defineUpdate<TaskState, [MergeClosure]>('closeAsMerged');
/** Memo key of the workflow a merged task continues in (see MergeClosure). */
export const CONTINUES_IN_MEMO = 'continuesIn';

/** A new version of the plan changed this task's wording or deadline: the ladder is rebuilt from the new deadline. */
export interface PlanTaskRevision extends Actor {
  readonly taskName: string;
  readonly deadline: Deadline;
  /** e.g. "kh-nq03-2025 phiên bản 2". */
  readonly reason: string;
}
export const revisePlanTaskUpdate = defineUpdate<TaskState, [PlanTaskRevision]>('revisePlanTask');

/**
 * New holiday announcements (seeds/calendar) or an edited escalation policy: the
 * task continues in its present cycle under them, with what was sent kept as sent.
 */
export interface WorkingRulesRefresh extends Actor {
  readonly policy: EscalationPolicy;
  readonly calendarOverrides: readonly CalendarOverrides[];
  readonly rulesFingerprint: string;
  /** The plan's completion mode, when the import knows it (absent: unchanged). */
  readonly completion?: CompletionMode;
  /** e.g. "lịch nghỉ lễ năm 2027". */
  readonly reason: string;
}
export const refreshWorkingRulesUpdate = defineUpdate<TaskState, [WorkingRulesRefresh]>('refreshWorkingRules');
/** Memo key of the rules a task workflow runs on (see TaskWorkflowInput.rulesFingerprint). */
export const RULES_FINGERPRINT_MEMO = 'rulesFingerprint';
/** A signal, not an update: the guidance fan-out sends it to many tasks and needs no answer. */
export const guidanceIssuedSignal = defineSignal<[GuidanceIssued]>('guidanceIssued');

export const stateQuery = defineQuery<TaskState>('state');
export const timelineQuery = defineQuery<readonly TimelineEvent[]>('timeline');

/**
 * What the notifier learned about one delivery of a reminder. Sent to the task
 * workflow named in the job; the workflow may re-send with the same key when no
 * outcome arrives in time (a duplicate enqueue is a no-op, so that is safe).
 */
export interface DeliveryOutcome {
  readonly idempotencyKey: string;
  readonly channel: 'email' | 'zalo';
  readonly role: 'focal' | 'head' | 'department' | 'provincial-office';
  /** `delivered`: accepted by the relay / Zalo; `failed`: every contact and retry exhausted. */
  readonly status: 'delivered' | 'failed';
  readonly detail: string;
}

export const deliveryOutcomeSignal = defineSignal<[DeliveryOutcome]>('deliveryOutcome');
