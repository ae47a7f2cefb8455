import type { Principal } from '@dondoc/auth';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** What the audit log needs to know about the request that caused an action. */
export interface RequestContext {
  readonly principal: Principal;
  readonly ip: string | null;
  readonly requestId: string | null;
}

/** Set by the auth guard (staff) or the link service (signed links). */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

export function contextOf(request: AuthenticatedRequest, principal: Principal): RequestContext {
  return { principal, ip: request.ip ?? request.socket.remoteAddress ?? null, requestId: request.id === undefined ? null : String(request.id) };
}

/** The signed-in staff member and where the request came from; only on guarded routes. */
export const Ctx = createParamDecorator((_data: unknown, execution: ExecutionContext): RequestContext => {
  const request = execution.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('Ctx used on a route without authentication');
  return contextOf(request, request.principal);
});
