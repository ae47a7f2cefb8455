import { canSeeAgency } from '@dondoc/auth';
import type { ReportEvidence } from '@dondoc/db';
import { ForbiddenError } from '@dondoc/domain';
import { ReportEvidenceService } from '@dondoc/reports-service';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';

import { AuditService } from '../audit/audit.service';
import { drainRequest, readEvidenceUpload } from '../common/evidence-upload';
import type { RequestContext } from '../common/request-context';

/** What the API shows of a file: never its place on disk. */
export function evidenceView(evidence: ReportEvidence) {
  const { path: _path, planId: _plan, year: _year, ...rest } = evidence;
  return { ...rest, createdAt: evidence.createdAt.toISOString() };
}

/** Evidence files of an agency's report: officers for their own agency only, every change audited. */
@Injectable()
export class ReportEvidenceApiService {
  constructor(
    private readonly evidence: ReportEvidenceService,
    private readonly audit: AuditService,
  ) {}

  async upload(ctx: RequestContext, planId: string, cycleKey: string, agencyId: string, request: Request) {
    try {
      this.guard(ctx, agencyId, 'đính kèm minh chứng cho báo cáo của');
      const upload = await readEvidenceUpload(request);
      const { evidence, created } = await this.evidence.add(planId, cycleKey, agencyId, upload, ctx.principal.actor);
      if (created) {
        await this.audit.record(ctx, 'report.evidence', `report/${planId}/${cycleKey}/${agencyId}`, { id: evidence.id, fileName: evidence.fileName, sizeBytes: evidence.sizeBytes, sha256: evidence.sha256 });
      }
      return { ...evidenceView(evidence), created };
    } finally {
      drainRequest(request);
    }
  }

  async list(ctx: RequestContext, planId: string, cycleKey: string, agencyId: string) {
    this.guard(ctx, agencyId, 'xem minh chứng của');
    return { items: (await this.evidence.list(planId, cycleKey, agencyId)).map(evidenceView) };
  }

  async open(ctx: RequestContext, planId: string, cycleKey: string, agencyId: string, id: string) {
    this.guard(ctx, agencyId, 'tải minh chứng của');
    return this.evidence.open(planId, cycleKey, agencyId, id);
  }

  private guard(ctx: RequestContext, agencyId: string, what: string): void {
    if (!canSeeAgency(ctx.principal, agencyId)) throw new ForbiddenError(`Cán bộ cơ quan chỉ được ${what} cơ quan mình.`, { agencyId });
  }
}
