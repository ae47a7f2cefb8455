import { canSeeAgency } from '@dondoc/auth';
import type { ReportEvidence } from '@dondoc/db';
import { ForbiddenError, TooLargeError } from '@dondoc/domain';
import { checkEvidenceHeaders, EVIDENCE_FILE_LIMIT, ReportEvidenceService } from '@dondoc/reports-service';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';

import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';

/** What the API shows of a file: never its place on disk. */
export function evidenceView(evidence: ReportEvidence) {
  const { path: _path, planId: _plan, year: _year, ...rest } = evidence;
  return { ...rest, createdAt: evidence.createdAt.toISOString() };
}

/**
 * The request body up to the per-file limit. Past it the rest is drained, not
 * kept, so the client still reads the 413 rather than a reset connection.
 */
function readBody(request: Request, fileName: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= EVIDENCE_FILE_LIMIT) chunks.push(chunk);
    });
    request.on('error', reject);
    request.on('end', () => {
      if (size > EVIDENCE_FILE_LIMIT) reject(new TooLargeError(`Tệp minh chứng "${fileName}" vượt quá ${EVIDENCE_FILE_LIMIT / 1024 / 1024} MB; vui lòng nén hoặc chia nhỏ tệp.`, { limitBytes: EVIDENCE_FILE_LIMIT }));
      else resolve(Buffer.concat(chunks));
    });
  });
}

const drain = (request: Request) => {
  if (!request.readableEnded) request.resume();
};

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
      const encoded = request.header('x-file-name');
      let fileName: string | undefined;
      try {
        fileName = encoded === undefined ? undefined : decodeURIComponent(encoded);
      } catch {
        fileName = encoded; // not percent-encoded: checked as it is
      }
      const length = request.header('content-length');
      const checked = checkEvidenceHeaders(fileName, request.header('content-type'), length === undefined ? undefined : Number(length));
      const data = await readBody(request, checked.fileName);
      const { evidence, created } = await this.evidence.add(planId, cycleKey, agencyId, { ...checked, data }, ctx.principal.actor);
      if (created) {
        await this.audit.record(ctx, 'report.evidence', `report/${planId}/${cycleKey}/${agencyId}`, { id: evidence.id, fileName: evidence.fileName, sizeBytes: evidence.sizeBytes, sha256: evidence.sha256 });
      }
      return { ...evidenceView(evidence), created };
    } finally {
      drain(request);
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
