import { searchAttributes, TASK_WORKFLOW_TYPE, taskVisibilityQuery, type TaskVisibilityFilter } from '@dondoc/contracts';
import { InvalidInputError, NotFoundError } from '@dondoc/domain';
import { Injectable } from '@nestjs/common';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import type { z } from 'zod';

import type { taskSummarySchema } from './task.schemas';

export type TaskSummary = z.infer<typeof taskSummarySchema>;

/** WorkflowExecutionStatus.RUNNING in Temporal's protobuf enum. */
const RUNNING = 1;
/** gRPC INVALID_ARGUMENT: Temporal's answer to a bad query or page token. */
const INVALID_ARGUMENT = 3;

const vietnamDay = (date: Date | undefined) =>
  date ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(date) : null;

/** Task workflows as Temporal holds them: lists from visibility (never a scan), one task by id. */
@Injectable()
export class TaskWorkflowsRepository {
  constructor(private readonly client: Client) {}

  /** One page of a visibility query; the token is Temporal's own, base64url-encoded. */
  async list(filter: TaskVisibilityFilter, pageSize: number, pageToken?: string): Promise<{ items: TaskSummary[]; nextPageToken: string | null }> {
    const query = taskVisibilityQuery(filter);
    try {
      const response = await this.client.workflowService.listWorkflowExecutions({
        namespace: this.client.options.namespace,
        query,
        pageSize,
        ...(pageToken ? { nextPageToken: Buffer.from(pageToken, 'base64url') } : {}),
      });
      const items = response.executions.map((execution): TaskSummary => {
        const attributes = decodeTypedSearchAttributes(execution.searchAttributes?.indexedFields);
        const started = execution.startTime?.seconds;
        return {
          workflowId: execution.execution?.workflowId ?? '',
          planId: attributes.get(searchAttributes.plan) ?? null,
          taskId: attributes.get(searchAttributes.task) ?? null,
          agencyId: attributes.get(searchAttributes.agency) ?? null,
          status: attributes.get(searchAttributes.status) ?? null,
          dueDate: vietnamDay(attributes.get(searchAttributes.dueDate)),
          daysOverdue: attributes.get(searchAttributes.daysOverdue) ?? null,
          running: execution.status === RUNNING,
          startedAt: started === undefined || started === null ? null : new Date(Number(started) * 1000).toISOString(),
        };
      });
      const token = response.nextPageToken?.length ? Buffer.from(response.nextPageToken).toString('base64url') : null;
      return { items, nextPageToken: token };
    } catch (error) {
      if ((error as { code?: number }).code === INVALID_ARGUMENT) {
        throw new InvalidInputError('Mã trang (pageToken) hoặc bộ lọc không hợp lệ.', { issues: [{ field: 'pageToken', reason: 'Không hợp lệ.' }] });
      }
      throw error;
    }
  }

  async count(filter: TaskVisibilityFilter): Promise<number> {
    return (await this.client.workflow.count(taskVisibilityQuery(filter))).count;
  }

  /** The task's current agency and whether it still runs; 404 when no task workflow has this id. */
  async describe(workflowId: string): Promise<{ handle: WorkflowHandle; agencyId: string; status: string | null; running: boolean }> {
    const handle = this.client.workflow.getHandle(workflowId);
    try {
      const description = await handle.describe();
      if (description.type !== TASK_WORKFLOW_TYPE) throw new NotFoundError(`Không có nhiệm vụ ${workflowId}.`);
      const agencyId = description.typedSearchAttributes.get(searchAttributes.agency) ?? workflowId.split('/')[3] ?? '';
      const status = description.typedSearchAttributes.get(searchAttributes.status) ?? null;
      return { handle, agencyId, status, running: description.status.name === 'RUNNING' };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new NotFoundError(`Không có nhiệm vụ ${workflowId}.`);
      throw error;
    }
  }
}
