import { CONTINUES_IN_MEMO, searchAttributes, TASK_WORKFLOW_TYPE, taskVisibilityQuery, type TaskVisibilityFilter } from '@dondoc/contracts';
import { InvalidInputError, isTaskStatus, NotFoundError, TASK_STATUS_LABELS } from '@dondoc/domain';
import { calendarDaysBetween } from '@dondoc/policy';
import { Injectable } from '@nestjs/common';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter, WorkflowNotFoundError } from '@temporalio/common';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import type { z } from 'zod';

import { AppConfigService } from '../app-config.service';
import { PageTokens } from './page-token';
import type { taskSummarySchema } from './task.schemas';

/** A task as visibility lists it; the agency's name is the API's to add (TasksService). */
export type TaskSummary = Omit<z.infer<typeof taskSummarySchema>, 'agencyName'>;

type MemoFields = { readonly fields?: Record<string, Parameters<typeof defaultPayloadConverter.fromPayload>[0]> | null } | null | undefined;

/** A text value of a workflow's memo, as listed by visibility. */
function memoText(memo: MemoFields, key: string): string | null {
  const payload = memo?.fields?.[key];
  if (!payload) return null;
  const value: unknown = defaultPayloadConverter.fromPayload(payload);
  return typeof value === 'string' ? value : null;
}

/** WorkflowExecutionStatus.RUNNING in Temporal's protobuf enum. */
const RUNNING = 1;
/** gRPC INVALID_ARGUMENT: Temporal's answer to a bad query or page token. */
const INVALID_ARGUMENT = 3;

const vietnamDay = (date: Date | undefined) =>
  date ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(date) : null;

/** Task workflows as Temporal holds them: lists from visibility (never a scan), one task by id. */
@Injectable()
export class TaskWorkflowsRepository {
  private readonly pageTokens: PageTokens;

  constructor(
    private readonly client: Client,
    config: AppConfigService,
  ) {
    // Only a signing key is needed; the session secret is one the API always has (no built-in fallback key).
    const secret = config.values.JWT_SECRET;
    if (!secret) throw new Error('JWT_SECRET is not set (npm start generates a development secret)');
    this.pageTokens = new PageTokens(secret);
  }

  /** One page of a visibility query; the page token wraps Temporal's own (see PageTokens). */
  async list(filter: TaskVisibilityFilter, pageSize: number, pageToken?: string): Promise<{ items: TaskSummary[]; nextPageToken: string | null }> {
    const query = taskVisibilityQuery(filter);
    const temporalToken = pageToken === undefined ? undefined : this.pageTokens.open(query, pageToken);
    if (temporalToken === null) {
      throw new InvalidInputError('Mã trang không hợp lệ hoặc không thuộc bộ lọc này.', { issues: [{ field: 'pageToken', reason: 'Không hợp lệ cho bộ lọc này.' }] });
    }
    try {
      const response = await this.client.workflowService.listWorkflowExecutions({
        namespace: this.client.options.namespace,
        query,
        pageSize,
        ...(temporalToken ? { nextPageToken: temporalToken } : {}),
      });
      const items = response.executions.map((execution): TaskSummary => {
        const attributes = decodeTypedSearchAttributes(execution.searchAttributes?.indexedFields);
        const started = execution.startTime?.seconds;
        const status = attributes.get(searchAttributes.status) ?? null;
        const dueDate = vietnamDay(attributes.get(searchAttributes.dueDate));
        return {
          workflowId: execution.execution?.workflowId ?? '',
          planId: attributes.get(searchAttributes.plan) ?? null,
          taskId: attributes.get(searchAttributes.task) ?? null,
          agencyId: attributes.get(searchAttributes.agency) ?? null,
          status,
          statusLabel: status !== null && isTaskStatus(status) ? TASK_STATUS_LABELS[status] : status,
          dueDate,
          // The attribute is written when the workflow wakes (a weekly escalation, say); an open task's count is
          // today's. A completion's or a pending proposal's days late are fixed, as the workflow wrote them.
          daysOverdue:
            (status === 'overdue' || status === 'paused') && dueDate
              ? Math.max(0, calendarDaysBetween(dueDate, vietnamDay(new Date())!))
              : (attributes.get(searchAttributes.daysOverdue) ?? null),
          running: execution.status === RUNNING,
          startedAt: started === undefined || started === null ? null : new Date(Number(started) * 1000).toISOString(),
          continuesIn: memoText(execution.memo, CONTINUES_IN_MEMO),
        };
      });
      const token = response.nextPageToken?.length ? this.pageTokens.seal(query, response.nextPageToken) : null;
      return { items, nextPageToken: token };
    } catch (error) {
      if ((error as { code?: number }).code === INVALID_ARGUMENT) {
        throw new InvalidInputError('Mã trang (pageToken) hoặc bộ lọc không hợp lệ.', { issues: [{ field: 'pageToken', reason: 'Không hợp lệ.' }] });
      }
      throw error;
    }
  }

  /** Every page of a query, for the few callers that need the whole set (merges, feeds). */
  async listAll(filter: TaskVisibilityFilter): Promise<TaskSummary[]> {
    const all: TaskSummary[] = [];
    let token: string | undefined;
    do {
      const page = await this.list(filter, 200, token);
      all.push(...page.items);
      token = page.nextPageToken ?? undefined;
    } while (token);
    return all;
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
