import { canSeeAgency, type Principal } from '@dondoc/auth';
import { type TaskState, stateQuery, timelineQuery } from '@dondoc/contracts';
import type { JsonObject } from '@dondoc/db';
import { ConflictError, ForbiddenError, InvalidInputError, isCompletedStatus, isTaskStatus, TASK_STATUS_LABELS } from '@dondoc/domain';
import { LiveDirectory } from '@dondoc/directory';
import { Injectable } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';

import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import { CatalogService } from '../infrastructure/catalog.service';
import { TASK_ACTIONS, type TaskActionBody, type TaskActionName } from './task-actions';
import type { TaskListQuery } from './task.schemas';
import { TaskWorkflowsRepository } from './task-workflows.repository';

function closedMessage(status: string | null): string {
  if (status === 'cancelled') return 'Nhiệm vụ đã bị hủy, không thể thực hiện thao tác này.';
  if (status !== null && isTaskStatus(status) && isCompletedStatus(status)) return 'Nhiệm vụ đã hoàn thành, không thể thực hiện thao tác này.';
  return 'Nhiệm vụ đã kết thúc, không thể thực hiện thao tác này.';
}

/** The state with its status in Vietnamese, as every response gives it. */
export const withStatusLabel = (state: TaskState) => ({ ...state, statusLabel: TASK_STATUS_LABELS[state.status] ?? state.status });

@Injectable()
export class TasksService {
  constructor(
    private readonly workflows: TaskWorkflowsRepository,
    private readonly audit: AuditService,
    private readonly catalog: CatalogService,
    private readonly live: LiveDirectory,
  ) {}

  /** Officers only ever list their own agency: asking for another is refused, not silently narrowed. */
  async list(principal: Principal, query: TaskListQuery) {
    if (principal.role === 'officer' && query.agency !== undefined && query.agency !== principal.agencyId) {
      throw new ForbiddenError('Cán bộ cơ quan chỉ xem được nhiệm vụ của cơ quan mình.');
    }
    const agencyId = principal.role === 'officer' ? (principal.agencyId ?? undefined) : query.agency;
    const filter = {
      ...(query.plan !== undefined ? { planId: query.plan } : {}),
      ...(agencyId !== undefined ? { agencyId } : {}),
      ...(query.status !== undefined ? { statuses: query.status } : {}),
      ...(query.overdue ? { overdue: true } : {}),
      ...(query.dueFrom !== undefined ? { dueFrom: query.dueFrom } : {}),
      ...(query.dueTo !== undefined ? { dueTo: query.dueTo } : {}),
    };
    const [page, index] = await Promise.all([this.workflows.list(filter, query.pageSize, query.pageToken), this.live.current()]);
    // Names as the directory has them today, so a merged agency's tasks read as its successor's.
    return { ...page, items: page.items.map((t) => ({ ...t, agencyName: t.agencyId ? (index.agency(t.agencyId)?.name ?? null) : null })) };
  }

  async detail(principal: Principal, workflowId: string) {
    const task = await this.accessible(principal, workflowId);
    // Queries work on closed workflows too (the worker replays them), so a finished task keeps its timeline.
    const [state, timeline] = await Promise.all([task.handle.query(stateQuery), task.handle.query(timelineQuery)]);
    return { state: withStatusLabel(state), timeline: [...timeline], running: task.running };
  }

  async act<A extends TaskActionName>(ctx: RequestContext, workflowId: string, action: A, body: TaskActionBody<A>): Promise<TaskState & { statusLabel: string }> {
    const task = await this.accessible(ctx.principal, workflowId);
    if (action === 'reassign') {
      const { toAgency } = body as TaskActionBody<'reassign'>;
      if (!this.catalog.index.agency(toAgency)) {
        throw new InvalidInputError(`Không có cơ quan "${toAgency}" trong danh mục.`, { issues: [{ field: 'toAgency', reason: 'Không có trong danh mục cơ quan.' }] });
      }
    }
    if (!task.running) throw new ConflictError(closedMessage(task.status));
    const spec = TASK_ACTIONS[action];
    const run = spec.run as (h: typeof task.handle, by: string, b: TaskActionBody<A>) => Promise<TaskState>;
    // Recorded as intended before the Update, marked with its outcome after: an Update the
    // workflow applied is never missing from the log, and a refused one is marked refused.
    const state = await this.audit.around(ctx, `task.${action}`, workflowId, body as JsonObject, async () => {
      try {
        return await run(task.handle, ctx.principal.actor, body);
      } catch (error) {
        // The workflow's validator refused: the request contradicts the task's state.
        if (error instanceof WorkflowUpdateFailedError) throw new ConflictError(error.cause?.message ?? error.message);
        // It closed between our look and the Update.
        if (error instanceof WorkflowNotFoundError) throw new ConflictError('Nhiệm vụ vừa kết thúc, không thể thực hiện thao tác này.');
        throw error;
      }
    });
    return withStatusLabel(state);
  }

  /** 404 for an unknown task, 403 for another agency's task seen by an officer. */
  private async accessible(principal: Principal, workflowId: string) {
    const task = await this.workflows.describe(workflowId);
    if (!canSeeAgency(principal, task.agencyId)) {
      throw new ForbiddenError('Nhiệm vụ này thuộc cơ quan khác; cán bộ chỉ thao tác trên nhiệm vụ của cơ quan mình.');
    }
    return task;
  }
}

