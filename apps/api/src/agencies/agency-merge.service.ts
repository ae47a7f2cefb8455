import { resolveSuccessor } from '@dondoc/catalog';
import { absorbMergedTaskUpdate, closeAsMergedUpdate, stateQuery, timelineQuery } from '@dondoc/contracts';
import { AgencyDirectoryRepository, MergeAlreadyRecordedError } from '@dondoc/db';
import { LiveDirectory } from '@dondoc/directory';
import { type AgencyId, ConflictError, InvalidInputError, type Reorganisation } from '@dondoc/domain';
import { vietnamDate } from '@dondoc/policy';
import { Injectable } from '@nestjs/common';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import type { z } from 'zod';

import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import { CatalogService } from '../infrastructure/catalog.service';
import { TasksService } from '../tasks/tasks.service';
import { type TaskSummary, TaskWorkflowsRepository } from '../tasks/task-workflows.repository';
import type { mergeResultSchema, mergeSchema } from './agencies.schemas';
import { directoryActor } from './agency-contacts.service';

type MergeResult = z.infer<typeof mergeResultSchema>;

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const ENDINGS: Record<Reorganisation['kind'], string> = { merge: 'sáp nhập vào', rename: 'đổi tên thành', dissolve: 'giải thể' };

/**
 * POST /agencies/merge: the merge is recorded in the directory (so reminders,
 * lists and report cycles follow it), then every open task of the merged agency
 * moves to today's holder: reassigned when the holder has no workflow for that
 * task, otherwise absorbed by the holder's workflow and closed with a pointer to
 * it, so each task ends with exactly one open workflow at the successor.
 * Repeating a merge the directory already has says so, and moves whatever an
 * interrupted run left behind.
 */
@Injectable()
export class AgencyMergeService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly live: LiveDirectory,
    private readonly directory: AgencyDirectoryRepository,
    private readonly workflows: TaskWorkflowsRepository,
    private readonly tasks: TasksService,
    private readonly client: Client,
    private readonly audit: AuditService,
  ) {}

  async merge(ctx: RequestContext, body: z.infer<typeof mergeSchema>): Promise<MergeResult> {
    for (const [field, id] of [['from', body.from], ['into', body.into]] as const) {
      if (!this.catalog.index.agency(id)) throw new InvalidInputError(`Không có cơ quan "${id}" trong danh mục.`, { issues: [{ field, reason: 'Không có trong danh mục cơ quan.' }] });
    }
    const today = vietnamDate(Date.now());
    // A merge that takes effect later needs a timer; until that exists it is refused rather than applied early.
    if (body.effective > today) throw new ConflictError(`Ngày hiệu lực ${body.effective} chưa đến; hãy thực hiện sáp nhập vào ngày hiệu lực.`);
    const { alreadyInEffect, since, recorded } = await this.recordInDirectory(ctx, body, today);
    const index = await this.live.current();
    const holding = resolveSuccessor(index, body.from, today);
    if (!holding.agency || holding.agency.id === body.from) {
      // In the directory but not holding tasks today: later (a seeds entry dated ahead), or a successor since dissolved.
      const why = holding.agency ? `có hiệu lực từ ${ddmmyyyy(since)}, chưa đến` : holding.reason;
      throw new ConflictError(`Sáp nhập ${body.from} vào ${body.into} đã có trong danh mục nhưng hôm nay không có cơ quan nhận nhiệm vụ (${why}).`);
    }
    const holder = holding.agency;
    const reason = `Sáp nhập ${index.nameOf(body.from)} vào ${index.nameOf(body.into)} từ ngày ${ddmmyyyy(since)}`;

    const reassigned: string[] = [];
    const merged: MergeResult['merged'] = [];
    const failed: MergeResult['failed'] = [];
    for (const task of await this.workflows.listAll({ agencyId: body.from, openOnly: true })) {
      try {
        const kept = (await this.workflows.listAll({ planId: task.planId!, taskIds: [task.taskId!], agencyId: holder.id, openOnly: true })).find((w) => w.workflowId !== task.workflowId);
        if (kept) {
          await this.absorb(ctx, task, kept.workflowId, holder.id, reason);
          merged.push({ workflowId: task.workflowId, continuesIn: kept.workflowId });
        } else {
          await this.tasks.act(ctx, task.workflowId, 'reassign', { toAgency: holder.id, reason });
          reassigned.push(task.workflowId);
        }
      } catch (error) {
        failed.push({ workflowId: task.workflowId, reason: error instanceof WorkflowUpdateFailedError ? (error.cause?.message ?? error.message) : error instanceof Error ? error.message : String(error) });
      }
    }
    const moved = reassigned.length + merged.length;
    const message =
      alreadyInEffect && moved === 0 && failed.length === 0
        ? `Sáp nhập ${body.from} vào ${body.into} đã có hiệu lực từ ${ddmmyyyy(since)} (đã có trong danh mục); không còn nhiệm vụ nào của ${body.from} cần chuyển.`
        : `${alreadyInEffect ? `Sáp nhập đã có trong danh mục từ ${ddmmyyyy(since)}` : `Đã ghi nhận sáp nhập ${body.from} vào ${body.into} từ ${ddmmyyyy(since)}`}; ` +
          `${reassigned.length} nhiệm vụ chuyển cho ${holder.id}, ${merged.length} nhiệm vụ gộp vào nhiệm vụ sẵn có của ${holder.id}${failed.length ? `, ${failed.length} không chuyển được` : ''}.`;
    await this.audit.record(ctx, 'agency.merge', `agency/${body.from}`, { into: body.into, effective: since, alreadyInEffect, recorded, holder: holder.id, reassigned: reassigned.length, merged: merged.length, failed: failed.length });
    return { from: body.from, into: body.into, effective: body.effective, alreadyInEffect, since, recorded, holder: holder.id, reassigned, merged, failed, message };
  }

  /**
   * Records the merge unless the directory already ends `from`: then it is in
   * effect when the directory leads `from` to `into` (directly or through later
   * reorganisations), and a conflict when it leads elsewhere.
   */
  private async recordInDirectory(ctx: RequestContext, body: z.infer<typeof mergeSchema>, today: string): Promise<{ alreadyInEffect: boolean; since: string; recorded: boolean }> {
    const index = await this.live.current();
    const ending = index.endingOf(body.from);
    if (ending) {
      const chain = resolveSuccessor(index, body.from, '9999-12-31').chain;
      if (chain.some((step) => step.into === body.into)) return { alreadyInEffect: true, since: ending.effective, recorded: false };
      const what = ending.kind === 'dissolve' ? ENDINGS.dissolve : `${ENDINGS[ending.kind]} ${index.nameOf(ending.into)} (${ending.into})`;
      throw new ConflictError(`${index.nameOf(body.from)} đã ${what} từ ${ddmmyyyy(ending.effective)} theo danh mục; không thể sáp nhập vào ${index.nameOf(body.into)}.`);
    }
    const intoHolder = resolveSuccessor(index, body.into, today);
    if (intoHolder.agency?.id !== body.into) {
      const instead = intoHolder.agency ? `; hãy sáp nhập vào ${intoHolder.agency.name} (${intoHolder.agency.id})` : '';
      throw new ConflictError(`${index.nameOf(body.into)} không còn hoạt động (${intoHolder.chain.at(-1)?.kind === 'dissolve' ? 'đã giải thể' : 'đã được sắp xếp lại'} từ ${ddmmyyyy(intoHolder.chain.at(-1)!.effective)})${instead}.`, {
        issues: [{ field: 'into', reason: 'Cơ quan không còn hoạt động.' }],
      });
    }
    try {
      await this.directory.recordMerge({ from: body.from, into: body.into, effective: body.effective, note: null }, directoryActor(ctx));
      return { alreadyInEffect: false, since: body.effective, recorded: true };
    } catch (error) {
      // Another request recorded it a moment ago: the same as finding it in the directory.
      if (!(error instanceof MergeAlreadyRecordedError)) throw error;
      return this.recordInDirectory(ctx, body, today);
    }
  }

  /** The holder's workflow takes the moved one's timeline and progress; the moved one closes, pointing at it. */
  private async absorb(ctx: RequestContext, task: TaskSummary, continuesIn: string, toAgency: AgencyId, reason: string): Promise<void> {
    const movedHandle = this.client.workflow.getHandle(task.workflowId);
    const keptHandle = this.client.workflow.getHandle(continuesIn);
    const [state, timeline, keptTimeline] = await Promise.all([movedHandle.query(stateQuery), movedHandle.query(timelineQuery), keptHandle.query(timelineQuery)]);
    const by = ctx.principal.actor;
    // A run interrupted between the two Updates absorbed it already: not twice.
    if (!keptTimeline.some((e) => e.type === 'merged-in' && e.detail.includes(`(${task.workflowId})`))) {
      await keptHandle.executeUpdate(absorbMergedTaskUpdate, { args: [{ workflowId: task.workflowId, agencyId: state.agencyId, reason, timeline: [...timeline], progressPercent: state.progressPercent, by }] });
    }
    await movedHandle.executeUpdate(closeAsMergedUpdate, { args: [{ continuesIn, toAgency, reason, by }] });
    await this.audit.record(ctx, 'task.merge', task.workflowId, { continuesIn, toAgency });
  }
}
