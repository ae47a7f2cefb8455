import type { Principal } from '@dondoc/auth';
import { type TaskState, stateQuery } from '@dondoc/contracts';
import { UsedLinkRepository } from '@dondoc/db';
import { ForbiddenError, GoneError, UnauthenticatedError } from '@dondoc/domain';
import { type LinkClaims, LINK_REJECTIONS, type LinkPurpose, verifyLinkToken } from '@dondoc/links';
import { Injectable } from '@nestjs/common';

import { AppConfigService } from '../app-config.service';
import { type AuthenticatedRequest, contextOf } from '../common/request-context';
import { TasksService } from '../tasks/tasks.service';
import { TaskWorkflowsRepository } from '../tasks/task-workflows.repository';

/** A link acts for its agency, as an officer of it would, and is named so in the audit log. */
export const linkPrincipal = (claims: LinkClaims): Principal => ({ actor: `signed-link:${claims.agencyId}`, role: 'officer', agencyId: claims.agencyId });

@Injectable()
export class LinksService {
  constructor(
    private readonly config: AppConfigService,
    private readonly usedLinks: UsedLinkRepository,
    private readonly tasks: TasksService,
    private readonly workflows: TaskWorkflowsRepository,
  ) {}

  /** A forged or mangled link is 403, an expired one 401 (a fresh reminder carries a new link). */
  verify(token: string, purpose: LinkPurpose): LinkClaims {
    const result = verifyLinkToken(token, this.config.linkKeys(), purpose, Date.now());
    if (result.ok) return result.claims;
    const message = LINK_REJECTIONS[result.reason];
    if (result.reason === 'expired' || result.reason === 'unknown-key') throw new UnauthenticatedError(message, { reason: result.reason });
    throw new ForbiddenError(message, { reason: result.reason });
  }

  /** What the link will do, without doing it (mail scanners open links; they must not act). */
  async preview(token: string) {
    const claims = this.verify(token, 'report-progress');
    const used = await this.usedLinks.isUsed(claims.nonce);
    const task = await this.workflows.describe(claims.subject);
    const state: TaskState = await task.handle.query(stateQuery);
    return {
      purpose: claims.purpose,
      workflowId: claims.subject,
      agencyId: claims.agencyId,
      expiresAt: new Date(claims.exp * 1000).toISOString(),
      used,
      task: { planId: state.planId, taskId: state.taskId, status: state.status, dueDate: state.dueDate, progressPercent: state.progressPercent },
    };
  }

  /**
   * Acts once: the nonce is claimed before the Update, so a replay (or two racing
   * clicks) finds it taken; if the Update is refused the claim is given back.
   */
  async reportProgress(request: AuthenticatedRequest, body: { token: string; percent: number; note: string }): Promise<TaskState> {
    const claims = this.verify(body.token, 'report-progress');
    if (!(await this.usedLinks.claim(claims.nonce, claims.purpose, new Date(claims.exp * 1000)))) {
      throw new GoneError(LINK_REJECTIONS.used, { reason: 'used' });
    }
    try {
      return await this.tasks.act(contextOf(request, linkPrincipal(claims)), claims.subject, 'progress', { percent: body.percent, note: body.note });
    } catch (error) {
      await this.usedLinks.release(claims.nonce);
      throw error;
    }
  }
}
