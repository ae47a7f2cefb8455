// Evidence files (minh chứng) of a task, attached by its agency with a progress
// report or a proposed completion: the same types and limits as report
// evidence (10 MB a file, 30 MB a task), stored by content hash under the data
// folder, recorded in task_evidence, every upload audited.
import { canSeeAgency, type Principal } from '@dondoc/auth';
import { type Database, type TaskEvidence, TaskEvidenceRepository } from '@dondoc/db';
import { ConflictError, ForbiddenError, NotFoundError, TooLargeError } from '@dondoc/domain';
import { checkEvidenceUpload, EVIDENCE_TOTAL_LIMIT, type EvidenceUpload } from '@dondoc/reports-service';
import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { AppConfigService } from '../app-config.service';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import { DATABASE } from '../infrastructure/infrastructure.module';
import { TaskWorkflowsRepository } from './task-workflows.repository';

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** What the API shows of a file: never its place on disk. */
export function taskEvidenceView(evidence: TaskEvidence) {
  const { path: _path, ...rest } = evidence;
  return { ...rest, createdAt: evidence.createdAt.toISOString() };
}

@Injectable()
export class TaskEvidenceService {
  private readonly repository: TaskEvidenceRepository;
  private readonly dataDir: string;

  constructor(
    @Inject(DATABASE) db: Kysely<Database>,
    config: AppConfigService,
    private readonly workflows: TaskWorkflowsRepository,
    private readonly audit: AuditService,
  ) {
    this.repository = new TaskEvidenceRepository(db);
    this.dataDir = path.resolve(config.values.DONDOC_DATA_DIR);
  }

  /** Stores a file for a running task of the principal's agency; the same content twice is kept once (`created: false`). */
  async add(ctx: RequestContext, workflowId: string, upload: EvidenceUpload): Promise<ReturnType<typeof taskEvidenceView> & { created: boolean }> {
    const task = await this.accessible(ctx.principal, workflowId, 'đính kèm minh chứng cho');
    const { fileName, contentType } = checkEvidenceUpload(upload);
    if (!task.running) throw new ConflictError('Nhiệm vụ đã kết thúc; không thể đính kèm thêm minh chứng.');
    const sha256 = createHash('sha256').update(upload.data).digest('hex');
    const existing = await this.repository.list(workflowId);
    const known = existing.find((e) => e.sha256 === sha256);
    if (known) return { ...taskEvidenceView(known), created: false };
    const total = existing.reduce((sum, e) => sum + e.sizeBytes, 0) + upload.data.length;
    if (total > EVIDENCE_TOTAL_LIMIT) {
      throw new TooLargeError(`Tổng dung lượng minh chứng của nhiệm vụ vượt quá ${mb(EVIDENCE_TOTAL_LIMIT)} (đã có ${existing.length} tệp); vui lòng bỏ bớt hoặc nén tệp.`, { limitBytes: EVIDENCE_TOTAL_LIMIT });
    }
    // The uploaded name never becomes a path, nor does the workflow id (its segments are the plan's text).
    const folder = createHash('sha256').update(workflowId).digest('hex').slice(0, 32);
    const relative = path.posix.join('tasks', 'evidence', folder, `${sha256}${path.extname(fileName).toLowerCase()}`);
    const absolute = path.join(this.dataDir, relative);
    await mkdir(path.dirname(absolute), { recursive: true });
    const partial = `${absolute}.${process.pid}.partial`;
    await writeFile(partial, upload.data);
    await rename(partial, absolute);
    const { evidence, created } = await this.repository.record({
      workflowId,
      agencyId: task.agencyId,
      fileName,
      contentType,
      sizeBytes: upload.data.length,
      sha256,
      path: relative,
      uploadedBy: ctx.principal.actor,
    });
    if (created) await this.audit.record(ctx, 'task.evidence', workflowId, { id: evidence.id, fileName, sizeBytes: evidence.sizeBytes, sha256 });
    return { ...taskEvidenceView(evidence), created };
  }

  async list(principal: Principal, workflowId: string): Promise<TaskEvidence[]> {
    await this.accessible(principal, workflowId, 'xem minh chứng của');
    return this.repository.list(workflowId);
  }

  /** Several files by id, all of this task (for naming them in a progress report); 400-style errors name the missing one. */
  async pick(workflowId: string, ids: readonly string[]): Promise<TaskEvidence[]> {
    const all = await this.repository.list(workflowId);
    return ids.map((id) => {
      const found = all.find((e) => e.id === id);
      if (!found) throw new NotFoundError(`Không có tệp minh chứng số ${id} của nhiệm vụ này.`);
      return found;
    });
  }

  async open(principal: Principal, workflowId: string, id: string): Promise<TaskEvidence & { absolutePath: string }> {
    await this.accessible(principal, workflowId, 'tải minh chứng của');
    const found = await this.repository.find(workflowId, id);
    if (!found) throw new NotFoundError(`Không có tệp minh chứng số ${id} của nhiệm vụ ${workflowId}.`);
    return { ...found, absolutePath: path.join(this.dataDir, found.path) };
  }

  private async accessible(principal: Principal, workflowId: string, what: string) {
    const task = await this.workflows.describe(workflowId);
    if (!canSeeAgency(principal, task.agencyId)) throw new ForbiddenError(`Cán bộ cơ quan chỉ được ${what} nhiệm vụ của cơ quan mình.`, { agencyId: task.agencyId });
    return task;
  }
}
