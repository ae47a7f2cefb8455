import type { AgencyReportInput, NotificationJob } from '@dondoc/contracts';
import { reminderKey } from '@dondoc/contracts';
import { buildLadder, type LadderStep, vietnamDate } from '@dondoc/policy';

import { createWorkflowCalendar } from '../task/workflow-calendar';

/** The step id of the request itself; it shares the key scheme with reminders. */
export const REQUEST_STEP = 'request';

/**
 * The reminders of one agency's report: the task ladder (same policy, same
 * calendar) for the unit deadline, minus the steps before the request went
 * out (the request is the first notice) and after the cycle closes.
 */
export function reportLadder(input: AgencyReportInput, requestedAt: number): LadderStep[] {
  const calendar = createWorkflowCalendar(input.calendarOverrides);
  return buildLadder(input.unitDeadline, input.policy, calendar, input.closesAt).filter((step) => step.at > requestedAt && step.at < input.closesAt);
}

/** A report counts as late when it arrives after the unit deadline's day in Vietnam. */
export const isLateAt = (at: number, unitDeadline: string) => vietnamDate(at) > unitDeadline;

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** What a return adds to its notice: the comment in its own field (a return before the 'return-comment-own-field' patch put it in the deadline text). */
export interface ReturnNotice {
  readonly note?: string;
  readonly reviewComment?: string;
}

/** The job handed to delivery for the request, a reminder, or a return to the agency. */
export function reportNotification(
  input: AgencyReportInput,
  workflowId: string,
  step: { stepId: string; at: number; daysLeft: number | null; recipients: NotificationJob['recipients'] },
  template: 'report-request' | 'report-reminder',
  notice: ReturnNotice = {},
): NotificationJob {
  return {
    idempotencyKey: reminderKey(workflowId, input.unitDeadline, step.stepId),
    template,
    workflowId,
    planId: input.planId,
    // Reports are not tasks; the cycle key stands in so delivery logs group by cycle.
    taskId: `bao-cao-${input.cycleKey}`,
    agencyId: input.assignment.agencyId,
    cycle: 0,
    stepId: step.stepId,
    recipients: step.recipients,
    data: {
      taskName: input.title,
      planTitle: input.planTitle,
      dueDate: input.unitDeadline,
      daysLeft: step.daysLeft,
      deadlineText: notice.note ?? `Gửi báo cáo về Sở Khoa học và Công nghệ trước ngày ${ddmmyyyy(input.unitDeadline)}`,
      ...(notice.reviewComment ? { reviewComment: notice.reviewComment } : {}),
    },
    scheduledFor: step.at,
  };
}
