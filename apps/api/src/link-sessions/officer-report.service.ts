// The yearly (or ad-hoc) report form behind a report request link: the
// agency's tasks and indicators, what Sở KH&CN said last time, the answers so
// far (a saved draft, else the last submitted revision), evidence files, and
// the submission, once per link.
import { AGENCY_REPORT_STATUS_LABELS, TASK_REPORT_STATUS_LABELS, TASK_REPORT_STATUSES } from '@dondoc/contracts';
import { type Database, type JsonObject, ReportDraftRepository, ReportSubmissionRepository } from '@dondoc/db';
import { ConflictError, ForbiddenError, planTasks } from '@dondoc/domain';
import { reportTaskLeads } from '@dondoc/plan-sync';
import { calendarDaysBetween, vietnamDate } from '@dondoc/policy';
import { EVIDENCE_FILE_LIMIT, EVIDENCE_TOTAL_LIMIT, EVIDENCE_TYPES, ReportEvidenceService, ReportService } from '@dondoc/reports-service';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Kysely } from 'kysely';
import type { z } from 'zod';

import { drainRequest } from '../common/evidence-upload';
import { type AuthenticatedRequest, contextOf } from '../common/request-context';
import { DATABASE } from '../infrastructure/infrastructure.module';
import { CatalogService } from '../infrastructure/catalog.service';
import { ReportEvidenceApiService } from '../reports/report-evidence.service';
import { ReportsService } from '../reports/reports.service';
import { LinkActions } from './link-actions';
import type { ReportDraftContent, reportLinkViewSchema, reportSubmittedSchema } from './link-session.schemas';
import type { LinkSession } from './link-session.tokens';
import { OversightContactService } from './oversight-contact.service';
import { PlanDocuments } from './plan-documents.service';
import { READ_ONLY, sessionPrincipal } from './officer-task.service';
import { isReadOnlyPurpose } from './link-pages';

export type ReportLinkView = z.infer<typeof reportLinkViewSchema>;

const SUBMIT = 'submit';

/** `report/<plan>/<cycle>/<agency>`; the exchange has checked it against the link's agency. */
function targetOf(session: LinkSession) {
  const [, planId = '', cycleKey = '', agencyId = ''] = /^report\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(session.subject) ?? [];
  return { planId, cycleKey, agencyId };
}

@Injectable()
export class OfficerReportService {
  private readonly drafts: ReportDraftRepository;
  private readonly submissions: ReportSubmissionRepository;

  constructor(
    @Inject(DATABASE) db: Kysely<Database>,
    private readonly operations: ReportService,
    private readonly reports: ReportsService,
    private readonly evidence: ReportEvidenceService,
    private readonly evidenceApi: ReportEvidenceApiService,
    private readonly plans: PlanDocuments,
    private readonly catalog: CatalogService,
    private readonly actions: LinkActions,
    private readonly contacts: OversightContactService,
  ) {
    this.drafts = new ReportDraftRepository(db);
    this.submissions = new ReportSubmissionRepository(db);
  }

  async view(session: LinkSession, nowMs = Date.now()): Promise<ReportLinkView> {
    const { planId, cycleKey, agencyId } = targetOf(session);
    const [{ state, scope, lastReview }, cycle, plan, draft, history, files, submitted] = await Promise.all([
      this.operations.agency(planId, cycleKey, agencyId),
      this.operations.status(planId, cycleKey),
      this.plans.plan(planId),
      this.drafts.get(planId, cycleKey, agencyId),
      this.submissions.history(planId, cycleKey, agencyId),
      this.evidence.list(planId, cycleKey, agencyId),
      this.actions.done(session, SUBMIT),
    ]);
    const today = vietnamDate(nowMs);
    const tasks = plan ? planTasks(plan) : [];
    const leads = plan ? reportTaskLeads(plan, this.catalog.index, today) : new Map<string, Set<string>>();
    const lastSubmission = history.find((s) => s.status !== 'draft') ?? null;
    const answers = draft?.payload ?? lastSubmission?.payload ?? null;
    return {
      workflowId: session.subject,
      purpose: session.purpose,
      plan: { id: planId, title: plan?.title ?? planId, number: plan?.number ?? null },
      cycle: {
        key: cycleKey,
        title: cycle.title,
        unitDeadline: cycle.unitDeadline,
        daysLeft: cycle.unitDeadline ? calendarDaysBetween(today, cycle.unitDeadline) : null,
        closed: state.closed,
      },
      agency: { id: agencyId, name: state.agencyName },
      status: state.status,
      statusLabel: AGENCY_REPORT_STATUS_LABELS[state.status],
      revision: state.revision,
      review: lastReview ? { decision: lastReview.decision, comment: lastReview.comment, at: new Date(lastReview.at).toISOString() } : null,
      tasks: scope.taskIds.map((id) => {
        const task = tasks.find((t) => t.id === id);
        return {
          id,
          name: task?.name ?? id,
          group: task ? [task.group.number, task.group.title].filter(Boolean).join('. ') || null : null,
          role: leads.get(id)?.has(agencyId) ? ('lead' as const) : ('coordinator' as const),
          expectedResult: task?.result ?? null,
          deadlineText: task?.deadline.raw ?? '',
        };
      }),
      indicators: scope.indicatorIds.map((id) => {
        const indicator = plan?.indicators.find((i) => i.id === id);
        return { id, name: indicator?.name ?? id, unit: indicator?.unit ?? '', target: indicator?.target ?? '', targetYear: indicator?.targetYear ?? null };
      }),
      answers: answers as ReportDraftContent | null,
      answersFrom: draft ? 'draft' : lastSubmission ? 'submission' : null,
      draftSavedAt: draft?.savedAt.toISOString() ?? null,
      evidence: files.map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes, createdAt: f.createdAt.toISOString() })),
      taskStatuses: TASK_REPORT_STATUSES.map((value) => ({ value, label: TASK_REPORT_STATUS_LABELS[value] })),
      limits: { fileBytes: EVIDENCE_FILE_LIMIT, totalBytes: EVIDENCE_TOTAL_LIMIT, types: Object.keys(EVIDENCE_TYPES) },
      readOnly: isReadOnlyPurpose(session.purpose),
      canSubmit: !isReadOnlyPurpose(session.purpose) && !state.closed && state.status !== 'accepted' && !submitted,
      submittedWithThisLink: submitted,
      sessionExpiresAt: new Date(session.exp * 1000).toISOString(),
      contact: await this.contacts.contact(plan?.reporting.unitsReportTo),
    };
  }

  /** Saves the form as it stands (it need not be complete); nothing is sent to Sở KH&CN. */
  async saveDraft(session: LinkSession, workflowId: string, content: ReportDraftContent): Promise<{ savedAt: string }> {
    this.sameReport(session, workflowId);
    const { planId, cycleKey, agencyId } = targetOf(session);
    const { state } = await this.operations.agency(planId, cycleKey, agencyId);
    if (state.closed) throw new ConflictError('Kỳ báo cáo đã khóa sổ; không lưu thêm được.');
    if (state.status === 'accepted') throw new ConflictError('Báo cáo đã được Sở KH&CN tiếp nhận; không cần soạn thêm.');
    const saved = await this.drafts.save(planId, cycleKey, agencyId, content as unknown as JsonObject, sessionPrincipal(session).actor);
    return { savedAt: saved.savedAt.toISOString() };
  }

  /** Submits once per link; a refused report gives the link back so the corrected one can use it. */
  async submit(request: AuthenticatedRequest, session: LinkSession, workflowId: string, content: unknown): Promise<z.infer<typeof reportSubmittedSchema>> {
    this.sameReport(session, workflowId);
    const { planId, cycleKey, agencyId } = targetOf(session);
    const state = await this.actions.once(session, SUBMIT, true, () => this.reports.submit(contextOf(request, sessionPrincipal(session)), planId, cycleKey, agencyId, content));
    await this.drafts.remove(planId, cycleKey, agencyId);
    return { status: state.status, statusLabel: AGENCY_REPORT_STATUS_LABELS[state.status], revision: state.revision, late: state.late };
  }

  uploadEvidence(request: Request, session: LinkSession) {
    try {
      this.writable(session);
    } catch (error) {
      drainRequest(request);
      throw error;
    }
    const { planId, cycleKey, agencyId } = targetOf(session);
    return this.evidenceApi.upload(contextOf(request, sessionPrincipal(session)), planId, cycleKey, agencyId, request);
  }

  openEvidence(request: Request, session: LinkSession, id: string) {
    const { planId, cycleKey, agencyId } = targetOf(session);
    return this.evidenceApi.open(contextOf(request, sessionPrincipal(session)), planId, cycleKey, agencyId, id);
  }

  private writable(session: LinkSession): void {
    if (isReadOnlyPurpose(session.purpose)) throw new ForbiddenError(READ_ONLY);
  }

  private sameReport(session: LinkSession, workflowId: string): void {
    this.writable(session);
    if (workflowId !== session.subject) throw new ConflictError('Trình duyệt đã mở một đường dẫn khác sau trang này; vui lòng mở lại đường dẫn báo cáo trong thư.');
  }
}
