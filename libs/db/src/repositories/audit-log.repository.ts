// The audit log: append-only record of who did what; only a pending entry's outcome is set later, once.
import type { Kysely, Selectable } from 'kysely';

import type { Database } from '../database';
import type { AuditLogTable, AuditOutcome } from '../tables/audit-log.table';
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
  /** Null in rows from before outcomes were recorded: those were done. */
  readonly outcome: AuditOutcome | null;
  readonly outcomeDetail: string | null;
  readonly at: Date;
}

export interface AuditLogFilter {
  readonly actor?: string;
  readonly action?: string;
  readonly target?: string;
  readonly outcome?: AuditOutcome;
}

export class AuditLogRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records something already done. */
  record(input: AuditEntryInput): Promise<AuditEntry> {
    return this.insert(input, 'applied');
  }

  /** Records an action about to be applied; `settle` gives it its outcome. */
  begin(input: AuditEntryInput): Promise<AuditEntry> {
    return this.insert(input, 'pending');
  }

  /** The outcome of a pending entry; set once (a settled entry is left as it is). */
  async settle(id: string, outcome: Exclude<AuditOutcome, 'pending'>, detail: string | null = null): Promise<void> {
    await this.db.updateTable('audit_log').set({ outcome, outcome_detail: detail }).where('id', '=', id).where('outcome', '=', 'pending').execute();
  }

  private async insert(input: AuditEntryInput, outcome: AuditOutcome): Promise<AuditEntry> {
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
        outcome,
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
    if (filter.outcome !== undefined) query = query.where('outcome', '=', filter.outcome);
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
    outcome: row.outcome,
    outcomeDetail: row.outcome_detail,
    at: row.at,
  };
}
