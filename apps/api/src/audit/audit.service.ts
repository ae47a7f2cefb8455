import { AuditLogRepository, type JsonObject } from '@dondoc/db';
import { DomainError } from '@dondoc/domain';
import { Injectable, Logger } from '@nestjs/common';

import type { RequestContext } from '../common/request-context';

/** Records every state-changing action: who, in which role, what, on what, from where, and how it ended. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(private readonly log: AuditLogRepository) {}

  /** Records something already done (an action that cannot fail after it was applied). */
  async record(ctx: RequestContext, action: string, target: string | null, payload: JsonObject = {}): Promise<void> {
    await this.log.record(this.entry(ctx, action, target, payload));
  }

  /**
   * Records the action as intended, applies it, then marks its outcome: what the
   * user is told, what was done and what the log holds agree. If the intent cannot
   * be written, nothing is applied. A refusal (a 4xx the user sees) is marked
   * refused with its message; any other error failed. Should marking the outcome
   * itself fail after the action was applied, the user still learns it was done and
   * the entry stays pending (intended, outcome not recorded), never refused.
   */
  async around<T>(ctx: RequestContext, action: string, target: string | null, payload: JsonObject, apply: () => Promise<T>): Promise<T> {
    const intended = await this.log.begin(this.entry(ctx, action, target, payload));
    let result: T;
    try {
      result = await apply();
    } catch (error) {
      const outcome = error instanceof DomainError ? 'refused' : 'failed';
      await this.settle(intended.id, outcome, error instanceof Error ? error.message : String(error));
      throw error;
    }
    await this.settle(intended.id, 'applied', null);
    return result;
  }

  private async settle(id: string, outcome: 'applied' | 'refused' | 'failed', detail: string | null): Promise<void> {
    try {
      await this.log.settle(id, outcome, detail);
    } catch (error) {
      this.logger.error({ err: error, auditId: id, outcome }, `audit entry ${id} stays pending: its outcome (${outcome}) could not be recorded`);
    }
  }

  private entry(ctx: RequestContext, action: string, target: string | null, payload: JsonObject) {
    return { actor: ctx.principal.actor, role: ctx.principal.role, action, target, payload, ip: ctx.ip, requestId: ctx.requestId };
  }
}
