// The task page behind a link: what the officer sees of their task, and the
// actions the link allows (acknowledge, report progress, report completion),
// each once per link, as an officer of the agency and named so in the audit log.
import type { Principal } from '@dondoc/auth';
import { type AgencyRef, ConflictError, ForbiddenError, InvalidInputError, isFinalStatus, planTasks, TASK_STATUS_LABELS, type TaskStatus } from '@dondoc/domain';
import { calendarDaysBetween, vietnamDate } from '@dondoc/policy';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { type AuthenticatedRequest, contextOf, type RequestContext } from '../common/request-context';
import { CatalogService } from '../infrastructure/catalog.service';
import { taskEvidenceView, TaskEvidenceService } from '../tasks/task-evidence.service';
import { TasksService } from '../tasks/tasks.service';
import { LinkActions } from './link-actions';
import { isReadOnlyPurpose, TASK_ACTIONS_OF_PURPOSE, type TaskLinkAction } from './link-pages';
import type { completionByLinkSchema, progressByLinkSchema, taskLinkViewSchema } from './link-session.schemas';
import type { LinkSession } from './link-session.tokens';
import { OversightContactService } from './oversight-contact.service';
import { PlanDocuments } from './plan-documents.service';

export type TaskLinkView = z.infer<typeof taskLinkViewSchema>;

export const READ_ONLY = 'Đường dẫn này chỉ để xem (bản gửi để theo dõi); cơ quan chủ trì thao tác bằng đường dẫn của mình.';

/**
 * An acting link acts for its agency, as an officer of it would; a read-only
 * link (a copy, a digest's list) reads as a viewer, named by the recipient's agency.
 */
export const sessionPrincipal = (session: LinkSession): Principal =>
  isReadOnlyPurpose(session.purpose) ? { actor: `signed-link:${session.agencyId}`, role: 'viewer', agencyId: null } : { actor: `signed-link:${session.agencyId}`, role: 'officer', agencyId: session.agencyId };

/** Events the officer's timeline leaves out: the engine's own bookkeeping. */
const INTERNAL_EVENTS = new Set(['reminder-skipped', 'rules-updated']);

const fileList = (names: readonly string[]) => (names.length ? `\nMinh chứng: ${names.join(', ')}` : '');

@Injectable()
export class OfficerTaskService {
  constructor(
    private readonly tasks: TasksService,
    private readonly evidence: TaskEvidenceService,
    private readonly plans: PlanDocuments,
    private readonly catalog: CatalogService,
    private readonly actions: LinkActions,
    private readonly contacts: OversightContactService,
  ) {}

  async view(session: LinkSession, nowMs = Date.now()): Promise<TaskLinkView> {
    const principal = sessionPrincipal(session);
    const detail = await this.tasks.detail(principal, session.subject);
    const { state } = detail;
    const plan = await this.plans.plan(state.planId);
    const task = plan ? planTasks(plan).find((t) => t.id === state.taskId) : undefined;
    const allowed = new Set(TASK_ACTIONS_OF_PURPOSE[session.purpose] ?? []);
    const open = detail.running && !isFinalStatus(state.status as TaskStatus);
    const done = async (action: TaskLinkAction) => this.actions.done(session, action);
    const today = vietnamDate(nowMs);
    return {
      workflowId: session.subject,
      purpose: session.purpose,
      readOnly: isReadOnlyPurpose(session.purpose),
      plan: { id: state.planId, title: plan?.title ?? state.planId, number: plan?.number ?? null },
      task: {
        id: state.taskId,
        name: task?.name ?? state.taskId,
        group: task ? [task.group.number, task.group.title].filter(Boolean).join('. ') || null : null,
        expectedResult: task?.result ?? null,
        deadlineText: task?.deadline.raw ?? '',
        lead: this.agencies(task?.lead),
        coordinators: this.agencies(task?.coordinators),
      },
      agency: { id: state.agencyId, name: this.catalog.index.nameOf(state.agencyId) },
      state: {
        status: state.status,
        statusLabel: TASK_STATUS_LABELS[state.status as TaskStatus] ?? state.status,
        acknowledged: state.acknowledged,
        paused: state.paused,
        running: detail.running,
        dueDate: state.dueDate,
        daysLeft: state.dueDate ? calendarDaysBetween(today, state.dueDate) : null,
        progressPercent: state.progressPercent,
        nextReminderAt: state.nextReminderAt,
      },
      timeline: detail.timeline.filter((e) => !INTERNAL_EVENTS.has(e.type)).map(({ at, type, detail: text }) => ({ at, type, detail: text })),
      evidence: (await this.evidence.list(principal, session.subject)).map(taskEvidenceView),
      actions: {
        acknowledge: { allowed: allowed.has('acknowledge') && open && !state.acknowledged, done: await done('acknowledge') },
        progress: { allowed: allowed.has('progress') && open, done: await done('progress') },
        completion: { allowed: allowed.has('completion') && open && state.status !== 'proposed', done: await done('completion') },
      },
      sessionExpiresAt: new Date(session.exp * 1000).toISOString(),
      contact: await this.contacts.contact(plan?.reporting.unitsReportTo),
    };
  }

  acknowledge(request: AuthenticatedRequest, session: LinkSession, workflowId: string) {
    return this.act(request, session, workflowId, 'acknowledge', false, (ctx) => this.tasks.act(ctx, session.subject, 'acknowledge', {}));
  }

  progress(request: AuthenticatedRequest, session: LinkSession, body: z.infer<typeof progressByLinkSchema>) {
    return this.act(request, session, body.workflowId, 'progress', true, async (ctx) => {
      const files = await this.evidence.pick(session.subject, body.evidenceIds);
      return this.tasks.act(ctx, session.subject, 'progress', { percent: body.percent, note: `${body.note}${fileList(files.map((f) => f.fileName))}` });
    });
  }

  /** A proposed completion, with its result and evidence (text and files); Sở KH&CN confirms or returns it. */
  completion(request: AuthenticatedRequest, session: LinkSession, body: z.infer<typeof completionByLinkSchema>) {
    return this.act(request, session, body.workflowId, 'completion', true, async (ctx) => {
      const files = await this.evidence.pick(session.subject, body.evidenceIds);
      const evidence = `${body.evidence}${fileList(files.map((f) => f.fileName))}`.trim();
      if (!evidence) throw new InvalidInputError('Cần minh chứng hoàn thành: số văn bản, đường dẫn hoặc tệp đính kèm.', { issues: [{ field: 'evidence', reason: 'Cần minh chứng hoàn thành: số văn bản, đường dẫn hoặc tệp đính kèm.' }] });
      return this.tasks.act(ctx, session.subject, 'propose-completion', { result: body.result, evidence });
    });
  }

  /** The page's task must be the session's (another link opened in the same browser replaces the session). */
  sameTask(session: LinkSession, workflowId: string): void {
    if (workflowId !== session.subject) throw new ConflictError('Trình duyệt đã mở một đường dẫn khác sau trang này; vui lòng mở lại đường dẫn của nhiệm vụ này trong thư.');
  }

  private async act(request: AuthenticatedRequest, session: LinkSession, workflowId: string, action: TaskLinkAction, usesLink: boolean, run: (ctx: RequestContext) => Promise<unknown>): Promise<TaskLinkView> {
    this.sameTask(session, workflowId);
    if (!(TASK_ACTIONS_OF_PURPOSE[session.purpose] ?? []).includes(action)) {
      throw new ForbiddenError(isReadOnlyPurpose(session.purpose) ? READ_ONLY : 'Đường dẫn này không cho phép thao tác này.');
    }
    const ctx = contextOf(request, sessionPrincipal(session));
    await this.actions.once(session, action, usesLink, () => run(ctx));
    return this.view(session);
  }

  private agencies(ref: AgencyRef | undefined) {
    return { text: ref?.text ?? '', agencies: (ref?.agencies ?? []).map((id) => ({ id, name: this.catalog.index.nameOf(id) })) };
  }
}
