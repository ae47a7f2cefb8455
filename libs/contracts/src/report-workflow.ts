import type { CalendarOverrides } from '@dondoc/calendar';
import type { AgencyId, IsoDate } from '@dondoc/domain';
import type { EscalationPolicy } from '@dondoc/policy';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

import type { ReportScope } from './report-submission';

// The yearly (and ad-hoc) report collection: one cycle workflow per plan and
// cycle, one child per reporting agency. DO NOT RENAME the id schemes or the
// message names: the API, the CLI and running workflows find each other by them.

export const REPORT_CYCLE_WORKFLOW_TYPE = 'reportCycleWorkflow';
export const AGENCY_REPORT_WORKFLOW_TYPE = 'agencyReportWorkflow';
export const REPORT_SCHEDULE_WORKFLOW_TYPE = 'reportScheduleWorkflow';

/** "2026" for the yearly cycle, "2026-dx-<id>" for an ad-hoc (đột xuất) request. */
export const reportCycleKey = (year: number, adHocId?: string) => (adHocId ? `${year}-dx-${adHocId}` : String(year));
/** `report/<plan>/<cycle>`. */
export const reportCycleWorkflowId = (planId: string, cycleKey: string) => `report/${planId}/${cycleKey}`;
/** `report/<plan>/<cycle>/<agency>`. */
export const agencyReportWorkflowId = (planId: string, cycleKey: string, agencyId: string) => `report/${planId}/${cycleKey}/${agencyId}`;
/** One Temporal Schedule per plan. */
export const reportScheduleId = (planId: string) => `report-schedule/${planId}`;

/** An ad-hoc (đột xuất) request by an administrator, with its own deadlines. */
export interface AdHocReportRequest {
  /** Short ASCII id, unique within the plan and year, e.g. "bc-quy-3". */
  readonly id: string;
  readonly title: string;
  readonly unitDeadline: IsoDate;
  readonly aggregatorDeadline: IsoDate;
  readonly requestedBy: string;
}

/** Deadlines of one cycle that differ from what the plan states (configuration per plan and year). */
export interface ReportDeadlineOverride {
  readonly unitDeadline?: IsoDate;
  readonly aggregatorDeadline?: IsoDate;
}

/** Starts a cycle: the schedule (via reportScheduleWorkflow) or an administrator. */
export interface ReportCycleRequest {
  readonly planId: string;
  readonly year: number;
  readonly adHoc?: AdHocReportRequest;
  readonly deadlines?: ReportDeadlineOverride;
}

/** The schedule's action: the year comes from the day the schedule fires. */
export interface ReportScheduleInput {
  readonly planId: string;
  readonly taskQueue: string;
  /** Per-year deadline overrides, keyed by year. */
  readonly overrides?: Readonly<Record<string, ReportDeadlineOverride>>;
}

export interface ReportAgencyAssignment extends ReportScope {
  readonly agencyId: AgencyId;
  readonly agencyName: string;
}

/** Who receives the consolidated report (Bộ KH&CN, UBND tỉnh), from the directory's contacts. */
export interface ReportRecipient {
  readonly agencyId: AgencyId;
  readonly agencyName: string;
  readonly name: string;
  readonly email: string;
}

/** A cycle resolved against the catalog: deadlines, who reports what, and how to chase them. */
export interface ReportCyclePlan {
  readonly planId: string;
  /** The stored plan version (plan_versions) the cycle resolved; absent in cycles prepared before plans were read from the database. */
  readonly planVersion?: number | null;
  readonly planTitle: string;
  /** "Kế hoạch số …/KH-UBND", null where the plan leaves it blank. */
  readonly planNumber: string | null;
  /** The agency that consolidates (Sở KH&CN, or its successor) and its province, for the document heading. */
  readonly aggregator: { readonly agencyId: AgencyId; readonly agencyName: string; readonly province: string };
  readonly recipients: readonly ReportRecipient[];
  readonly year: number;
  readonly cycleKey: string;
  readonly kind: 'yearly' | 'ad-hoc';
  /** "Kết quả thực hiện Kế hoạch … năm 2026", or the ad-hoc request's title. */
  readonly title: string;
  readonly unitDeadline: IsoDate;
  readonly aggregatorDeadline: IsoDate;
  /**
   * Epoch ms: revisions close and the consolidation goes to Sở KH&CN's admins
   * for approval (before the sign-off, cycles e-mailed it to the recipients then).
   */
  readonly closesAt: number;
  /** Epoch ms: without an approval by then Sở KH&CN's head is told; absent in cycles prepared before the sign-off. */
  readonly approvalDueAt?: number;
  readonly agencies: readonly ReportAgencyAssignment[];
  readonly policy: EscalationPolicy;
  readonly calendarOverrides: readonly CalendarOverrides[];
}

export interface AgencyReportInput {
  readonly planId: string;
  readonly planTitle: string;
  readonly year: number;
  readonly cycleKey: string;
  readonly title: string;
  readonly cycleWorkflowId: string;
  readonly assignment: ReportAgencyAssignment;
  readonly unitDeadline: IsoDate;
  readonly closesAt: number;
  readonly policy: EscalationPolicy;
  readonly calendarOverrides: readonly CalendarOverrides[];
}

/**
 * `requested`: waiting for a report; `submitted`: in, not yet reviewed;
 * `returned`: sent back with comments, waiting for a revision; `accepted`: final;
 * `missing`: the cycle closed without any report.
 */
export const AGENCY_REPORT_STATUSES = ['requested', 'submitted', 'returned', 'accepted', 'missing'] as const;
export type AgencyReportStatus = (typeof AGENCY_REPORT_STATUSES)[number];

export const AGENCY_REPORT_STATUS_LABELS: Readonly<Record<AgencyReportStatus, string>> = {
  requested: 'Chưa gửi báo cáo',
  submitted: 'Đã gửi, chờ xem xét',
  returned: 'Bị trả lại, chờ bổ sung',
  accepted: 'Đã tiếp nhận',
  missing: 'Không gửi báo cáo',
};

/** What a child knows about its agency: ids and status only, never report text. */
export interface AgencyReportState {
  readonly workflowId: string;
  readonly agencyId: AgencyId;
  readonly agencyName: string;
  readonly status: AgencyReportStatus;
  /** The latest submitted revision's row id in report_submissions (a bigint as text). */
  readonly submissionId: string | null;
  readonly revision: number | null;
  /** Epoch ms of the first and the latest submission, by the workflow clock. */
  readonly firstSubmittedAt: number | null;
  readonly lastSubmittedAt: number | null;
  /** The first report came after the agency's deadline. */
  readonly late: boolean;
  /**
   * The agency's own deadline: the unit deadline, or a later one when its
   * request went out after the unit deadline (a grace period) or its report was
   * returned close to it. Absent in states of workflows started before grace periods.
   */
  readonly dueDate?: IsoDate;
  /** Epoch ms the request went out; null while it waits for office hours, or when nobody was asked. Absent in older states. */
  readonly requestedAt?: number | null;
  readonly returns: number;
  readonly remindersSent: number;
  readonly nextReminderAt: number | null;
  readonly closed: boolean;
}

export interface ReportSubmitCommand {
  /** A draft row created by the API or CLI after validating the content. */
  readonly submissionId: string;
  readonly by: string;
}

export interface ReportReviewCommand {
  readonly decision: 'accept' | 'return';
  /** Required when returning: what to correct. */
  readonly comment: string;
  readonly by: string;
}

/**
 * `awaiting-approval`: the consolidation is with Sở KH&CN's admins; `approved`:
 * approved, being e-mailed; `not-requested`: the cycle closed before any
 * request could go out, so nothing was consolidated or sent.
 */
export const REPORT_CYCLE_PHASES = ['preparing', 'collecting', 'consolidating', 'awaiting-approval', 'approved', 'completed', 'not-requested'] as const;
export type ReportCyclePhase = (typeof REPORT_CYCLE_PHASES)[number];

/** Who approved which consolidation of a cycle, and when (epoch ms). */
export interface ReportApproval {
  readonly generation: number;
  readonly by: string;
  readonly at: number;
}

/** The sign-off of a cycle: the consolidation put to Sở KH&CN's admins and what became of it. */
export interface ReportSignOff {
  /** The generation made when the cycle closed, sent to the admins. */
  readonly generation: number;
  /** Epoch ms the admins were asked. */
  readonly requestedAt: number;
  /** Who was asked (e-mail addresses); empty when nobody could be reached. */
  readonly requestedFrom: readonly string[];
  /** Epoch ms after which Sở KH&CN's head is told. */
  readonly approvalDueAt: number;
  /** Epoch ms Sở KH&CN's head was told, with whom. */
  readonly escalatedAt: number | null;
  readonly escalatedTo: readonly string[];
  readonly approval: ReportApproval | null;
}

export interface ReportApproveCommand {
  /** The generation approved: the sign-off's or a later re-generation (never one made while the cycle was open). */
  readonly generation: number;
  readonly by: string;
}

export interface ReportFileRef {
  readonly kind: 'docx' | 'xlsx' | 'json';
  /** Relative to DONDOC_DATA_DIR. */
  readonly path: string;
  readonly sha256: string;
  /** Which consolidation of the cycle wrote it (absent in cycles consolidated before generations were kept). */
  readonly generation?: number;
}

export interface ReportCycleState {
  readonly workflowId: string;
  readonly planId: string;
  readonly cycleKey: string;
  readonly year: number;
  readonly title: string | null;
  readonly phase: ReportCyclePhase;
  readonly unitDeadline: IsoDate | null;
  readonly aggregatorDeadline: IsoDate | null;
  readonly closesAt: number | null;
  readonly agencies: readonly AgencyReportState[];
  readonly files: readonly ReportFileRef[];
  /** Message-ID of the e-mail to the recipients, once sent. */
  readonly emailMessageId: string | null;
  /** Null before the cycle closes, and in cycles that closed before the sign-off existed. */
  readonly signOff?: ReportSignOff | null;
}

export const submitReportUpdate = defineUpdate<AgencyReportState, [ReportSubmitCommand]>('submitReport');
export const reviewReportUpdate = defineUpdate<AgencyReportState, [ReportReviewCommand]>('reviewReport');
/** Sở KH&CN's approval of one generation of the consolidation: only then is it e-mailed to the recipients. */
export const approveReportUpdate = defineUpdate<ReportCycleState, [ReportApproveCommand]>('approveReport');
export const agencyReportStateQuery = defineQuery<AgencyReportState>('agencyReportState');
export const reportCycleStateQuery = defineQuery<ReportCycleState>('reportCycleState');
/** What the agency must report on (its tasks and indicators), for the API and CLI to validate a report. */
export const agencyReportScopeQuery = defineQuery<ReportAgencyAssignment>('agencyReportScope');
/** The resolved cycle without its policy: what a re-generation of the documents needs. */
export const reportCyclePlanQuery = defineQuery<Omit<ReportCyclePlan, 'policy' | 'calendarOverrides'> | null>('reportCyclePlan');
/** Children tell the cycle about every change, so one query shows every agency. */
export const agencyReportChangedSignal = defineSignal<[AgencyReportState]>('agencyReportChanged');

/**
 * Why an approval is refused now, in Vietnamese; null when it may go ahead.
 * The cycle's Update validator decides with it; the API and CLI ask it first
 * too, for a cycle that has already completed (an Update cannot reach it).
 */
export function approvalRefusal(phase: ReportCyclePhase, signOff: ReportSignOff | null, busy: boolean, command: ReportApproveCommand): string | null {
  if (!command?.by?.trim()) return 'Cần tên người phê duyệt.';
  if (!Number.isInteger(command.generation) || command.generation < 1) return 'Lần tổng hợp cần phê duyệt phải là số nguyên dương.';
  if (busy) return 'Đang xử lý một lần phê duyệt khác của kỳ báo cáo này; vui lòng thử lại sau giây lát.';
  if (signOff?.approval) return `Báo cáo tổng hợp đã được phê duyệt (lần tổng hợp ${signOff.approval.generation}, bởi ${signOff.approval.by}).`;
  if (phase === 'completed' || phase === 'approved') return 'Báo cáo tổng hợp của kỳ này đã được gửi (kỳ báo cáo kết thúc trước khi có bước phê duyệt).';
  if (phase === 'not-requested') return 'Kỳ báo cáo đã khóa sổ mà chưa gửi đề nghị báo cáo đến cơ quan nào; không có báo cáo tổng hợp để phê duyệt.';
  if (phase !== 'awaiting-approval' || !signOff) return 'Kỳ báo cáo chưa khóa sổ: báo cáo tổng hợp được trình phê duyệt khi hết hạn nhận báo cáo.';
  if (command.generation < signOff.generation) {
    return `Lần tổng hợp ${command.generation} được lập trước khi khóa sổ (số liệu tạm tính); chỉ phê duyệt được lần tổng hợp từ lần ${signOff.generation} trở đi.`;
  }
  return null;
}
