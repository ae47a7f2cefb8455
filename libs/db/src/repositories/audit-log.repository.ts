// The audit log: append-only record of who did what.
import type { Kysely, Selectable } from 'kysely';

import type { Database } from '../database';
import type { AuditLogTable } from '../tables/audit-log.table';
import { type JsonObject, toJsonb } from '../tables/column-types';
import { type Page, type PageRequest, pageCursor, pageLimit, toPage } from './page';

export interface AuditEntryInput {
  readonly actor: string;
  readonly role?: string | null;
  readonly action: string;
  readonly target?: string | null;
  readonly payload?: JsonObject;
  readonly ip?: string | null;
  readonly requestId?: string | null;
}

export interface AuditEntry {
  readonly id: string;
  readonly actor: string;
  readonly role: string | null;
  readonly action: string;
  readonly target: string | null;
  readonly payload: JsonObject;
  readonly ip: string | null;
  readonly requestId: string | null;
  readonly at: Date;
}

export interface AuditLogFilter {
  readonly actor?: string;
  readonly action?: string;
  readonly target?: string;
}

export class AuditLogRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(input: AuditEntryInput): Promise<AuditEntry> {
    const row = await this.db
      .insertInto('audit_log')
      .values({
        actor: input.actor,
        role: input.role ?? null,
        action: input.action,
        target: input.target ?? null,
        payload: toJsonb(input.payload ?? {}),
        ip: input.ip ?? null,
        request_id: input.requestId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAuditEntry(row);
  }

  /** Newest first. */
  async list(filter: AuditLogFilter = {}, page: PageRequest = {}): Promise<Page<AuditEntry>> {
    const limit = pageLimit(page.limit);
    const cursor = pageCursor(page.cursor);
    let query = this.db.selectFrom('audit_log').selectAll();
    if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    if (filter.target !== undefined) query = query.where('target', '=', filter.target);
    if (cursor !== null) query = query.where('id', '<', cursor);
    const rows = await query.orderBy('id', 'desc').limit(limit + 1).execute();
    return toPage(rows.map(toAuditEntry), limit);
  }
}

function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    actor: row.actor,
    role: row.role,
    action: row.action,
    target: row.target,
    payload: row.payload,
    ip: row.ip,
    requestId: row.request_id,
    at: row.at,
  };
}
