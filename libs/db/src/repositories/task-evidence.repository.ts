// Evidence files of tasks: what is stored where, its size and hash.
import type { Kysely, Selectable } from 'kysely';

import type { Database } from '../database';
import type { TaskEvidenceTable } from '../tables/task-evidence.table';

export interface TaskEvidence {
  readonly id: string;
  readonly workflowId: string;
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

export type NewTaskEvidence = Omit<TaskEvidence, 'id' | 'createdAt'>;

const toEvidence = (row: Selectable<TaskEvidenceTable>): TaskEvidence => ({
  id: row.id,
  workflowId: row.workflow_id,
  agencyId: row.agency_id,
  fileName: row.file_name,
  contentType: row.content_type,
  sizeBytes: Number(row.size_bytes),
  sha256: row.sha256,
  path: row.path,
  uploadedBy: row.uploaded_by,
  createdAt: row.created_at,
});

export class TaskEvidenceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records a file; the same content attached to the task again returns the existing record (`created: false`). */
  async record(file: NewTaskEvidence): Promise<{ evidence: TaskEvidence; created: boolean }> {
    const inserted = await this.db
      .insertInto('task_evidence')
      .values({
        workflow_id: file.workflowId,
        agency_id: file.agencyId,
        file_name: file.fileName,
        content_type: file.contentType,
        size_bytes: file.sizeBytes,
        sha256: file.sha256,
        path: file.path,
        uploaded_by: file.uploadedBy,
      })
      .onConflict((oc) => oc.constraint('task_evidence_content_key').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { evidence: toEvidence(inserted), created: true };
    const existing = (await this.list(file.workflowId)).find((e) => e.sha256 === file.sha256);
    if (!existing) throw new Error('task_evidence: conflicting row vanished');
    return { evidence: existing, created: false };
  }

  /** A task's files, oldest first. */
  async list(workflowId: string): Promise<TaskEvidence[]> {
    return (await this.db.selectFrom('task_evidence').selectAll().where('workflow_id', '=', workflowId).orderBy('id').execute()).map(toEvidence);
  }

  /** One file of a task; null for an unknown id or another task's file. */
  async find(workflowId: string, id: string): Promise<TaskEvidence | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const row = await this.db.selectFrom('task_evidence').selectAll().where('id', '=', id).where('workflow_id', '=', workflowId).executeTakeFirst();
    return row ? toEvidence(row) : null;
  }
}
