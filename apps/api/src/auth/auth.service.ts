import { decoyHash, hashPassword, passwordNeedsRehash, type SessionClaims, verifyPassword } from '@dondoc/auth';
import { type User, UserRepository } from '@dondoc/db';
import { UnauthenticatedError } from '@dondoc/domain';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { z } from 'zod';

import type { sessionSchema } from './auth.schemas';

/** Staff sessions last one working day. */
export const SESSION_SECONDS = 12 * 3600;

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly jwt: JwtService,
  ) {}

  async login(email: string, password: string): Promise<z.infer<typeof sessionSchema>> {
    const user = await this.users.findByEmail(email);
    // Same work for an unknown e-mail as for a wrong password: timing tells nothing.
    const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !matches || user.disabledAt) throw new UnauthenticatedError('Email hoặc mật khẩu không đúng.');
    // The password is at hand only now: upgrade a hash made with weaker parameters.
    const upgraded = passwordNeedsRehash(user.passwordHash) ? await hashPassword(password) : undefined;
    await this.users.recordLogin(user.id, new Date(), upgraded);
    return this.session(user);
  }

  /** A session token for the user as they are now (their current session version). */
  async session(user: User): Promise<z.infer<typeof sessionSchema>> {
    const claims: SessionClaims = { sub: user.id, email: user.email, role: user.role, agencyId: user.agencyId, ver: user.sessionVersion };
    const token = await this.jwt.signAsync(claims, { expiresIn: SESSION_SECONDS });
    return {
      token,
      expiresAt: new Date(Date.now() + SESSION_SECONDS * 1000).toISOString(),
      user: { email: user.email, role: user.role, agencyId: user.agencyId },
    };
  }
}
