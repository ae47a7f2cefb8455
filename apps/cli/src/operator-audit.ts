// CLI actions that change state without the API (plan import, user add,
// dead-letter replay, report actions) land in the same audit log as the API's,
// under the operator's login on this machine: "who, what, when, from where".
import { AuditLogRepository, type Database, type JsonObject } from '@dondoc/db';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import os from 'node:os';

/** `<login>@<host>`, or `by` when the operator named themselves (e.g. `--by`). */
export function operatorActor(by?: string): string {
  if (by && by !== 'cli') return by;
  return `${os.userInfo().username}@${os.hostname()}`;
}

export async function recordOperatorAction(db: Kysely<Database>, entry: { action: string; target: string | null; payload?: JsonObject; by?: string }): Promise<void> {
  await new AuditLogRepository(db).record({
    actor: operatorActor(entry.by),
    role: 'operator',
    action: entry.action,
    target: entry.target,
    payload: { ...entry.payload, via: 'cli' },
    ip: null,
    // One id per CLI action, as the API gives one per request.
    requestId: `cli-${randomUUID()}`,
  });
}
