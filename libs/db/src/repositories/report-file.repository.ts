// Generated consolidated reports: where each file is and its content hash,
// by generation (each consolidation of a cycle writes all its files as one).
import type { Kysely, Selectable } from 'kysely';

import type { Database } from '../database';
import type { ReportFileKind, ReportFilesTable } from '../tables/report-files.table';
import type { ReportCycleRef } from './report-submission.repository';

export interface ReportFile extends ReportCycleRef {
  readonly kind: ReportFileKind;
  readonly generation: number;
  /** Relative to the data folder. */
  readonly path: string;
  readonly sha256: string;
  readonly createdAt: Date;
}

export class ReportFileRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The number the next generation of a cycle should try (the caller claims it; two writers may race for it). */
  async nextGeneration(planId: string, cycleKey: string): Promise<number> {
    const row = await this.db
      .selectFrom('report_files')
      .select((eb) => eb.fn.max('generation').as('generation'))
      .where('plan_id', '=', planId)
      .where('cycle_key', '=', cycleKey)
      .executeTakeFirst();
    return (row?.generation ?? 0) + 1;
  }

  /** Records one generation's files together, so a reader never finds half a generation. */
  async recordGeneration(cycle: ReportCycleRef, generation: number, files: ReadonlyArray<{ kind: ReportFileKind; path: string; sha256: string }>): Promise<void> {
    await this.db
      .insertInto('report_files')
      .values(files.map(({ kind, path, sha256 }) => ({ plan_id: cycle.planId, year: cycle.year, cycle_key: cycle.cycleKey, generation, kind, path, sha256 })))
      .execute();
  }

  /** The files of the newest generation of a cycle (or of the one asked for); empty when there is none. */
  async latest(planId: string, cycleKey: string, generation?: number): Promise<ReportFile[]> {
    let query = this.db.selectFrom('report_files').selectAll().where('plan_id', '=', planId).where('cycle_key', '=', cycleKey);
    query =
      generation === undefined
        ? query.where('generation', '=', (eb) => eb.selectFrom('report_files').select((s) => s.fn.max('generation').as('g')).where('plan_id', '=', planId).where('cycle_key', '=', cycleKey))
        : query.where('generation', '=', generation);
    const rows = await query.orderBy('id').execute();
    return rows.map(toFile);
  }

  /** Every generation of a cycle, oldest first, each with its files. */
  async generations(planId: string, cycleKey: string): Promise<Array<{ generation: number; createdAt: Date; files: ReportFile[] }>> {
    const rows = await this.db.selectFrom('report_files').selectAll().where('plan_id', '=', planId).where('cycle_key', '=', cycleKey).orderBy('generation').orderBy('id').execute();
    const byGeneration = new Map<number, ReportFile[]>();
    for (const row of rows) byGeneration.set(row.generation, [...(byGeneration.get(row.generation) ?? []), toFile(row)]);
    return [...byGeneration].map(([generation, files]) => ({ generation, createdAt: files[0]!.createdAt, files }));
  }
}

function toFile(row: Selectable<ReportFilesTable>): ReportFile {
  return {
    planId: row.plan_id,
    year: row.year,
    cycleKey: row.cycle_key,
    kind: row.kind,
    generation: row.generation,
    path: row.path,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}
