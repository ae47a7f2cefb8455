// Staff accounts. E-mails are unique regardless of case (users_email_key on lower(email)).
import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';

import type { Database } from '../database';
import type { UserRole, UsersTable } from '../tables/users.table';
import { isUniqueViolation } from './unique-violation';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly displayName: string | null;
  readonly passwordHash: string;
  readonly role: UserRole;
  readonly agencyId: string | null;
  readonly disabledAt: Date | null;
  /** Sessions carry it; a session with an older one has ended. */
  readonly sessionVersion: number;
  readonly createdAt: Date;
  readonly lastLoginAt: Date | null;
}

export interface NewUser {
  readonly email: string;
  readonly displayName?: string | null;
  readonly passwordHash: string;
  readonly role: UserRole;
  readonly agencyId?: string | null;
}

export class DuplicateUserError extends Error {
  override readonly name = 'DuplicateUserError';
}

/** What became of a reset token that was presented. */
export type ResetClaim = { readonly ok: true; readonly userId: string } | { readonly ok: false; readonly reason: 'unknown' | 'used' | 'expired' | 'disabled' };

export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(user: NewUser): Promise<User> {
    try {
      const row = await this.db
        .insertInto('users')
        .values({
          email: user.email,
          display_name: user.displayName ?? null,
          password_hash: user.passwordHash,
          role: user.role,
          agency_id: user.agencyId ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toUser(row);
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw new DuplicateUserError(`a user with e-mail ${user.email} exists`);
      throw error;
    }
  }

  async findByEmail(email: string): Promise<User | null> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async findById(id: string): Promise<User | null> {
    // Session subjects come from signed tokens, but a malformed one must be "no such user", not a database error.
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  /** Every account, by e-mail. */
  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy(sql`lower(email)`).execute();
    return rows.map(toUser);
  }

  /** Disables (ending every session) or enables an account; null when there is no such user. */
  async setDisabled(id: string, disabled: boolean, at: Date): Promise<User | null> {
    const row = await this.db
      .updateTable('users')
      .set(disabled ? { disabled_at: at, session_version: sql`session_version + 1` } : { disabled_at: null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  /** A new password; every session made before it ends. */
  async setPassword(id: string, passwordHash: string): Promise<User | null> {
    const row = await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, session_version: sql`session_version + 1` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  /** Stores a reset token's hash; earlier unused tokens of the user stop working, so only the newest link does. */
  async createReset(userId: string, tokenHash: string, expiresAt: Date, requestedBy: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('password_resets').set({ used_at: new Date() }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
      await trx.insertInto('password_resets').values({ token_hash: tokenHash, user_id: userId, requested_by: requestedBy, expires_at: expiresAt }).execute();
    });
  }

  /**
   * Spends a reset token and sets the password in one transaction: a token works
   * once, and a failed password write leaves it unspent.
   */
  async resetPassword(tokenHash: string, passwordHash: string, now: Date): Promise<ResetClaim> {
    return this.db.transaction().execute(async (trx) => {
      const reset = await trx.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
      if (!reset) return { ok: false, reason: 'unknown' } as const;
      if (reset.used_at !== null) return { ok: false, reason: 'used' } as const;
      if (reset.expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired' } as const;
      const user = await trx.selectFrom('users').select('disabled_at').where('id', '=', reset.user_id).executeTakeFirstOrThrow();
      if (user.disabled_at !== null) return { ok: false, reason: 'disabled' } as const;
      await trx.updateTable('password_resets').set({ used_at: now }).where('token_hash', '=', tokenHash).execute();
      await trx.updateTable('users').set({ password_hash: passwordHash, session_version: sql`session_version + 1` }).where('id', '=', reset.user_id).execute();
      return { ok: true, userId: reset.user_id } as const;
    });
  }

  /** A successful login; `passwordHash` replaces the stored hash when it was made with weaker parameters. */
  async recordLogin(id: string, at: Date, passwordHash?: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ last_login_at: at, ...(passwordHash ? { password_hash: passwordHash } : {}) })
      .where('id', '=', id)
      .execute();
  }
}

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    role: row.role,
    agencyId: row.agency_id,
    disabledAt: row.disabled_at,
    sessionVersion: row.session_version,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}
