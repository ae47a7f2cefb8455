import { AuditLogRepository, type JsonObject } from '@dondoc/db';
import { Injectable } from '@nestjs/common';

import type { RequestContext } from '../common/request-context';

/** Records every state-changing action: who, in which role, what, on what, from where. */
@Injectable()
export class AuditService {
  constructor(private readonly log: AuditLogRepository) {}

  async record(ctx: RequestContext, action: string, target: string | null, payload: JsonObject = {}): Promise<void> {
    await this.log.record({
      actor: ctx.principal.actor,
      role: ctx.principal.role,
      action,
      target,
      payload,
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
  }
}
