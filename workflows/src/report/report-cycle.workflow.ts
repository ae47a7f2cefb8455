import {
  AGENCY_REPORT_WORKFLOW_TYPE,
  agencyReportChangedSignal,
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
import { ParentClosePolicy, proxyActivities, setHandler, startChild, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';

import type { Activities } from '@dondoc/activities';

import type { agencyReportWorkflow } from './agency-report.workflow';

const { prepareReportCycle } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['ReportCycleError'] },
});
// Documents and e-mail: heavier, and worth retrying for a while (a relay may be down at night).
const { consolidateReport, emailConsolidatedReport } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/**
 * One report cycle of a plan (yearly, or an ad-hoc request): resolves who
 * reports what, starts one agencyReportWorkflow per agency, and when the cycle
 * closes consolidates their reports into DOCX/XLSX/JSON and e-mails them to
 * the plan's recipients (Bộ KH&CN, UBND tỉnh).
 */
export async function reportCycleWorkflow(request: ReportCycleRequest): Promise<ReportCycleState> {
  const { workflowId } = workflowInfo();
  let phase: ReportCyclePhase = 'preparing';
  let plan: ReportCyclePlan | null = null;
  let files: readonly ReportFileRef[] = [];
  let emailMessageId: string | null = null;
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
  });
  setHandler(reportCycleStateQuery, state);
  setHandler(reportCyclePlanQuery, () => (plan ? withoutPolicy(plan) : null));
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
function withoutPolicy(cycle: ReportCyclePlan): Omit<ReportCyclePlan, 'policy' | 'calendarOverrides'> {
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
