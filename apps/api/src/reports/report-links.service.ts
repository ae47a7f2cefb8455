import type { Principal } from '@dondoc/auth';
import type { AgencyReportState } from '@dondoc/contracts';
import { UsedLinkRepository } from '@dondoc/db';
import { ForbiddenError, GoneError } from '@dondoc/domain';
import { type LinkClaims, LINK_REJECTIONS } from '@dondoc/links';
import { ReportService } from '@dondoc/reports-service';
import { Injectable } from '@nestjs/common';

import { type AuthenticatedRequest, contextOf } from '../common/request-context';
import { LinksService } from '../links/links.service';
import { ReportsService } from './reports.service';

/** The link in a report request or reminder: `report/<plan>/<cycle>/<agency>`, for that agency only. */
function reportOf(claims: LinkClaims): { planId: string; cycleKey: string; agencyId: string } {
  const [, planId, cycleKey, agencyId] = /^report\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(claims.subject) ?? [];
  if (!planId || !cycleKey || !agencyId || agencyId !== claims.agencyId) throw new ForbiddenError(LINK_REJECTIONS['bad-signature'], { reason: 'wrong-subject' });
  return { planId, cycleKey, agencyId };
}

const linkPrincipal = (claims: LinkClaims): Principal => ({ actor: `signed-link:${claims.agencyId}`, role: 'officer', agencyId: claims.agencyId });

/** Submitting an agency's report through the signed link of its request or reminder, with no password. */
@Injectable()
export class ReportLinksService {
  constructor(
    private readonly links: LinksService,
    private readonly usedLinks: UsedLinkRepository,
    private readonly operations: ReportService,
    private readonly reports: ReportsService,
  ) {}

  /** What the link is for and what the agency must report on, without doing anything (mail scanners open links). */
  async preview(token: string) {
    const claims = this.links.verify(token, 'submit-report');
    const target = reportOf(claims);
    const { state, scope, lastReview } = await this.operations.agency(target.planId, target.cycleKey, target.agencyId);
    return {
      purpose: claims.purpose,
      workflowId: claims.subject,
      ...target,
      expiresAt: new Date(claims.exp * 1000).toISOString(),
      used: await this.usedLinks.isUsed(claims.nonce),
      report: {
        status: state.status,
        revision: state.revision,
        taskIds: [...scope.taskIds],
        indicatorIds: [...scope.indicatorIds],
        // The notice of a return sends the agency here: what it must correct, in full.
        reviewComment: state.status === 'returned' ? (lastReview?.comment ?? null) : null,
        // The agency's own deadline: a grace period after a late request or a return moves it past the cycle's.
        dueDate: state.dueDate ?? null,
      },
    };
  }

  /** Submits once per link; a refused report gives the link back so the corrected one can use it. */
  async submit(request: AuthenticatedRequest, token: string, content: unknown): Promise<AgencyReportState> {
    const claims = this.links.verify(token, 'submit-report');
    const target = reportOf(claims);
    if (!(await this.usedLinks.claim(claims.nonce, claims.purpose, new Date(claims.exp * 1000)))) throw new GoneError(LINK_REJECTIONS.used, { reason: 'used' });
    try {
      return await this.reports.submit(contextOf(request, linkPrincipal(claims)), target.planId, target.cycleKey, target.agencyId, content);
    } catch (error) {
      await this.usedLinks.release(claims.nonce);
      throw error;
    }
  }
}
