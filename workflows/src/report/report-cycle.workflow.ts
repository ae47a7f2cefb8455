import {
  AGENCY_REPORT_WORKFLOW_TYPE,
  agencyReportChangedSignal,
  approvalRefusal,
  approveReportUpdate,
  type ReportApproveCommand,
  type ReportSignOff,
  type AgencyReportInput,
  type AgencyReportState,
  agencyReportWorkflowId,
  type ReportCyclePhase,
  type ReportCyclePlan,
  type ReportCycleRequest,
  type ReportCycleState,
  reportCyclePlanQuery,
  reportCycleStateQuery,
  type ReportFileRef,
  searchAttributes,
} from '@dondoc/contracts';
import { ActivityFailure, allHandlersFinished, ApplicationFailure, condition, ParentClosePolicy, patched, proxyActivities, setHandler, startChild, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';

import type { Activities } from '@dondoc/activities';

import type { agencyReportWorkflow } from './agency-report.workflow';
import { type SignOffContext, signOffAndSend } from './report-sign-off';

const { prepareReportCycle } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['ReportCycleError'] },
});
// Documents and e-mail: heavier, and worth retrying for a while (a relay may be down at night).
const { consolidateReport, emailConsolidatedReport } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});
// An admin waits for it (an Update): a few quick retries, then a clear error.
const { reportGenerationFiles } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumAttempts: 5 },
});

/**
 * One report cycle of a plan (yearly, or an ad-hoc request): resolves who
 * reports what, starts one agencyReportWorkflow per agency, and when the cycle
 * closes consolidates their reports into DOCX/XLSX/JSON and puts them to Sở
 * KH&CN's admins; the generation they approve is e-mailed to the plan's
 * recipients (Bộ KH&CN, UBND tỉnh). See report-sign-off.ts.
 */
export async function reportCycleWorkflow(request: ReportCycleRequest): Promise<ReportCycleState> {
  const { workflowId } = workflowInfo();
  let phase: ReportCyclePhase = 'preparing';
  let plan: ReportCyclePlan | null = null;
  let files: readonly ReportFileRef[] = [];
  let emailMessageId: string | null = null;
  let signOff: ReportSignOff | null = null;
  let approvedFiles: readonly ReportFileRef[] | null = null;
  let approving = false;
  const agencies = new Map<string, AgencyReportState>();

  const state = (): ReportCycleState => ({
    workflowId,
    planId: request.planId,
    cycleKey: plan?.cycleKey ?? String(request.year),
    year: request.year,
    title: plan?.title ?? null,
    phase,
    unitDeadline: plan?.unitDeadline ?? null,
    aggregatorDeadline: plan?.aggregatorDeadline ?? null,
    closesAt: plan?.closesAt ?? null,
    agencies: [...agencies.values()],
    files,
    emailMessageId,
    signOff,
  });
  setHandler(reportCycleStateQuery, state);
  setHandler(reportCyclePlanQuery, () => (plan ? withoutPolicy(plan) : null));
  setHandler(
    approveReportUpdate,
    async ({ generation, by }: ReportApproveCommand) => {
      approving = true;
      try {
        // The files are read from the database by number, so the approval names exactly what will be e-mailed.
        const found = await reportGenerationFiles({ planId: request.planId, cycleKey: plan!.cycleKey, generation });
        signOff = { ...signOff!, approval: { generation, by: by.trim(), at: Date.now() } };
        approvedFiles = found;
        files = found;
        phase = 'approved';
        return state();
      } catch (error) {
        const cause = error instanceof ActivityFailure ? error.cause : error;
        throw ApplicationFailure.create({ message: cause instanceof Error ? cause.message : String(cause), nonRetryable: true });
      } finally {
        approving = false;
      }
    },
    {
      validator: (command: ReportApproveCommand) => {
        const refusal = approvalRefusal(phase, signOff, approving, command);
        if (refusal) throw new Error(refusal);
      },
    },
  );
  setHandler(agencyReportChangedSignal, (update) => {
    // Signals may overtake each other only across agencies; a closed state is never replaced by an open one.
    const known = agencies.get(update.agencyId);
    if (!known?.closed) agencies.set(update.agencyId, update);
  });

  const cycle: ReportCyclePlan = await prepareReportCycle(request);
  plan = cycle;
  upsertSearchAttributes({ [searchAttributes.plan.name]: [cycle.planId], [searchAttributes.status.name]: ['collecting'] });
  phase = 'collecting';

  const handles = await Promise.all(
    cycle.agencies.map((assignment) => {
      const input: AgencyReportInput = {
        planId: cycle.planId,
        planTitle: cycle.planTitle,
        year: cycle.year,
        cycleKey: cycle.cycleKey,
        title: cycle.title,
        cycleWorkflowId: workflowId,
        assignment,
        unitDeadline: cycle.unitDeadline,
        closesAt: cycle.closesAt,
        policy: cycle.policy,
        calendarOverrides: cycle.calendarOverrides,
      };
      agencies.set(assignment.agencyId, initialState(agencyReportWorkflowId(cycle.planId, cycle.cycleKey, assignment.agencyId), assignment));
      return startChild<typeof agencyReportWorkflow>(AGENCY_REPORT_WORKFLOW_TYPE, {
        workflowId: agencyReportWorkflowId(cycle.planId, cycle.cycleKey, assignment.agencyId),
        args: [input],
        // Reports already submitted must still be consolidated if this cycle is reset.
        parentClosePolicy: ParentClosePolicy.ABANDON,
        searchAttributes: {
          [searchAttributes.plan.name]: [cycle.planId],
          [searchAttributes.agency.name]: [assignment.agencyId],
          [searchAttributes.status.name]: ['requested'],
        },
      });
    }),
  );

  // Every child ends when the cycle closes, with its final status.
  const finals = await Promise.all(handles.map((handle) => handle.result()));
  for (const final of finals) agencies.set(final.agencyId, final);

  // Before this patch the consolidation was e-mailed to the recipients as soon
  // as the cycle closed, unseen by Sở KH&CN, even when nobody had been asked.
  if (patched('report-sign-off')) {
    const context: SignOffContext = {
      workflowId,
      cycle: withoutPolicy(cycle),
      policy: cycle.policy,
      calendarOverrides: cycle.calendarOverrides,
      setPhase: (next) => {
        phase = next;
        upsertSearchAttributes({ [searchAttributes.status.name]: [next] });
      },
      setFiles: (next) => void (files = next),
      updateSignOff: (change) => void (signOff = change(signOff)),
      setEmailMessageId: (id) => void (emailMessageId = id),
      approved: () => approvedFiles,
    };
    await signOffAndSend(context, finals);
    // The approval's Update returns its reply before the cycle ends.
    await condition(allHandlersFinished);
    return state();
  }

  phase = 'consolidating';
  upsertSearchAttributes({ [searchAttributes.status.name]: ['consolidating'] });
  const generatedAt = Date.now();
  files = await consolidateReport({ cycle: withoutPolicy(cycle), agencies: finals, generatedAt });
  const sent = await emailConsolidatedReport({ cycle: withoutPolicy(cycle), files, idempotencyKey: `${workflowId}|consolidated` });
  emailMessageId = sent.messageId;

  phase = 'completed';
  upsertSearchAttributes({ [searchAttributes.status.name]: ['completed'] });
  return state();
}

/** The policy and calendar only matter to the children; activities get the rest. */
export function withoutPolicy(cycle: ReportCyclePlan): Omit<ReportCyclePlan, 'policy' | 'calendarOverrides'> {
  const { policy: _policy, calendarOverrides: _overrides, ...rest } = cycle;
  return rest;
}

function initialState(workflowId: string, assignment: ReportCyclePlan['agencies'][number]): AgencyReportState {
  return {
    workflowId,
    agencyId: assignment.agencyId,
    agencyName: assignment.agencyName,
    status: 'requested',
    submissionId: null,
    revision: null,
    firstSubmittedAt: null,
    lastSubmittedAt: null,
    late: false,
    returns: 0,
    remindersSent: 0,
    nextReminderAt: null,
    closed: false,
  };
}
