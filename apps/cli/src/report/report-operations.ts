// What `dondoc report …` does, over Temporal and the database: the same steps
// the API takes (validate, store a draft, hand its id to the agency's
// workflow), kept apart from commander so they read as a list of operations.
import { generateReportFiles } from '@dondoc/activities';
import {
  agencyReportScopeQuery,
  type AgencyReportState,
  agencyReportWorkflowId,
  type ReportCycleRequest,
  type ReportCycleState,
  reportCyclePlanQuery,
  reportCycleStateQuery,
  reportCycleWorkflowId,
  REPORT_CYCLE_WORKFLOW_TYPE,
  type ReportFileRef,
  reviewReportUpdate,
  submitReportUpdate,
  validateReportContent,
} from '@dondoc/contracts';
import { type Database, ReportFileRepository, ReportSubmissionRepository } from '@dondoc/db';
import type { SeedCatalog } from '@dondoc/plan-sync';
import { type Client, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export interface ReportOperationsDeps {
  readonly client: Client;
  readonly db: Kysely<Database>;
  readonly dataDir: string;
  readonly taskQueue: string;
  readonly loadCatalog: () => SeedCatalog;
}

/** A refusal to show the user as is (Vietnamese), exit code 1. */
export class ReportCommandError extends Error {}

/** "2026" or "2026-dx-<id>": the year is its first four digits. */
const yearOf = (cycleKey: string) => Number(cycleKey.slice(0, 4));

export class ReportOperations {
  constructor(private readonly deps: ReportOperationsDeps) {}

  async start(request: ReportCycleRequest, cycleKey: string): Promise<string> {
    const workflowId = reportCycleWorkflowId(request.planId, cycleKey);
    await this.deps.client.workflow.start(REPORT_CYCLE_WORKFLOW_TYPE, {
      taskQueue: this.deps.taskQueue,
      workflowId,
      args: [request],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return workflowId;
  }

  status(planId: string, cycleKey: string): Promise<ReportCycleState> {
    return this.deps.client.workflow.getHandle(reportCycleWorkflowId(planId, cycleKey)).query(reportCycleStateQuery);
  }

  /** Validates against the agency's scope, stores a draft, and submits it to the agency's workflow. */
  async submit(planId: string, cycleKey: string, agencyId: string, content: unknown, by: string): Promise<AgencyReportState> {
    const handle = this.deps.client.workflow.getHandle(agencyReportWorkflowId(planId, cycleKey, agencyId));
    const scope = await handle.query(agencyReportScopeQuery);
    const checked = validateReportContent(content, scope);
    if (!checked.ok) throw new ReportCommandError(`Báo cáo chưa hợp lệ:\n${checked.errors.map((e) => `  - ${e}`).join('\n')}`);
    const draft = await new ReportSubmissionRepository(this.deps.db).createDraft({ planId, year: yearOf(cycleKey), cycleKey }, agencyId, checked.content, by);
    return this.update(() => handle.executeUpdate(submitReportUpdate, { args: [{ submissionId: draft.id, by }] }));
  }

  review(planId: string, cycleKey: string, agencyId: string, decision: 'accept' | 'return', comment: string, by: string): Promise<AgencyReportState> {
    const handle = this.deps.client.workflow.getHandle(agencyReportWorkflowId(planId, cycleKey, agencyId));
    return this.update(() => handle.executeUpdate(reviewReportUpdate, { args: [{ decision, comment, by }] }));
  }

  /**
   * Copies the cycle's documents into `outDir`. With `regenerate` (or before
   * the cycle has produced any), they are first built afresh from the stored reports.
   */
  async download(planId: string, cycleKey: string, outDir: string, regenerate: boolean): Promise<string[]> {
    let files: ReportFileRef[] = (await new ReportFileRepository(this.deps.db).latest(planId, cycleKey)).map(({ kind, path: p, sha256 }) => ({ kind, path: p, sha256 }));
    if (regenerate || files.length === 0) {
      const handle = this.deps.client.workflow.getHandle(reportCycleWorkflowId(planId, cycleKey));
      const [cycle, state] = await Promise.all([handle.query(reportCyclePlanQuery), handle.query(reportCycleStateQuery)]);
      if (!cycle) throw new ReportCommandError('Kỳ báo cáo chưa xác định xong danh sách cơ quan; vui lòng thử lại sau.');
      const plan = this.deps.loadCatalog().plans.get(planId);
      if (!plan) throw new ReportCommandError(`Không có kế hoạch "${planId}" trong danh mục.`);
      ({ files } = await generateReportFiles(this.deps, cycle, plan, state.agencies, Date.now()));
    }
    mkdirSync(outDir, { recursive: true });
    return files.map((file) => {
      const target = path.join(outDir, path.basename(file.path));
      copyFileSync(path.join(this.deps.dataDir, file.path), target);
      return target;
    });
  }

  /** An Update's refusal carries the workflow's Vietnamese message in its cause. */
  private async update(run: () => Promise<AgencyReportState>): Promise<AgencyReportState> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause) throw new ReportCommandError(error.cause.message);
      throw error;
    }
  }
}
