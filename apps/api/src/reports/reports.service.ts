import { canSeeAgency, type Principal } from '@dondoc/auth';
import { AGENCY_REPORT_STATUS_LABELS, type AgencyReportState } from '@dondoc/contracts';
import { ForbiddenError, NotFoundError } from '@dondoc/domain';
import { vietnamDate } from '@dondoc/policy';
import { type ReportCycleStatus, type ReportDocument, ReportService } from '@dondoc/reports-service';
import { Injectable } from '@nestjs/common';
import { access } from 'node:fs/promises';

import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import type { StartCycleBody } from './reports.schemas';

/** A cycle as /reports shows it: each agency with its Vietnamese status, due date and whether it is overdue. */
function view(state: ReportCycleStatus, principal: Principal, today: string) {
  const agencies = state.agencies
    .filter((a) => canSeeAgency(principal, a.agencyId))
    .map(({ lastReview, ...a }) => ({
      ...a,
      lastReview: lastReview && { ...lastReview, at: new Date(lastReview.at).toISOString() },
      statusLabel: AGENCY_REPORT_STATUS_LABELS[a.status],
      dueDate: a.dueDate ?? state.unitDeadline,
      overdue: (a.status === 'requested' || a.status === 'returned' || a.status === 'missing') && (a.dueDate ?? state.unitDeadline) !== null && today > (a.dueDate ?? state.unitDeadline)!,
    }));
  return { ...state, agencies };
}

/**
 * /reports on top of the shared report operations: who may do what (officers
 * only for their own agency), and an audit record of every state change.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportService,
    private readonly audit: AuditService,
  ) {}

  async status(principal: Principal, planId: string, cycleKey: string) {
    return view(await this.reports.status(planId, cycleKey), principal, vietnamDate(Date.now()));
  }

  async start(ctx: RequestContext, planId: string, year: number, body: StartCycleBody) {
    const { adHoc, deadlines } = body;
    const started = await this.reports.start({
      planId,
      year,
      ...(adHoc ? { adHoc: { ...adHoc, requestedBy: ctx.principal.actor } } : {}),
      ...(deadlines && Object.keys(deadlines).length ? { deadlines } : {}),
    });
    await this.audit.record(ctx, 'report.start', started.workflowId, { planId, year, ...(adHoc ? { adHoc } : {}), ...(deadlines ? { deadlines } : {}) });
    return started;
  }

  async submit(ctx: RequestContext, planId: string, cycleKey: string, agencyId: string, content: unknown): Promise<AgencyReportState> {
    if (!canSeeAgency(ctx.principal, agencyId)) {
      throw new ForbiddenError('Cán bộ cơ quan chỉ gửi được báo cáo của cơ quan mình.', { agencyId });
    }
    const state = await this.reports.submit(planId, cycleKey, agencyId, content, ctx.principal.actor);
    await this.audit.record(ctx, 'report.submit', state.workflowId, { submissionId: state.submissionId, revision: state.revision, late: state.late });
    return state;
  }

  /** Approves a generation of the consolidation (audited with who approved which generation), which sends it to the recipients. */
  async approve(ctx: RequestContext, planId: string, cycleKey: string, generation?: number) {
    const state = await this.reports.approve(planId, cycleKey, ctx.principal.actor, generation);
    const approval = state.signOff?.approval;
    await this.audit.record(ctx, 'report.approve', state.workflowId, { generation: approval?.generation ?? generation ?? null, files: state.files.map((f) => ({ kind: f.kind, sha256: f.sha256 })) });
    // The full view (reviews, generations) as GET shows it, read after the approval.
    return this.status(ctx.principal, planId, cycleKey);
  }

  async review(ctx: RequestContext, planId: string, cycleKey: string, agencyId: string, decision: 'accept' | 'return', comment: string): Promise<AgencyReportState> {
    const state = await this.reports.review(planId, cycleKey, agencyId, decision, comment, ctx.principal.actor);
    await this.audit.record(ctx, `report.${decision}`, state.workflowId, { submissionId: state.submissionId, revision: state.revision, comment });
    return state;
  }

  /**
   * The newest document of a kind, or that of an earlier generation (the one e-mailed); with
   * `regenerate` (admins only) built afresh first. 404 before the cycle consolidates.
   */
  async document(ctx: RequestContext, planId: string, cycleKey: string, kind: ReportDocument['kind'], regenerate: boolean, generation?: number): Promise<ReportDocument> {
    if (regenerate && ctx.principal.role !== 'admin') throw new ForbiddenError('Chỉ quản trị viên được tổng hợp lại báo cáo.');
    let documents: ReportDocument[];
    if (regenerate) {
      documents = await this.reports.regenerate(planId, cycleKey);
      await this.audit.record(ctx, 'report.regenerate', `report/${planId}/${cycleKey}`, { files: documents.map((d) => ({ kind: d.kind, sha256: d.sha256 })) });
    } else {
      documents = await this.reports.documents(planId, cycleKey, generation);
    }
    if (generation !== undefined && documents.length === 0) throw new NotFoundError(`Kỳ báo cáo ${cycleKey} của kế hoạch ${planId} không có lần tổng hợp thứ ${generation}.`);
    const found = documents.find((d) => d.kind === kind);
    if (!found) throw new NotFoundError(`Kỳ báo cáo ${cycleKey} của kế hoạch ${planId} chưa có báo cáo tổng hợp (${kind}); báo cáo được tổng hợp khi hết hạn nhận báo cáo.`);
    try {
      await access(found.absolutePath);
    } catch {
      throw new NotFoundError(`Tệp ${found.fileName} không còn trong thư mục dữ liệu; quản trị viên có thể tổng hợp lại (regenerate=true).`);
    }
    return found;
  }
}
