import type { Channel, NotificationTemplate, RecipientRole } from '@dondoc/contracts';

// An escalation policy is data (seeds/policies/*.yaml): when to remind before a
// due date, whom to escalate to after it, and how often to repeat. Counting is
// in calendar days before the due date (as officials say "30 ngày trước hạn")
// and in working days after it (as escalation practice does).

export interface PolicyRecipient {
  readonly role: RecipientRole;
  readonly channels: readonly Channel[];
}

interface StepBase {
  /** Stable id, part of the reminder's idempotency key: never reuse one for a different step. */
  readonly id: string;
  readonly recipients: readonly PolicyRecipient[];
  /** Skip this step once the agency has acknowledged the task (tiếp nhận). */
  readonly onlyUntilAcknowledged: boolean;
}

export interface BeforeStep extends StepBase {
  /** Exactly one of the two. */
  readonly calendarDaysBefore?: number;
  readonly workingDaysBefore?: number;
}

export interface AfterStep extends StepBase {
  readonly workingDaysAfter: number;
}

export interface RepeatRule {
  readonly everyCalendarDays: number;
  readonly recipients: readonly PolicyRecipient[];
  /** Null: repeat until the task is done. */
  readonly maxRepeats: number | null;
}

export interface EscalationPolicy {
  readonly id: string;
  /** Local time (Asia/Ho_Chi_Minh) reminders are sent at, "HH:MM"; moved into office hours if needed. */
  readonly sendAt: string;
  readonly before: readonly BeforeStep[];
  /** The reminder on the due date itself. */
  readonly onDueDate: StepBase | null;
  readonly after: readonly AfterStep[];
  readonly repeat: RepeatRule | null;
  /** For tasks waiting for central guidance: calendar days from the guidance to the due date. */
  readonly guidanceLeadDays: number;
  /**
   * How report cycles use this policy beyond the ladder. Optional, and never
   * filled in by the schema, so policies without it keep their fingerprint
   * (task workflows are not refreshed for a setting they never read).
   */
  readonly reports?: ReportPolicy;
}

export interface ReportPolicy {
  /**
   * Working days before Sở KH&CN's deadline at which the consolidation is
   * generated and sent to its admins for approval.
   * @defaultValue DEFAULT_SIGN_OFF_WORKING_DAYS (3)
   */
  readonly signOffWorkingDays?: number;
  /**
   * Working days an agency gets from a report request sent after the request's
   * own deadline (a cycle started late); its ladder counts from that day.
   * @defaultValue DEFAULT_LATE_REQUEST_GRACE_WORKING_DAYS (5)
   */
  readonly lateRequestGraceWorkingDays?: number;
}

export const DEFAULT_SIGN_OFF_WORKING_DAYS = 3;
export const DEFAULT_LATE_REQUEST_GRACE_WORKING_DAYS = 5;

/** Working days an agency is given after a late request (or a return), from the policy or the default. */
export const lateRequestGraceWorkingDays = (policy: EscalationPolicy): number => policy.reports?.lateRequestGraceWorkingDays ?? DEFAULT_LATE_REQUEST_GRACE_WORKING_DAYS;

export type StepPhase = 'before' | 'due' | 'after' | 'repeat';

export const templateOfPhase: Record<StepPhase, NotificationTemplate> = {
  before: 'reminder-before',
  due: 'reminder-due',
  after: 'escalation',
  repeat: 'escalation',
};
