import { principalOf, type SessionClaims, type StaffRole } from '@dondoc/auth';
import { ForbiddenError, UnauthenticatedError } from '@dondoc/domain';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { UserRepository } from '@dondoc/db';

import type { AuthenticatedRequest } from '../common/request-context';
import { PUBLIC_KEY, ROLES_KEY, SIGNED_LINK_KEY } from './auth.decorators';

/**
 * Every route needs a staff session unless marked @Public() (or marked
 * @SessionOrSignedLink() and called with `?token=`, which the handler then
 * verifies): a missing or bad token is 401, a valid one with the wrong role is 403, so clients can tell
 * "sign in again" from "you may not". A signed token is not enough: its user must still exist, be enabled
 * and have the session version the token carries (disabling or a new password raises it), checked on
 * every request, so an ended session is refused at its next request rather than when it expires.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UserRepository,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const targets = [execution.getHandler(), execution.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = execution.switchToHttp().getRequest<AuthenticatedRequest>();
    if (this.reflector.getAllAndOverride<boolean>(SIGNED_LINK_KEY, targets) && request.query.token !== undefined) return true;
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthenticatedError('Cần đăng nhập (thiếu mã phiên Bearer).');
    let claims: SessionClaims;
    try {
      claims = await this.jwt.verifyAsync<SessionClaims>(token);
    } catch {
      throw new UnauthenticatedError('Phiên đăng nhập không hợp lệ hoặc đã hết hạn; vui lòng đăng nhập lại.');
    }
    const user = await this.users.findById(claims.sub);
    if (!user || user.disabledAt) throw new UnauthenticatedError('Tài khoản không còn hoạt động; liên hệ quản trị viên.');
    if ((claims.ver ?? 0) !== user.sessionVersion) throw new UnauthenticatedError('Phiên đăng nhập đã kết thúc (mật khẩu đã đổi hoặc tài khoản bị khóa); vui lòng đăng nhập lại.');
    // Role and agency as they are now, not as they were when the session began.
    request.principal = principalOf({ ...claims, role: user.role, agencyId: user.agencyId });
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenError(`Vai trò "${user.role}" không được thực hiện thao tác này.`, { requiredRoles: roles });
    }
    return true;
  }
}
