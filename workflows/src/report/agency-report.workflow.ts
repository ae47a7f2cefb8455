import {
  agencyReportChangedSignal,
  type AgencyReportInput,
  type AgencyReportState,
  agencyReportScopeQuery,
  agencyReportStateQuery,
  type AgencyReportStatus,
  type ReportReviewCommand,
  type ReportSubmitCommand,
  reviewReportUpdate,
  submitReportUpdate,
} from '@dondoc/contracts';
import { calendarDaysBetween, type LadderStep, vietnamDate } from '@dondoc/policy';
import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';

import type { Activities } from '@dondoc/activities';

import { createWorkflowCalendar } from '../task/workflow-calendar';
import { graceDeadline, isLateAt, reportLadder, reportNotification, REQUEST_STEP, type ReturnNotice } from './report-ladder';

const { enqueueNotification } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});
// Database steps a person waits for (an Update): a few quick retries, then a clear error.
const { recordReportSubmission, reviewReportSubmission } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumAttempts: 5 },
});

const COMMENT_LIMIT = 2000;

/**
 * One agency's report in one cycle: sends the request, reminds and escalates
 * on the task ladder until a report is in, takes revisions until the cycle
 * closes, and records the review. Lives about two months with a few dozen
 * events, so it needs no continue-as-new.
 */
export async function agencyReportWorkflow(input: AgencyReportInput): Promise<AgencyReportState> {
  const { workflowId } = workflowInfo();
  const { agencyId, agencyName } = input.assignment;
  // Like every letter, a request goes out in office hours on a working day: a cycle
  // started at night (dondoc up after the request day) asks the next morning.
  const requestInOfficeHours = patched('request-in-office-hours');
  const requestedAt = requestInOfficeHours ? createWorkflowCalendar(input.calendarOverrides).nextOfficeMoment(Date.now()) : Date.now();
  // Before this patch a request sent after the unit deadline (a cycle started
  // late) came with a deadline already past, and the escalations of the plan's
  // deadline followed at once; now the agency gets a grace period, stated in the
  // request, and its ladder counts from it. Steps are then told apart by
  // deadline too, as a return can move it again.
  const withGrace = patched('late-request-grace');
  const late = withGrace && requestedAt < input.closesAt ? graceDeadline(input, requestedAt, input.unitDeadline, { onlyWhenPast: true }) : null;
  let dueDate = late?.dueDate ?? input.unitDeadline;
  let ladder = reportLadder(input, requestedAt, dueDate);
  const sent = new Set<string>();
  const stepKey = (stepId: string) => (withGrace ? `${dueDate}|${stepId}` : stepId);

  let status: AgencyReportStatus = 'requested';
  let submissionId: string | null = null;
  let revision: number | null = null;
  let firstSubmittedAt: number | null = null;
  let lastSubmittedAt: number | null = null;
  let returns = 0;
  let closed = false;
  let busy = false;
  let dirty = false;
  let nextStep: LadderStep | undefined;
  let pendingRequestAt: number | null = null;
  let requestSentAt: number | null = null;

  const chasing = () => !closed && (status === 'requested' || status === 'returned');
  const state = (): AgencyReportState => ({
    workflowId,
    agencyId,
    agencyName,
    status,
    submissionId,
    revision,
    firstSubmittedAt,
    lastSubmittedAt,
    late: firstSubmittedAt !== null && isLateAt(firstSubmittedAt, dueDate),
    dueDate,
    requestedAt: requestSentAt,
    returns,
    remindersSent: sent.size,
    nextReminderAt: chasing() ? (pendingRequestAt ?? nextStep?.at ?? null) : null,
    closed,
  });
  const publish = async () => {
    // The cycle may have been reset or terminated by an admin; the child's own state stays authoritative.
    await getExternalWorkflowHandle(input.cycleWorkflowId)
      .signal(agencyReportChangedSignal, state())
      .catch(() => undefined);
  };
  const guard = (what: string) => {
    if (closed) throw new Error(`Kỳ báo cáo đã khóa sổ; không thể ${what}.`);
    if (busy) throw new Error('Đang xử lý một thao tác khác với báo cáo này; vui lòng thử lại sau giây lát.');
  };
  /** Runs a database step inside an Update, turning its failure into the message the caller sees. */
  const step = async <T>(run: () => Promise<T>): Promise<T> => {
    busy = true;
    try {
      return await run();
    } catch (error) {
      const cause = error instanceof ActivityFailure ? error.cause : error;
      throw ApplicationFailure.create({ message: cause instanceof Error ? cause.message : String(cause), nonRetryable: true });
    } finally {
      busy = false;
    }
  };
  const send = async (stepId: string, at: number, daysLeft: number | null, recipients: LadderStep['recipients'], template: 'report-request' | 'report-reminder' | 'report-returned', notice?: ReturnNotice) => {
    sent.add(stepKey(stepId));
    const job = reportNotification(input, workflowId, { stepId, at, daysLeft, recipients: recipients.map((r) => ({ role: r.role, channels: [...r.channels] })) }, template, notice, dueDate);
    await enqueueNotification(job);
  };

  setHandler(agencyReportStateQuery, state);
  setHandler(agencyReportScopeQuery, () => input.assignment);
  setHandler(
    submitReportUpdate,
    async ({ submissionId: id }: ReportSubmitCommand) => {
      const at = Date.now();
      const saved = await step(() => recordReportSubmission({ submissionId: id, planId: input.planId, cycleKey: input.cycleKey, agencyId, at }));
      submissionId = saved.submissionId;
      revision = saved.revision;
      firstSubmittedAt ??= at;
      lastSubmittedAt = at;
      status = 'submitted';
      dirty = true;
      return state();
    },
    {
      validator: ({ submissionId: id, by }: ReportSubmitCommand) => {
        guard('gửi báo cáo');
        if (status === 'accepted') throw new Error('Báo cáo đã được Sở Khoa học và Công nghệ tiếp nhận; không thể gửi lại.');
        if (!/^\d{1,18}$/.test(id ?? '')) throw new Error('Mã bản báo cáo không hợp lệ.');
        if (!by?.trim()) throw new Error('Cần tên người gửi báo cáo.');
      },
    },
  );
  setHandler(
    reviewReportUpdate,
    async ({ decision, comment, by }: ReportReviewCommand) => {
      const id = submissionId!;
      await step(() => reviewReportSubmission({ submissionId: id, decision, comment: comment.trim(), by, at: Date.now() }));
      if (decision === 'accept') status = 'accepted';
      else {
        status = 'returned';
        returns++;
        // Tell the agency at once what to correct; the ladder then keeps chasing the revision.
        const focal = [{ role: 'focal' as const, channels: ['email' as const, 'zalo' as const] }];
        // Before this patch a return was told with the reminder's wording ("chưa nhận
        // được báo cáo") and the old deadline, which may have passed: now it has its own
        // template, and a return close to or after the deadline gives time to correct.
        if (patched('report-returned-notice')) {
          const now = Date.now();
          const moved = graceDeadline(input, now, dueDate, { onlyWhenPast: false });
          if (moved) {
            dueDate = moved.dueDate;
            ladder = reportLadder(input, now, dueDate);
          }
          const notice: ReturnNotice = { reviewComment: comment.trim(), ...(moved ? { deadlineNote: moved.note } : {}) };
          await send(`returned-r${revision}`, now, calendarDaysBetween(vietnamDate(now), dueDate), focal, 'report-returned', notice);
        } else if (patched('return-comment-own-field')) {
          // Before this patch the comment went into the deadline text, which a letter
          // with a due date never shows; now it has its own field, and the days left are given.
          const now = Date.now();
          await send(`returned-r${revision}`, now, calendarDaysBetween(vietnamDate(now), input.unitDeadline), focal, 'report-reminder', { reviewComment: comment.trim() });
        } else {
          await send(`returned-r${revision}`, Date.now(), null, focal, 'report-reminder', { note: `Báo cáo bị trả lại để bổ sung: ${comment.trim().slice(0, 400)}` });
        }
      }
      dirty = true;
      return state();
    },
    {
      validator: ({ decision, comment, by }: ReportReviewCommand) => {
        guard('xem xét báo cáo');
        if (status !== 'submitted') throw new Error(`Chỉ xem xét được báo cáo đang chờ xem xét (hiện tại: ${status}).`);
        if (decision !== 'accept' && decision !== 'return') throw new Error('Quyết định phải là "accept" (tiếp nhận) hoặc "return" (trả lại).');
        if (decision === 'return' && !comment?.trim()) throw new Error('Trả lại báo cáo cần nêu nội dung yêu cầu bổ sung, chỉnh sửa.');
        if ((comment ?? '').length > COMMENT_LIMIT) throw new Error(`Ý kiến xem xét tối đa ${COMMENT_LIMIT} ký tự.`);
        if (!by?.trim()) throw new Error('Cần tên người xem xét.');
      },
    },
  );

  // The request goes to whoever the policy's first notice goes to (the focal point in the default policy).
  const requestRecipients = input.policy.before[0]?.recipients ?? input.policy.onDueDate?.recipients ?? [{ role: 'focal' as const, channels: ['email' as const] }];
  const request = async () => {
    await send(REQUEST_STEP, requestedAt, calendarDaysBetween(vietnamDate(requestedAt), dueDate), requestRecipients, 'report-request', late ? { deadlineNote: late.note } : {});
    requestSentAt = requestedAt;
  };
  if (!requestInOfficeHours) {
    await request();
  } else if (requestedAt < input.closesAt) {
    if (requestedAt > Date.now()) {
      pendingRequestAt = requestedAt;
      await publish();
      // A report sent before the morning (through the API) makes the request moot.
      await condition(() => status !== 'requested', requestedAt - Date.now());
      pendingRequestAt = null;
    }
    if (status === 'requested') await request();
  } // a cycle started after it closed asks nobody: it only records who is missing
  await publish();

  // Before this patch `dirty` was cleared at the top of each round, so a change
  // made while the previous one was being published (a quick resubmit then
  // accept) was never published and the cycle showed a stale status.
  const clearBeforePublish = patched('publish-every-change');
  while (Date.now() < input.closesAt) {
    if (!clearBeforePublish) dirty = false;
    const now = Date.now();
    nextStep = chasing() ? ladder.find((s) => s.at > now && !sent.has(stepKey(s.stepId))) : undefined;
    const wakeAt = Math.min(nextStep?.at ?? Infinity, input.closesAt);
    const timedOut = !(await condition(() => dirty, Math.max(wakeAt - now, 1)));
    if (timedOut && nextStep && Date.now() >= nextStep.at && chasing()) await send(nextStep.stepId, nextStep.at, nextStep.daysLeft, nextStep.recipients, 'report-reminder');
    if (dirty || timedOut) {
      // publish() reads the state synchronously; a change while it is sent sets `dirty` again for the next round.
      if (clearBeforePublish) dirty = false;
      await publish();
    }
  }

  closed = true; // from here validators refuse new submissions and reviews
  await condition(() => !busy && allHandlersFinished());
  if (submissionId === null) status = 'missing';
  nextStep = undefined;
  await publish();
  return state();
}
