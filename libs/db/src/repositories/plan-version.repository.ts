// Imported plan documents, one version per distinct content.
import type { Plan } from '@dondoc/domain';
import { type Kysely, sql } from 'kysely';

import type { Database } from '../database';
import { toJsonb } from '../tables/column-types';
import { isUniqueViolation } from './unique-violation';

export interface PlanVersion {
  readonly planId: string;
  readonly version: number;
  readonly contentHash: string;
  readonly document: Plan;
  readonly importedAt: Date;
  readonly importedBy: string;
}

export interface SavedPlanVersion {
  readonly version: number;
  /** False when this content was already imported; `version` is then the existing one. */
  readonly created: boolean;
}

/** Concurrent imports of different contents race for the next version number; the loser retries. */
const MAX_VERSION_RACES = 10;

export class PlanVersionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async latest(planId: string): Promise<PlanVersion | null> {
    const row = await this.db
      .selectFrom('plan_versions')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toPlanVersion(row) : null;
  }

  /** The newest version of every plan, by plan id. */
  async latestOfEach(): Promise<PlanVersion[]> {
    const rows = await this.db
      .selectFrom('plan_versions')
      .selectAll()
      .distinctOn('plan_id')
      .orderBy('plan_id')
      .orderBy('version', 'desc')
      .execute();
    return rows.map(toPlanVersion);
  }

  /** Every version of one plan, newest first, without the documents. */
  async history(planId: string): Promise<Array<Omit<PlanVersion, 'document'>>> {
    const rows = await this.db
      .selectFrom('plan_versions')
      .select(['plan_id', 'version', 'content_hash', 'imported_at', 'imported_by'])
      .where('plan_id', '=', planId)
      .orderBy('version', 'desc')
      .execute();
    return rows.map((row) => ({ planId: row.plan_id, version: row.version, contentHash: row.content_hash, importedAt: row.imported_at, importedBy: row.imported_by }));
  }

  async get(planId: string, version: number): Promise<PlanVersion | null> {
    const row = await this.db
      .selectFrom('plan_versions')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? toPlanVersion(row) : null;
  }

  /**
   * Stores `document` as the next version unless this content hash was imported before.
   * Idempotent and safe under concurrency: the unique (plan_id, content_hash)
   * constraint decides, so N parallel imports of one document create one version.
   * Must not run inside a caller's transaction: a lost version race aborts it.
   */
  async saveIfNew(planId: string, contentHash: string, document: Plan, importedBy: string): Promise<SavedPlanVersion> {
    const json = toJsonb(document);
    for (let race = 0; ; race++) {
      try {
        const inserted = await this.insertNextVersion(planId, contentHash, json, importedBy);
        if (inserted !== null) return { version: inserted, created: true };
      } catch (error) {
        // Another import of different content took this version number first.
        if (isUniqueViolation(error, 'plan_versions_pkey') && race < MAX_VERSION_RACES) continue;
        throw error;
      }
      const existing = await this.db
        .selectFrom('plan_versions')
        .select('version')
        .where('plan_id', '=', planId)
        .where('content_hash', '=', contentHash)
        .executeTakeFirst();
      // Absent only if the row was deleted between the two statements; try again.
      if (existing) return { version: existing.version, created: false };
    }
  }

  /** The new version number, or null when this content already exists. */
  private async insertNextVersion(planId: string, contentHash: string, json: string, importedBy: string): Promise<number | null> {
    const row = await this.db
      .insertInto('plan_versions')
      .columns(['plan_id', 'version', 'content_hash', 'document', 'imported_by'])
      .expression((eb) =>
        eb
          .selectFrom('plan_versions')
          .where('plan_id', '=', planId)
          .select([
            sql.val(planId).as('plan_id'),
            sql<number>`coalesce(max(version), 0) + 1`.as('version'),
            sql.val(contentHash).as('content_hash'),
            sql`${json}::jsonb`.as('document'),
            sql.val(importedBy).as('imported_by'),
          ]),
      )
      .onConflict((oc) => oc.columns(['plan_id', 'content_hash']).doNothing())
      .returning('version')
      .executeTakeFirst();
    return row ? row.version : null;
  }
}

function toPlanVersion(row: {
  plan_id: string;
  version: number;
  content_hash: string;
  document: Plan;
  imported_at: Date;
  imported_by: string;
}): PlanVersion {
  return {
    planId: row.plan_id,
    version: row.version,
    contentHash: row.content_hash,
    document: row.document,
    importedAt: row.imported_at,
    importedBy: row.imported_by,
  };
}
