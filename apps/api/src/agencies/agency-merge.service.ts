import { ConflictError, InvalidInputError } from '@dondoc/domain';
import { vietnamDate } from '@dondoc/policy';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import { CatalogService } from '../infrastructure/catalog.service';
import { TasksService } from '../tasks/tasks.service';
import { type TaskSummary, TaskWorkflowsRepository } from '../tasks/task-workflows.repository';
import type { mergeResultSchema, mergeSchema } from './agencies.schemas';

@Injectable()
export class AgencyMergeService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly workflows: TaskWorkflowsRepository,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Moves every open task of `from` to `into` through each task's reassign Update,
   * so the tasks' timelines and reminders follow. Open tasks are found through
   * visibility (DondocAgency = from); one refused Update does not stop the others.
   */
  async merge(ctx: RequestContext, body: z.infer<typeof mergeSchema>): Promise<z.infer<typeof mergeResultSchema>> {
    for (const [field, id] of [['from', body.from], ['into', body.into]] as const) {
      if (!this.catalog.index.agency(id)) throw new InvalidInputError(`Không có cơ quan "${id}" trong danh mục.`, { issues: [{ field, reason: 'Không có trong danh mục cơ quan.' }] });
    }
    // A merge that takes effect later needs a timer; until that exists it is refused rather than applied early.
    if (body.effective > vietnamDate(Date.now())) throw new ConflictError(`Ngày hiệu lực ${body.effective} chưa đến; hãy thực hiện sáp nhập vào ngày hiệu lực.`);
    const open = await this.openTasks(body.from);
    const reassigned: string[] = [];
    const failed: Array<{ workflowId: string; reason: string }> = [];
    const reason = `Sáp nhập ${this.catalog.index.nameOf(body.from)} vào ${this.catalog.index.nameOf(body.into)} từ ngày ${body.effective}`;
    for (const task of open) {
      try {
        await this.tasks.act(ctx, task.workflowId, 'reassign', { toAgency: body.into, reason });
        reassigned.push(task.workflowId);
      } catch (error) {
        failed.push({ workflowId: task.workflowId, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    await this.audit.record(ctx, 'agency.merge', `agency/${body.from}`, { into: body.into, effective: body.effective, reassigned: reassigned.length, failed: failed.length });
    return { from: body.from, into: body.into, reassigned, failed };
  }

  private async openTasks(agencyId: string): Promise<TaskSummary[]> {
    const all: TaskSummary[] = [];
    let token: string | undefined;
    do {
      const page = await this.workflows.list({ agencyId, openOnly: true }, 200, token);
      all.push(...page.items);
      token = page.nextPageToken ?? undefined;
    } while (token);
    return all;
  }
}
