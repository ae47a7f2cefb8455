import { hashPassword, verifyPassword } from '@dondoc/auth';
import { UserRepository } from '@dondoc/db';
import { ForbiddenError, GoneError, InvalidInputError, UnauthenticatedError } from '@dondoc/domain';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { AuditService } from '../audit/audit.service';
import type { sessionSchema } from '../auth/auth.schemas';
import { AuthService } from '../auth/auth.service';
import { type AuthenticatedRequest, contextOf, type RequestContext } from '../common/request-context';
import type { passwordChangeSchema, passwordResetSchema } from './users.schemas';
import { resetTokenHash } from './users.service';

/** A user's own password: changed with the current one, or set through an admin's reset link. Either ends every earlier session. */
@Injectable()
export class PasswordService {
  constructor(
    private readonly users: UserRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  /** Returns a new session, since the one that asked has just ended with the others. */
  async change(ctx: RequestContext, body: z.infer<typeof passwordChangeSchema>): Promise<z.infer<typeof sessionSchema>> {
    const user = await this.users.findByEmail(ctx.principal.actor);
    if (!user) throw new UnauthenticatedError('Tài khoản không còn hoạt động.');
    if (!(await verifyPassword(body.currentPassword, user.passwordHash))) {
      throw new InvalidInputError('Mật khẩu hiện tại không đúng.', { issues: [{ field: 'currentPassword', reason: 'Không đúng.' }] });
    }
    const updated = (await this.users.setPassword(user.id, await hashPassword(body.newPassword)))!;
    await this.audit.record(ctx, 'user.password.change', `user/${user.email}`);
    return this.auth.session(updated);
  }

  async reset(request: AuthenticatedRequest, body: z.infer<typeof passwordResetSchema>): Promise<{ email: string }> {
    const claim = await this.users.resetPassword(resetTokenHash(body.token), await hashPassword(body.password), new Date());
    if (!claim.ok) {
      if (claim.reason === 'unknown') throw new InvalidInputError('Đường dẫn đặt lại mật khẩu không hợp lệ.', { issues: [{ field: 'token', reason: 'Không hợp lệ.' }] });
      if (claim.reason === 'disabled') throw new ForbiddenError('Tài khoản đang bị khóa; liên hệ quản trị viên.');
      throw new GoneError(claim.reason === 'used' ? 'Đường dẫn đặt lại mật khẩu đã được dùng (hoặc đã có đường dẫn mới hơn); hãy đề nghị quản trị viên gửi lại.' : 'Đường dẫn đặt lại mật khẩu đã hết hạn; hãy đề nghị quản trị viên gửi lại.');
    }
    const user = (await this.users.findById(claim.userId))!;
    await this.audit.record(contextOf(request, { actor: user.email, role: user.role, agencyId: user.agencyId }), 'user.password.reset', `user/${user.email}`);
    return { email: user.email };
  }
}
