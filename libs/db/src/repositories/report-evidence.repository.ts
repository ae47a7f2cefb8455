// Evidence files of agencies' reports: what is stored where, its size and hash.
import type { Kysely, Selectable } from 'kysely';

import type { Database } from '../database';
import type { ReportEvidenceTable } from '../tables/report-evidence.table';
import type { ReportCycleRef } from './report-submission.repository';

export interface ReportEvidence extends ReportCycleRef {
  readonly id: string;
  readonly agencyId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  /** Relative to the data folder. */
  readonly path: string;
  readonly uploadedBy: string;
  readonly createdAt: Date;
}

export interface NewReportEvidence {
  readonly agencyId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly path: string;
  readonly uploadedBy: string;
}

const toEvidence = (row: Selectable<ReportEvidenceTable>): ReportEvidence => ({
  id: row.id,
  planId: row.plan_id,
  year: row.year,
  cycleKey: row.cycle_key,
  agencyId: row.agency_id,
  fileName: row.file_name,
  contentType: row.content_type,
  sizeBytes: Number(row.size_bytes),
  sha256: row.sha256,
  path: row.path,
  uploadedBy: row.uploaded_by,
  createdAt: row.created_at,
});

export class ReportEvidenceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records a file; the same content attached again by the agency returns the existing record (`created: false`). */
  async record(cycle: ReportCycleRef, file: NewReportEvidence): Promise<{ evidence: ReportEvidence; created: boolean }> {
    const inserted = await this.db
      .insertInto('report_evidence')
      .values({
        plan_id: cycle.planId,
        year: cycle.year,
        cycle_key: cycle.cycleKey,
        agency_id: file.agencyId,
        file_name: file.fileName,
        content_type: file.contentType,
        size_bytes: file.sizeBytes,
        sha256: file.sha256,
        path: file.path,
        uploaded_by: file.uploadedBy,
      })
      .onConflict((oc) => oc.constraint('report_evidence_content_key').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { evidence: toEvidence(inserted), created: true };
    const existing = (await this.list(cycle.planId, cycle.cycleKey, file.agencyId)).find((e) => e.sha256 === file.sha256);
    if (!existing) throw new Error('report_evidence: conflicting row vanished');
    return { evidence: existing, created: false };
  }

  /** An agency's files in a cycle (or every agency's, without `agencyId`), oldest first. */
  async list(planId: string, cycleKey: string, agencyId?: string): Promise<ReportEvidence[]> {
    let query = this.db.selectFrom('report_evidence').selectAll().where('plan_id', '=', planId).where('cycle_key', '=', cycleKey);
    if (agencyId !== undefined) query = query.where('agency_id', '=', agencyId);
    return (await query.orderBy('id').execute()).map(toEvidence);
  }

  async find(planId: string, cycleKey: string, agencyId: string, id: string): Promise<ReportEvidence | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const row = await this.db
      .selectFrom('report_evidence')
      .selectAll()
      .where('id', '=', id)
      .where('plan_id', '=', planId)
      .where('cycle_key', '=', cycleKey)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    return row ? toEvidence(row) : null;
  }
}
