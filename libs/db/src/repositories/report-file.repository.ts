// Generated consolidated reports: where each file is and its content hash.
import type { Kysely } from 'kysely';

import type { Database } from '../database';
import type { ReportFileKind } from '../tables/report-files.table';
import type { ReportCycleRef } from './report-submission.repository';

export interface ReportFile extends ReportCycleRef {
  readonly kind: ReportFileKind;
  /** Relative to the data folder. */
  readonly path: string;
  readonly sha256: string;
  readonly createdAt: Date;
}

export class ReportFileRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records a generated file; the same content generated again is recorded once. */
  async record(cycle: ReportCycleRef, kind: ReportFileKind, path: string, sha256: string): Promise<void> {
    await this.db
      .insertInto('report_files')
      .values({ plan_id: cycle.planId, year: cycle.year, cycle_key: cycle.cycleKey, kind, path, sha256 })
      .onConflict((oc) => oc.constraint('report_files_content_key').doUpdateSet({ path }))
      .execute();
  }

  /** The newest file of each kind for a cycle. */
  async latest(planId: string, cycleKey: string): Promise<ReportFile[]> {
    const rows = await this.db
      .selectFrom('report_files')
      .selectAll()
      .distinctOn('kind')
      .where('plan_id', '=', planId)
      .where('cycle_key', '=', cycleKey)
      .orderBy('kind')
      .orderBy('id', 'desc')
      .execute();
    return rows.map((row) => ({
      planId: row.plan_id,
      year: row.year,
      cycleKey: row.cycle_key,
      kind: row.kind,
      path: row.path,
      sha256: row.sha256,
      createdAt: row.created_at,
    }));
  }
}
