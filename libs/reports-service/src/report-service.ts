// The report cycle's operations over Temporal and the database, shared by the
// CLI (`dondoc report …`) and the API (/reports): validate, store a draft, hand
// its id to the agency's workflow; review; find or re-generate the documents.
// Refusals are domain errors with Vietnamese messages; the API maps them to
// HTTP statuses, the CLI prints them.
import { generateReportFiles, REPORT_FILE_CONTENT_TYPES, reportPlan } from '@dondoc/activities';
import { WorkingCalendar } from '@dondoc/calendar';
import {
  agencyReportScopeQuery,
  agencyReportStateQuery,
  type AgencyReportState,
  type ReportAgencyAssignment,
  agencyReportWorkflowId,
  approvalRefusal,
  approveReportUpdate,
  reportCycleKey,
  reportCyclePlanQuery,
  type ReportCycleRequest,
  type ReportCycleState,
  reportCycleStateQuery,
  reportCycleWorkflowId,
  REPORT_CYCLE_WORKFLOW_TYPE,
  type ReportFileRef,
  reviewReportUpdate,
  submitReportUpdate,
  validateReportContent,
} from '@dondoc/contracts';
import { type Database, ReportFileRepository, ReportSubmissionRepository } from '@dondoc/db';
import { ConflictError, InvalidInputError, NotFoundError, TooLargeError } from '@dondoc/domain';
import { ReportCycleError, resolveReportCycle, type SeedCatalog } from '@dondoc/plan-sync';
import { vietnamDate } from '@dondoc/policy';
import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { Kysely } from 'kysely';
import path from 'node:path';

export interface ReportServiceDeps {
  readonly client: Client;
  readonly db: Kysely<Database>;
  /** DONDOC_DATA_DIR: the generated documents live under its reports/ folder. */
  readonly dataDir: string;
  readonly taskQueue: string;
  /** The directory, policies and calendar (seeds/); plans come from the database. */
  readonly loadCatalog: () => Pick<SeedCatalog, 'index' | 'calendarOverrides' | 'policyFor'>;
  /** The directory as it stands (database contacts and merges over loadCatalog's). @defaultValue loadCatalog().index */
  readonly loadDirectory?: () => Promise<SeedCatalog['index']>;
  /** @defaultValue Date.now; decides whether a cycle may still start */
  readonly now?: () => number;
}

/** A generated document with what a download needs. */
export interface ReportDocument extends ReportFileRef {
  readonly absolutePath: string;
  readonly fileName: string;
  readonly contentType: string;
}

/** Sở KH&CN's latest decision on an agency's report, as stored with the revision it was about. */
export interface ReportReview {
  readonly revision: number;
  readonly decision: 'accepted' | 'returned';
  /** What the agency was asked to correct (null when accepted without comment). */
  readonly comment: string | null;
  readonly by: string | null;
  /** Epoch ms. */
  readonly at: number;
}

/** One consolidation of a cycle: its files, and whether they are the ones e-mailed to the recipients. */
export interface ReportGeneration {
  readonly generation: number;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly emailed: boolean;
  readonly files: readonly ReportFileRef[];
}

/** A cycle's state with each agency's latest review from the database (the workflow keeps no comment text). */
export interface ReportCycleStatus extends ReportCycleState {
  readonly agencies: Array<AgencyReportState & { readonly lastReview: ReportReview | null }>;
  /** Every consolidation, oldest first: the download serves the newest, the e-mailed one stays retrievable by number. */
  readonly generations: readonly ReportGeneration[];
}

/** "2026" (yearly) or "2026-dx-<id>" (ad-hoc): the year is its first four digits. */
export const CYCLE_KEY_PATTERN = /^\d{4}(-dx-[a-z0-9-]{1,40})?$/;
const yearOf = (cycleKey: string) => Number(cycleKey.slice(0, 4));
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');
/** "17:00 ngày 04/12/2026", Vietnam time. */
const vietnamMoment = (at: number) => {
  const local = new Date(at + 7 * 3_600_000).toISOString();
  return `${local.slice(11, 16)} ngày ${ddmmyyyy(local.slice(0, 10))}`;
};
/** The order the consolidation writes them in. */
const KIND_ORDER: readonly ReportFileRef['kind'][] = ['docx', 'xlsx', 'json'];

export class ReportService {
  constructor(private readonly deps: ReportServiceDeps) {}

  /**
   * Starts a cycle now (yearly, or ad-hoc with its own deadlines). The request
   * is resolved against the plan's latest stored version and the catalog
   * first, so bad deadlines are refused here rather than failing inside the
   * workflow; so is a cycle that could not send its requests before it closes
   * (an ad-hoc unit deadline in the past, or a past year's cycle): it would
   * only ever report that nobody reported.
   */
  async start(request: ReportCycleRequest): Promise<{ workflowId: string; cycleKey: string }> {
    const catalog = this.deps.loadCatalog();
    const stored = await reportPlan(this.deps.db, request.planId).catch((error: unknown) => {
      throw error instanceof ReportCycleError ? new NotFoundError(error.message) : error;
    });
    const field = request.adHoc ? 'adHoc' : 'deadlines';
    let closesAt: number;
    try {
      closesAt = resolveReportCycle(catalog, stored.plan, request, new WorkingCalendar({ overrides: catalog.calendarOverrides }), stored.version).closesAt;
    } catch (error) {
      if (!(error instanceof ReportCycleError)) throw error;
      throw new InvalidInputError(error.message, { issues: [{ field, reason: error.message }] });
    }
    const cycleKey = reportCycleKey(request.year, request.adHoc?.id);
    const now = (this.deps.now ?? Date.now)();
    const today = vietnamDate(now);
    if (request.adHoc && request.adHoc.unitDeadline < today) {
      const reason = `Hạn báo cáo của các cơ quan (${ddmmyyyy(request.adHoc.unitDeadline)}) đã qua; chọn hạn từ hôm nay (${ddmmyyyy(today)}) trở đi (hạn hôm nay: các cơ quan gửi báo cáo đến hết giờ làm việc hôm nay).`;
      throw new InvalidInputError(reason, { issues: [{ field: 'adHoc.unitDeadline', reason }] });
    }
    if (closesAt <= now) {
      const reason = `Kỳ báo cáo ${cycleKey} của kế hoạch ${request.planId} khóa sổ lúc ${vietnamMoment(closesAt)}, đã qua: không còn thời gian gửi đề nghị báo cáo đến các cơ quan nên không bắt đầu kỳ báo cáo này.`;
      if (request.adHoc) throw new InvalidInputError(reason, { issues: [{ field: 'adHoc.unitDeadline', reason }] });
      throw new ConflictError(reason);
    }
    const workflowId = reportCycleWorkflowId(request.planId, cycleKey);
    try {
      await this.deps.client.workflow.start(REPORT_CYCLE_WORKFLOW_TYPE, {
        taskQueue: this.deps.taskQueue,
        workflowId,
        args: [request],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) throw new ConflictError(`Kỳ báo cáo ${cycleKey} của kế hoạch ${request.planId} đã được bắt đầu trước đó.`);
      throw error;
    }
    return { workflowId, cycleKey };
  }

  /**
   * Sở KH&CN's approval of a consolidation (the newest generation unless one
   * is named): only then is it e-mailed to the recipients, that generation's
   * files exactly. Refused while the cycle is open, and for a generation made
   * before it closed.
   */
  async approve(planId: string, cycleKey: string, by: string, generation?: number): Promise<ReportCycleState> {
    const handle = this.deps.client.workflow.getHandle(reportCycleWorkflowId(planId, cycleKey));
    const missing = `Chưa có kỳ báo cáo ${cycleKey} của kế hoạch ${planId}.`;
    const state = await this.found(() => handle.query(reportCycleStateQuery), missing);
    const chosen = generation ?? (await new ReportFileRepository(this.deps.db).nextGeneration(planId, cycleKey)) - 1;
    // A completed cycle takes no Update: say why from its state (the same rule the workflow applies).
    const refusal = approvalRefusal(state.phase, state.signOff ?? null, false, { generation: Math.max(chosen, 1), by });
    if (refusal) throw new ConflictError(refusal);
    if (chosen < 1) throw new ConflictError(`Kỳ báo cáo ${cycleKey} của kế hoạch ${planId} chưa có báo cáo tổng hợp để phê duyệt.`);
    try {
      return await this.found(() => handle.executeUpdate(approveReportUpdate, { args: [{ generation: chosen, by }] }), missing);
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw new ConflictError(error.cause?.message ?? error.message);
      throw error;
    }
  }

  async status(planId: string, cycleKey: string): Promise<ReportCycleStatus> {
    const handle = this.deps.client.workflow.getHandle(reportCycleWorkflowId(planId, cycleKey));
    const state = await this.found(() => handle.query(reportCycleStateQuery), `Chưa có kỳ báo cáo ${cycleKey} của kế hoạch ${planId}.`);
    const reviews = await this.reviews(planId, cycleKey);
    // The cycle's own files are the ones it e-mailed (it keeps them once the e-mail is out).
    const emailed = new Set(state.emailMessageId ? state.files.map((f) => f.path) : []);
    const generations = (await new ReportFileRepository(this.deps.db).generations(planId, cycleKey)).map(({ generation, createdAt, files }) => ({
      generation,
      createdAt: createdAt.getTime(),
      emailed: files.some((f) => emailed.has(f.path)),
      files: files.map(({ kind, path: p, sha256 }) => ({ kind, path: p, sha256, generation })),
    }));
    return { ...state, agencies: state.agencies.map((agency) => ({ ...agency, lastReview: reviews.get(agency.agencyId) ?? null })), generations };
  }

  /** Each agency's latest review in a cycle (one agency's with `agencyId`), keyed by agency. */
  async reviews(planId: string, cycleKey: string, agencyId?: string): Promise<Map<string, ReportReview>> {
    const rows = await new ReportSubmissionRepository(this.deps.db).latestReviews(planId, cycleKey, agencyId);
    return new Map(
      rows.flatMap((row) =>
        row.reviewedAt && (row.status === 'accepted' || row.status === 'returned')
          ? [[row.agencyId, { revision: row.revision, decision: row.status, comment: row.reviewComment, by: row.reviewedBy, at: row.reviewedAt.getTime() }] as const]
          : [],
      ),
    );
  }

  /** Validates against the agency's scope, stores a draft, and submits it to the agency's workflow. */
  async submit(planId: string, cycleKey: string, agencyId: string, content: unknown, by: string): Promise<AgencyReportState> {
    const handle = this.deps.client.workflow.getHandle(agencyReportWorkflowId(planId, cycleKey, agencyId));
    const scope = await this.found(() => handle.query(agencyReportScopeQuery), this.notReporting(planId, cycleKey, agencyId));
    const checked = validateReportContent(content, scope);
    if (!checked.ok) {
      const details = { issues: checked.issues };
      if (checked.tooLarge) throw new TooLargeError(checked.errors.join(' '), details);
      throw new InvalidInputError(`Báo cáo chưa hợp lệ:\n${checked.errors.map((e) => `  - ${e}`).join('\n')}`, details);
    }
    const draft = await new ReportSubmissionRepository(this.deps.db).createDraft({ planId, year: yearOf(cycleKey), cycleKey }, agencyId, checked.content, by);
    return this.update(() => handle.executeUpdate(submitReportUpdate, { args: [{ submissionId: draft.id, by }] }), this.notReporting(planId, cycleKey, agencyId));
  }

  /** One agency's report in a cycle: its state and what it must report on. */
  async agency(planId: string, cycleKey: string, agencyId: string): Promise<{ state: AgencyReportState; scope: ReportAgencyAssignment; lastReview: ReportReview | null }> {
    const handle = this.deps.client.workflow.getHandle(agencyReportWorkflowId(planId, cycleKey, agencyId));
    const [state, scope] = await this.found(() => Promise.all([handle.query(agencyReportStateQuery), handle.query(agencyReportScopeQuery)]), this.notReporting(planId, cycleKey, agencyId));
    const lastReview = (await this.reviews(planId, cycleKey, agencyId)).get(agencyId) ?? null;
    return { state, scope, lastReview };
  }

  review(planId: string, cycleKey: string, agencyId: string, decision: 'accept' | 'return', comment: string, by: string): Promise<AgencyReportState> {
    const handle = this.deps.client.workflow.getHandle(agencyReportWorkflowId(planId, cycleKey, agencyId));
    return this.update(() => handle.executeUpdate(reviewReportUpdate, { args: [{ decision, comment, by }] }), this.notReporting(planId, cycleKey, agencyId));
  }

  /**
   * The DOCX, XLSX and JSON of the newest generation (or of `generation`, e.g.
   * the one e-mailed); empty until the cycle has consolidated (or been re-generated).
   */
  async documents(planId: string, cycleKey: string, generation?: number): Promise<ReportDocument[]> {
    const files = await new ReportFileRepository(this.deps.db).latest(planId, cycleKey, generation);
    files.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
    return files.map(({ kind, path: p, sha256, generation: g }) => this.document({ kind, path: p, sha256, generation: g }));
  }

  /** Builds the documents afresh from the stored reports and the agencies' present states. */
  async regenerate(planId: string, cycleKey: string): Promise<ReportDocument[]> {
    const handle = this.deps.client.workflow.getHandle(reportCycleWorkflowId(planId, cycleKey));
    const missing = `Chưa có kỳ báo cáo ${cycleKey} của kế hoạch ${planId}.`;
    const [cycle, state] = await this.found(() => Promise.all([handle.query(reportCyclePlanQuery), handle.query(reportCycleStateQuery)]), missing);
    if (!cycle) throw new ConflictError('Kỳ báo cáo chưa xác định xong danh sách cơ quan; vui lòng thử lại sau.');
    const stored = await reportPlan(this.deps.db, planId, cycle.planVersion ?? null).catch((error: unknown) => {
      throw error instanceof ReportCycleError ? new NotFoundError(error.message) : error;
    });
    const generatedAt = (this.deps.now ?? Date.now)();
    const { files } = await generateReportFiles(this.deps, cycle, { plan: stored.plan, index: this.deps.loadDirectory ? await this.deps.loadDirectory() : this.deps.loadCatalog().index }, await this.currentAgencies(planId, cycleKey, state.agencies), generatedAt);
    return files.map((file) => this.document(file));
  }

  /**
   * The cycle learns of a change by a signal the child sends after its Update
   * returns, so its copy may lag a moment; an open child is asked directly.
   */
  private currentAgencies(planId: string, cycleKey: string, known: readonly AgencyReportState[]): Promise<AgencyReportState[]> {
    return Promise.all(
      known.map((agency) =>
        agency.closed
          ? agency
          : this.deps.client.workflow
              .getHandle(agencyReportWorkflowId(planId, cycleKey, agency.agencyId))
              .query(agencyReportStateQuery)
              .catch(() => agency),
      ),
    );
  }

  private document(file: ReportFileRef): ReportDocument {
    return { ...file, absolutePath: path.join(this.deps.dataDir, file.path), fileName: path.posix.basename(file.path), contentType: REPORT_FILE_CONTENT_TYPES[file.kind] };
  }

  private notReporting(planId: string, cycleKey: string, agencyId: string): string {
    return `Cơ quan "${agencyId}" không phải báo cáo trong kỳ ${cycleKey} của kế hoạch ${planId} (hoặc kỳ báo cáo chưa bắt đầu).`;
  }

  /** A workflow that does not exist is a 404 with a message that says which. */
  private async found<T>(run: () => Promise<T>, notFound: string): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new NotFoundError(notFound);
      throw error;
    }
  }

  /** An Update's refusal carries the workflow's Vietnamese message in its cause. */
  private async update(run: () => Promise<AgencyReportState>, notFound: string): Promise<AgencyReportState> {
    try {
      return await this.found(run, notFound);
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw new ConflictError(error.cause?.message ?? error.message);
      throw error;
    }
  }
}
