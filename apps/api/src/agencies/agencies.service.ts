import type { Principal } from '@dondoc/auth';
import { PlanVersionRepository } from '@dondoc/db';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, planTasks } from '@dondoc/domain';
import { vietnamDate } from '@dondoc/policy';
import { Injectable } from '@nestjs/common';
import { resolveSuccessor } from '@dondoc/catalog';
import type { z } from 'zod';

import type { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { CatalogService } from '../infrastructure/catalog.service';
import { TasksService } from '../tasks/tasks.service';
import { type TaskSummary, TaskWorkflowsRepository } from '../tasks/task-workflows.repository';
import type { directorySchema, mergeResultSchema, mergeSchema } from './agencies.schemas';
import { deadlineFeed } from './deadline-feed';

@Injectable()
export class AgenciesService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly workflows: TaskWorkflowsRepository,
    private readonly tasks: TasksService,
    private readonly plans: PlanVersionRepository,
    private readonly audit: AuditService,
  ) {}

  directory(): z.infer<typeof directorySchema> {
    const { agencies, groups, reorganisations } = this.catalog.directory;
    return {
      agencies: agencies.map((a) => ({ id: a.id, code: a.code, name: a.name, kind: a.kind, aliases: [...a.aliases], focal: a.focal })),
      groups: groups.map((g) => ({ id: g.id, name: g.name, members: [...g.members] })),
      reorganisations: reorganisations.map((r) => ({ kind: r.kind, from: [...r.from], into: r.kind === 'dissolve' ? null : r.into, effective: r.effective })),
    };
  }

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
    const open = await this.allTasks(body.from);
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

  /**
   * The agency's open tasks as an iCalendar feed: one all-day event per due date; tasks
   * still waiting for their trigger, and a merger into a successor, said in the description.
   */
  async deadlinesIcs(principal: Principal, agencyId: string): Promise<string> {
    const agency = this.catalog.index.agency(agencyId);
    if (!agency) throw new NotFoundError(`Không có cơ quan "${agencyId}".`);
    if (principal.role === 'officer' && principal.agencyId !== agencyId) throw new ForbiddenError('Cán bộ chỉ xem được lịch của cơ quan mình.');
    const names = await this.taskNames();
    const tasks = (await this.allTasks(agencyId)).map((t) => ({ ...t, name: names.get(`${t.planId}/${t.taskId}`) ?? null }));
    const holder = resolveSuccessor(this.catalog.index, agencyId, vietnamDate(Date.now()));
    const ending = holder.chain.at(-1);
    const successor = holder.agency && holder.agency.id !== agencyId && ending ? { name: holder.agency.name, since: ending.effective } : null;
    return deadlineFeed({ agencyName: agency.name, successor, tasks });
  }

  private async allTasks(agencyId: string): Promise<TaskSummary[]> {
    const all: TaskSummary[] = [];
    let token: string | undefined;
    do {
      const page = await this.workflows.list({ agencyId, openOnly: true }, 200, token);
      all.push(...page.items);
      token = page.nextPageToken ?? undefined;
    } while (token);
    return all;
  }

  private async taskNames(): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const plan of await this.plans.latestOfEach()) for (const task of planTasks(plan.document)) names.set(`${plan.planId}/${task.id}`, task.name);
    return names;
  }
}
