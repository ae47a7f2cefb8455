import type { AgencyReportInput, NotificationJob, NotificationTemplate } from '@dondoc/contracts';
import { reminderKey } from '@dondoc/contracts';
import type { WorkingCalendar } from '@dondoc/calendar';
import type { IsoDate } from '@dondoc/domain';
import { buildLadder, type LadderStep, lateRequestGraceWorkingDays, vietnamDate } from '@dondoc/policy';

import { createWorkflowCalendar } from '../task/workflow-calendar';

/** The step id of the request itself; it shares the key scheme with reminders. */
export const REQUEST_STEP = 'request';

/**
 * The reminders of one agency's report: the task ladder (same policy, same
 * calendar) for its deadline, minus the steps before `from` (the request, or
 * a return, is the notice at that moment) and after the cycle closes.
 */
export function reportLadder(input: AgencyReportInput, from: number, dueDate: IsoDate = input.unitDeadline): LadderStep[] {
  const calendar = createWorkflowCalendar(input.calendarOverrides);
  return buildLadder(dueDate, input.policy, calendar, input.closesAt).filter((step) => step.at > from && step.at < input.closesAt);
}

/** A report counts as late when it arrives after the agency's deadline day in Vietnam. */
export const isLateAt = (at: number, dueDate: string) => vietnamDate(at) > dueDate;

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The last day an agency can be given: the cycle closes at `closesAt`, so a day whose offices close later cannot be a deadline. */
function lastDayBefore(calendar: WorkingCalendar, closesAt: number): IsoDate {
  const closingDay = vietnamDate(closesAt);
  return calendar.officeDayEnd(closingDay) <= closesAt ? closingDay : calendar.addWorkingDays(closingDay, -1);
}

/**
 * The deadline an agency gets when told at `at` and the deadline it had is
 * already past (a request sent late) or about to be (a return): the policy's
 * grace in working days from that day, never past the cycle's close, never
 * earlier than the deadline it had. Null when the deadline it had stands.
 */
export function graceDeadline(input: AgencyReportInput, at: number, current: IsoDate, options: { onlyWhenPast: boolean }): { dueDate: IsoDate; note: string } | null {
  const calendar = createWorkflowCalendar(input.calendarOverrides);
  const today = vietnamDate(at);
  if (options.onlyWhenPast && today <= current) return null;
  const days = lateRequestGraceWorkingDays(input.policy);
  const proposed = calendar.addWorkingDays(today, days);
  const capped = [proposed, lastDayBefore(calendar, input.closesAt)].sort()[0]!;
  if (capped <= current) return null;
  const given = capped === proposed ? `${days} ngày làm việc kể từ ngày ${ddmmyyyy(today)}` : `đến ngày khóa sổ kỳ báo cáo`;
  const note = options.onlyWhenPast
    ? `Hạn gửi báo cáo theo kế hoạch (${ddmmyyyy(current)}) đã qua khi đề nghị này được gửi; hạn gửi báo cáo của quý cơ quan là ${ddmmyyyy(capped)} (${given}).`
    : `Hạn gửi lại báo cáo: ${ddmmyyyy(capped)} (${given}).`;
  return { dueDate: capped, note };
}

/** What a notice adds: the comment of a return in its own field (a return before the 'return-comment-own-field' patch put it in the deadline text), why the deadline moved. */
export interface ReturnNotice {
  readonly note?: string;
  readonly reviewComment?: string;
  readonly deadlineNote?: string;
}

/** The job handed to delivery for the request, a reminder, or a return to the agency. */
export function reportNotification(
  input: AgencyReportInput,
  workflowId: string,
  step: { stepId: string; at: number; daysLeft: number | null; recipients: NotificationJob['recipients'] },
  template: Extract<NotificationTemplate, 'report-request' | 'report-reminder' | 'report-returned'>,
  notice: ReturnNotice = {},
  dueDate: IsoDate = input.unitDeadline,
): NotificationJob {
  return {
    idempotencyKey: reminderKey(workflowId, dueDate, step.stepId),
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
      dueDate,
      daysLeft: step.daysLeft,
      deadlineText: notice.note ?? `Gửi báo cáo về Sở Khoa học và Công nghệ trước ngày ${ddmmyyyy(dueDate)}`,
      ...(notice.reviewComment ? { reviewComment: notice.reviewComment } : {}),
      ...(notice.deadlineNote ? { deadlineNote: notice.deadlineNote } : {}),
    },
    scheduledFor: step.at,
  };
}
