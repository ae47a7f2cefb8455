// Daily digests: entries join a person's open digest of the day in one
// transaction that holds the digest's row lock, and a digest is sealed under
// the same lock before it is sent. So an entry is either in the digest that
// goes out, or (arriving after the seal) in a later day's: never in none, never
// in two. The delivery log rows of each entry are written by the notifier.
import type { Kysely, Selectable, Transaction } from 'kysely';
import { sql } from 'kysely';

import type { Database } from '../database';
import { type JsonObject, toJsonb } from '../tables/column-types';
import type { DigestEntriesTable, DigestEntryOutcome, DigestsTable, DigestStatus } from '../tables/digests.table';
import { type DeliveryAttemptInput, DeliveryLogRepository } from './delivery-log.repository';

/** Where an entry may go: a person's digest of one day, with its timing should it be created. */
export interface DigestSlot {
  readonly id: string;
  readonly day: string;
  readonly channel: 'email' | 'zalo';
  readonly address: string;
  readonly recipientAgencyId: string;
  readonly quietHours: { readonly from: string; readonly to: string } | null;
  readonly sendAfter: Date;
  readonly sendBy: Date;
}

export interface NewDigestEntry {
  readonly deliveryKey: string;
  readonly idempotencyKey: string;
  readonly workflowId: string;
  readonly delivery: JsonObject;
  /** The "queued" row of the delivery log, written with the entry (its job id is the digest's). */
  readonly queuedRow: (slot: DigestSlot) => Omit<DeliveryAttemptInput, 'jobId'>;
}

export interface EntryPlacement {
  readonly deliveryKey: string;
  readonly digestId: string;
  /** False when the delivery was already in a digest (a dispatch run again). */
  readonly added: boolean;
  readonly digestStatus: DigestStatus;
  readonly sendAfter: Date;
}

export interface Digest {
  readonly id: string;
  readonly day: string;
  readonly channel: 'email' | 'zalo';
  readonly address: string;
  readonly recipientAgencyId: string;
  readonly quietHours: { readonly from: string; readonly to: string } | null;
  readonly status: DigestStatus;
  readonly sendAfter: Date;
  readonly sendBy: Date;
  readonly providerMessageId: string | null;
  readonly sentAt: Date | null;
}

export interface DigestEntry {
  readonly id: string;
  readonly digestId: string;
  readonly deliveryKey: string;
  readonly idempotencyKey: string;
  readonly workflowId: string;
  readonly delivery: JsonObject;
  readonly outcome: DigestEntryOutcome | null;
}

export class DigestRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Places each entry in the first slot of its candidates whose digest is still open
   * (creating it), in one transaction. `candidates(entry, n)` gives the n-th choice
   * (today's digest, then the next working day's, …). Arriving again, an entry stays
   * where it is. Each new entry pushes its digest's send_after to `quietUntil` at least,
   * never past send_by. The placements come back in the order of `entries`.
   */
  async place(entries: ReadonlyArray<{ entry: NewDigestEntry; candidates: (n: number) => DigestSlot }>, quietUntil: Date): Promise<EntryPlacement[]> {
    // One order for every transaction, so two dispatches never wait on each other's locks in a cycle.
    const ordered = entries.map((e, index) => ({ ...e, index })).sort((a, b) => compare(a.candidates(0).id, b.candidates(0).id) || compare(a.entry.deliveryKey, b.entry.deliveryKey));
    return this.db.transaction().execute(async (trx) => {
      const placements: EntryPlacement[] = new Array(entries.length);
      for (const { entry, candidates, index } of ordered) placements[index] = await placeOne(trx, entry, candidates, quietUntil);
      return placements;
    });
  }

  async find(id: string): Promise<Digest | null> {
    const row = await this.db.selectFrom('digests').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDigest(row) : null;
  }

  /**
   * Closes an open digest to new entries (they go to a later day from now on) and gives
   * it with the entries still to send: those not sent or handed on (dead ones are sent
   * again when an operator replays the digest). Null when there is no such digest.
   */
  async seal(id: string): Promise<{ digest: Digest; entries: DigestEntry[] } | null> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.updateTable('digests').set({ status: 'sealed' }).where('id', '=', id).where('status', '=', 'open').returningAll().executeTakeFirst();
      const digest = row ?? (await trx.selectFrom('digests').selectAll().where('id', '=', id).executeTakeFirst());
      if (!digest) return null;
      const entries = await trx
        .selectFrom('digest_entries')
        .selectAll()
        .where('digest_id', '=', id)
        .where((eb) => eb.or([eb('outcome', 'is', null), eb('outcome', '=', 'dead')]))
        .orderBy('id')
        .execute();
      return { digest: toDigest(digest), entries: entries.map(toEntry) };
    });
  }

  /** The digest went out (or its entries were otherwise settled): their outcomes, and the digest's status. */
  async settle(id: string, outcomes: ReadonlyArray<{ entryId: string; outcome: DigestEntryOutcome }>, result: { status: 'sent'; providerMessageId: string } | { status: 'failed' }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const outcome of ['sent', 'handed-on', 'dead'] as const) {
        const ids = outcomes.filter((o) => o.outcome === outcome).map((o) => o.entryId);
        if (ids.length) await trx.updateTable('digest_entries').set({ outcome }).where('id', 'in', ids).execute();
      }
      await trx
        .updateTable('digests')
        .set(result.status === 'sent' ? { status: 'sent', provider_message_id: result.providerMessageId, sent_at: new Date() } : { status: 'failed' })
        .where('id', '=', id)
        .execute();
    });
  }

  /** Every entry of a digest, oldest first: what the recipient's list link shows. */
  async entriesOf(id: string): Promise<DigestEntry[]> {
    const rows = await this.db.selectFrom('digest_entries').selectAll().where('digest_id', '=', id).orderBy('id').execute();
    return rows.map(toEntry);
  }
}

async function placeOne(trx: Transaction<Database>, entry: NewDigestEntry, candidates: (n: number) => DigestSlot, quietUntil: Date): Promise<EntryPlacement> {
  const existing = await trx
    .selectFrom('digest_entries')
    .innerJoin('digests', 'digests.id', 'digest_entries.digest_id')
    .select(['digests.id', 'digests.status', 'digests.send_after'])
    .where('digest_entries.delivery_key', '=', entry.deliveryKey)
    .executeTakeFirst();
  if (existing) return { deliveryKey: entry.deliveryKey, digestId: existing.id, added: false, digestStatus: existing.status, sendAfter: existing.send_after };
  // A few days at most: only a digest sealed today pushes an entry to the next working day.
  for (let n = 0; n < 10; n++) {
    const slot = candidates(n);
    await trx
      .insertInto('digests')
      .values({
        id: slot.id,
        day: slot.day,
        channel: slot.channel,
        address: slot.address,
        recipient_agency_id: slot.recipientAgencyId,
        quiet_hours: slot.quietHours ? toJsonb(slot.quietHours) : null,
        send_after: slot.sendAfter,
        send_by: slot.sendBy,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const digest = await trx.selectFrom('digests').select(['id', 'status']).where('id', '=', slot.id).forUpdate().executeTakeFirstOrThrow();
    if (digest.status !== 'open') continue;
    await trx
      .insertInto('digest_entries')
      .values({ digest_id: slot.id, delivery_key: entry.deliveryKey, idempotency_key: entry.idempotencyKey, workflow_id: entry.workflowId, delivery: toJsonb(entry.delivery) })
      .execute();
    await new DeliveryLogRepository(trx).record({ ...entry.queuedRow(slot), jobId: slot.id });
    const updated = await trx
      .updateTable('digests')
      .set({ send_after: sql<Date>`least(send_by, greatest(send_after, ${quietUntil}))` })
      .where('id', '=', slot.id)
      .returning('send_after')
      .executeTakeFirstOrThrow();
    return { deliveryKey: entry.deliveryKey, digestId: slot.id, added: true, digestStatus: 'open', sendAfter: updated.send_after };
  }
  throw new Error(`no open digest for ${entry.deliveryKey} in the next 10 working days`);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function toDigest(row: Selectable<DigestsTable>): Digest {
  return {
    id: row.id,
    day: row.day,
    channel: row.channel,
    address: row.address,
    recipientAgencyId: row.recipient_agency_id,
    quietHours: (row.quiet_hours as Digest['quietHours']) ?? null,
    status: row.status,
    sendAfter: row.send_after,
    sendBy: row.send_by,
    providerMessageId: row.provider_message_id,
    sentAt: row.sent_at,
  };
}

function toEntry(row: Selectable<DigestEntriesTable>): DigestEntry {
  return { id: row.id, digestId: row.digest_id, deliveryKey: row.delivery_key, idempotencyKey: row.idempotency_key, workflowId: row.workflow_id, delivery: row.delivery, outcome: row.outcome };
}
