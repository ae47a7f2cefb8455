import { GUIDANCE_FANOUT_WORKFLOW_TYPE, type GuidanceFanoutInput, type GuidanceFanoutResult, guidanceWorkflowId } from '@dondoc/contracts';
import { ConflictError, NotFoundError } from '@dondoc/domain';
import { Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, type WorkflowHandle } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';

import { AppConfigService } from '../app-config.service';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import type { guidanceRunSchema, IssueGuidance } from './guidance.schemas';

type GuidanceRun = z.infer<typeof guidanceRunSchema>;

@Injectable()
export class GuidanceService {
  constructor(
    private readonly client: Client,
    private readonly config: AppConfigService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Starts the fan-out for one document. The document number is the workflow id,
   * so a repeated request (a retry, a double click) joins the first run instead
   * of signalling twice; the same number with different content is a conflict.
   */
  async issue(ctx: RequestContext, body: IssueGuidance): Promise<GuidanceRun> {
    const input: GuidanceFanoutInput = {
      guidance: { documentNumber: body.documentNumber, date: body.date, issuer: body.issuer, ...(body.link ? { link: body.link } : {}) },
      ...(body.planId ? { planId: body.planId } : {}),
      ...(body.taskIds ? { taskIds: [...new Set(body.taskIds)].sort() } : {}),
    };
    const request = JSON.stringify(input);
    const attempt = randomUUID();
    const workflowId = guidanceWorkflowId(body.documentNumber);
    let handle: WorkflowHandle;
    try {
      handle = await this.client.workflow.start(GUIDANCE_FANOUT_WORKFLOW_TYPE, {
        taskQueue: this.config.values.TEMPORAL_TASK_QUEUE,
        workflowId,
        args: [input],
        memo: { request, attempt },
        // Running: join it. Completed: never run the same document again. Failed or
        // terminated midway: run it again (releasing a task twice is a no-op).
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      handle = this.client.workflow.getHandle(workflowId);
    }
    const run = await this.describe(handle);
    if (run.memo.request !== request) {
      throw new ConflictError(`Văn bản số ${body.documentNumber} đã được ghi nhận với nội dung khác (ngày, cơ quan ban hành hoặc phạm vi nhiệm vụ).`);
    }
    const created = run.memo.attempt === attempt;
    if (created) await this.audit.record(ctx, 'guidance.issue', workflowId, { ...input.guidance, ...(input.planId ? { planId: input.planId } : {}), taskIds: input.taskIds ? [...input.taskIds] : null });
    return { workflowId, created, status: run.status, result: run.result };
  }

  async get(documentNumber: string): Promise<GuidanceRun> {
    const run = await this.describe(this.client.workflow.getHandle(guidanceWorkflowId(documentNumber)));
    return { workflowId: guidanceWorkflowId(documentNumber), created: false, status: run.status, result: run.result };
  }

  private async describe(handle: WorkflowHandle) {
    try {
      const description = await handle.describe();
      const status = description.status.name;
      const result = status === 'COMPLETED' ? ((await handle.result()) as GuidanceFanoutResult) : null;
      const memo = (description.memo ?? {}) as { request?: string; attempt?: string };
      return { status, memo, result: result ? { signalled: [...result.signalled], missed: [...result.missed] } : null };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new NotFoundError(`Chưa có văn bản hướng dẫn ${handle.workflowId.slice('guidance/'.length)}.`);
      throw error;
    }
  }
}
