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
}

export type StepPhase = 'before' | 'due' | 'after' | 'repeat';

export const templateOfPhase: Record<StepPhase, NotificationTemplate> = {
  before: 'reminder-before',
  due: 'reminder-due',
  after: 'escalation',
  repeat: 'escalation',
};
