import { type User, UserRepository } from '@dondoc/db';
import { ConflictError, NotFoundError } from '@dondoc/domain';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';

import { AppConfigService } from '../app-config.service';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import { passwordResetUrl, PasswordResetMailer } from './password-reset-mail';
import type { resetRequestedSchema, userSchema } from './users.schemas';

/**
 * How long a reset link works. Long enough for someone who reads mail once a day, short enough that a forgotten link is not a standing door.
 * @defaultValue 24 hours
 */
export const PASSWORD_RESET_TTL_MS = 24 * 3_600_000;

export const resetTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export const userView = (u: User): z.infer<typeof userSchema> => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  agencyId: u.agencyId,
  disabled: u.disabledAt !== null,
  disabledAt: u.disabledAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
});

const isSelf = (ctx: RequestContext, user: User) => ctx.principal.actor.toLowerCase() === user.email.toLowerCase();

/** Staff accounts for admins: the list, disabling (which ends the user's sessions at once) and reset links. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly audit: AuditService,
    private readonly mailer: PasswordResetMailer,
    private readonly config: AppConfigService,
  ) {}

  async list(): Promise<{ items: Array<z.infer<typeof userSchema>> }> {
    return { items: (await this.users.list()).map(userView) };
  }

  async setDisabled(ctx: RequestContext, id: string, disabled: boolean): Promise<z.infer<typeof userSchema>> {
    const user = await this.found(id);
    if ((user.disabledAt !== null) === disabled) return userView(user);
    if (disabled && isSelf(ctx, user)) throw new ConflictError('Không thể tự khóa tài khoản của chính mình.');
    if (disabled && user.role === 'admin' && (await this.users.list()).filter((u) => u.role === 'admin' && u.disabledAt === null).length <= 1) {
      throw new ConflictError('Đây là tài khoản quản trị cuối cùng đang hoạt động; hãy tạo hoặc mở khóa một tài khoản quản trị khác trước.');
    }
    const updated = (await this.users.setDisabled(id, disabled, new Date()))!;
    await this.audit.record(ctx, disabled ? 'user.disable' : 'user.enable', `user/${user.email}`, { role: user.role });
    return userView(updated);
  }

  /** Mails the user a one-time link to set a new password; the current one keeps working until then. */
  async requestReset(ctx: RequestContext, id: string): Promise<z.infer<typeof resetRequestedSchema>> {
    const user = await this.found(id);
    if (user.disabledAt) throw new ConflictError('Tài khoản đang bị khóa; hãy mở khóa trước khi đặt lại mật khẩu.');
    // 256 bits from the CSPRNG; only its hash is stored (ASVS 7.2.3, 9.x).
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MS);
    await this.users.createReset(user.id, resetTokenHash(token), expiresAt, ctx.principal.actor);
    await this.mailer.send({ to: user.email, name: user.displayName ?? user.email, requestedBy: ctx.principal.actor, url: passwordResetUrl(this.config.values.PUBLIC_BASE_URL, token), expiresAt });
    await this.audit.record(ctx, 'user.password-reset.request', `user/${user.email}`, { expiresAt: expiresAt.toISOString() });
    return { email: user.email, expiresAt: expiresAt.toISOString() };
  }

  private async found(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError(`Không có tài khoản ${id}.`);
    return user;
  }
}
