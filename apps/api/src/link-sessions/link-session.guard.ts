import { UnauthenticatedError } from '@dondoc/domain';
import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import { parseCookie } from 'cookie';
import type { Request } from 'express';

import { LINK_SESSION_COOKIE, type LinkSession, LinkSessionTokens } from './link-session.tokens';

export interface LinkSessionRequest extends Request {
  linkSession?: LinkSession;
}

export const SESSION_ENDED = 'Phiên làm việc qua đường dẫn đã kết thúc hoặc chưa được mở; vui lòng mở lại đường dẫn trong thư nhắc việc hoặc thư đề nghị báo cáo.';

/** The officer's pages act through the session cookie a link was exchanged for (GET /l/<token>); no cookie, no access (401). */
@Injectable()
export class LinkSessionGuard implements CanActivate {
  constructor(private readonly tokens: LinkSessionTokens) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const request = execution.switchToHttp().getRequest<LinkSessionRequest>();
    const session = await this.tokens.open(parseCookie(request.headers.cookie ?? '')[LINK_SESSION_COOKIE]);
    if (!session) throw new UnauthenticatedError(SESSION_ENDED);
    request.linkSession = session;
    return true;
  }
}

/** The link session of a request behind LinkSessionGuard. */
export const CurrentLinkSession = createParamDecorator((_data: unknown, execution: ExecutionContext): LinkSession => {
  const session = execution.switchToHttp().getRequest<LinkSessionRequest>().linkSession;
  if (!session) throw new Error('CurrentLinkSession used without LinkSessionGuard');
  return session;
});
