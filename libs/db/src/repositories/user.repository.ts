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
  };
}
