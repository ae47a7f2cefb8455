import type { CalendarOverrides } from '@dondoc/calendar';
import type { AgencyReportState, ReportCyclePhase, ReportCyclePlan, ReportFileRef, ReportSignOff } from '@dondoc/contracts';
import { type EscalationPolicy, vietnamInstant } from '@dondoc/policy';
import { ActivityFailure, condition, proxyActivities } from '@temporalio/workflow';

import type { Activities } from '@dondoc/activities';

import { createWorkflowCalendar } from '../task/workflow-calendar';

// The end of a cycle since the 'report-sign-off' patch: the consolidation is
// made when the cycle closes and put to Sở KH&CN's admins; only their approval
// of a generation sends that generation to the recipients (Bộ KH&CN, UBND
// tỉnh). Without an approval by the day it must go out, Sở KH&CN's head is
// told, and the report still waits: nothing leaves on its own.

const { consolidateCycle, emailConsolidatedReport } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});
// A letter to Sở KH&CN that cannot be sent (nobody to send it to) must not stop the cycle: it is recorded as sent to nobody.
const { requestReportApproval, escalateReportApproval } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes', nonRetryableErrorTypes: ['NoRecipients'] },
});

type ActivityCycle = Omit<ReportCyclePlan, 'policy' | 'calendarOverrides'>;

/** What the sign-off reads and changes of the cycle workflow's state. */
export interface SignOffContext {
  readonly workflowId: string;
  readonly cycle: ActivityCycle;
  readonly policy: EscalationPolicy;
  readonly calendarOverrides: readonly CalendarOverrides[];
  setPhase(phase: ReportCyclePhase): void;
  setFiles(files: readonly ReportFileRef[]): void;
  /** Changes the sign-off from its present value (an approval may have come in meanwhile). */
  updateSignOff(change: (current: ReportSignOff | null) => ReportSignOff): void;
  setEmailMessageId(id: string): void;
  /** The files of the approved generation, once an approval is in. */
  approved(): readonly ReportFileRef[] | null;
}

/** Whether an agency was ever asked for its report (older states have no requestedAt). */
const wasAsked = (agency: AgencyReportState) => (agency.requestedAt ?? null) !== null || agency.remindersSent > 0 || agency.submissionId !== null;

/** The moment Sở KH&CN's head is told, for cycles prepared before the plan carried it: the morning of the aggregator deadline. */
function approvalDueAt(context: SignOffContext): number {
  if (context.cycle.approvalDueAt !== undefined) return context.cycle.approvalDueAt;
  const calendar = createWorkflowCalendar(context.calendarOverrides);
  return Math.max(calendar.nextOfficeMoment(vietnamInstant(context.cycle.aggregatorDeadline, context.policy.sendAt)), context.cycle.closesAt);
}

/** Sends a letter to Sở KH&CN; a refusal to send (nobody to send it to) reads as "sent to nobody". */
async function tell(send: () => Promise<{ sentTo: string[] }>): Promise<string[]> {
  try {
    return (await send()).sentTo;
  } catch (error) {
    if (error instanceof ActivityFailure) return [];
    throw error;
  }
}

/** Runs the cycle from its close to the e-mail: consolidate, ask for approval, escalate, send what was approved. */
export async function signOffAndSend(context: SignOffContext, finals: readonly AgencyReportState[]): Promise<void> {
  const { workflowId, cycle } = context;
  // A cycle that closed before any request went out has nothing to report on.
  if (!finals.some(wasAsked)) {
    context.setPhase('not-requested');
    return;
  }
  context.setPhase('consolidating');
  const { files, standing } = await consolidateCycle({ cycle, agencies: finals, generatedAt: Date.now() });
  context.setFiles(files);
  const generation = files[0]?.generation ?? 1;
  const dueAt = approvalDueAt(context);
  // Open for approval at once (an admin may approve from the report page before the letter is out); who was asked follows.
  context.updateSignOff(() => ({ generation, requestedAt: Date.now(), requestedFrom: [], approvalDueAt: dueAt, escalatedAt: null, escalatedTo: [], approval: null }));
  context.setPhase('awaiting-approval');
  const requestedFrom = await tell(() => requestReportApproval({ cycle, files, standing, idempotencyKey: `${workflowId}|sign-off` }));
  context.updateSignOff((current) => ({ ...current!, requestedFrom }));

  const approvedIn = () => context.approved() !== null;
  if (!(await condition(approvedIn, Math.max(dueAt - Date.now(), 1)))) {
    const escalatedAt = Date.now();
    const escalatedTo = await tell(() => escalateReportApproval({ cycle, generation, standing, idempotencyKey: `${workflowId}|sign-off-escalation` }));
    context.updateSignOff((current) => ({ ...current!, escalatedAt, escalatedTo }));
    await condition(approvedIn);
  }
  const approvedFiles = context.approved()!;
  context.setFiles(approvedFiles);
  const sent = await emailConsolidatedReport({ cycle, files: approvedFiles, idempotencyKey: `${workflowId}|consolidated` });
  context.setEmailMessageId(sent.messageId);
  context.setPhase('completed');
}
