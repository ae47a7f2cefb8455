import {
  absorbMergedTaskUpdate,
  acknowledgeUpdate,
  type Actor,
  closeAsMergedUpdate,
  CONTINUES_IN_MEMO,
  cancelUpdate,
  deliveryOutcomeSignal,
  extendDeadlineUpdate,
  type GuidanceIssued,
  guidanceIssuedSignal,
  pauseUpdate,
  type PlanTaskRevision,
  type Reason,
  reassignUpdate,
  reportProgressUpdate,
  refreshWorkingRulesUpdate,
  resumeUpdate,
  revisePlanTaskUpdate,
  stateQuery,
  type TaskState,
  timelineQuery,
  type TimelineEvent,
  type TimelineEventType,
  type WorkingRulesRefresh,
} from '@dondoc/contracts';
import type { Deadline, DeadlineKind } from '@dondoc/domain';
import { setHandler, upsertMemo, workflowInfo } from '@temporalio/workflow';

import { registerCompletionHandlers } from './task-completion-handlers';
import { dueDateOf, TIMELINE_LIMIT, type TaskRun } from './task-run';
import { validateExtension } from './task-validation';

export interface HandlerContext {
  readonly deadlineKind: DeadlineKind;
  state(): TaskState;
  record(type: TimelineEventType, detail: string, extra?: Partial<TimelineEvent>): void;
  /** Moves the run onto the status model (a patch): call from handlers, never from validators or queries. */
  adoptStatusModel(): void;
  /** Why the workflow cannot work with this guidance (a date outside its calendar), or null. */
  guidanceProblem(issued: GuidanceIssued): string | null;
  /** Why the workflow cannot work with this deadline (years outside its calendar), or null. */
  deadlineProblem(deadline: Deadline): string | null;
}

/**
 * The task's queries, signal and updates. Register them only once the run knows
 * its cycle: updates delivered with a run's first task (e.g. right after a
 * continue-as-new) are validated the moment their handler is registered, and so
 * are handled in the order of registration below: the agency's acknowledgement
 * and report, then completion and cancellation, then the admin's changes (which
 * a completion or cancellation in the same batch therefore refuses).
 */
export function registerTaskHandlers(run: TaskRun, context: HandlerContext): void {
  const { state, record, adoptStatusModel, guidanceProblem, deadlineProblem } = context;
  const touch = () => {
    run.dirty = true;
    return state();
  };
  const rejectIfFinal = () => {
    if (run.mergedInto) throw new Error(`Nhiệm vụ đã được gộp vào ${run.mergedInto} khi sáp nhập cơ quan; hãy thao tác trên nhiệm vụ đó.`);
    if (run.cancelled) throw new Error('Nhiệm vụ đã bị hủy, không thể thực hiện thao tác này.');
    if (run.completed) throw new Error('Nhiệm vụ đã hoàn thành, không thể thực hiện thao tác này.');
  };
  /** While Sở KH&CN weighs a proposal, the task stands as proposed: decide on it first. */
  const rejectIfProposed = () => {
    if (run.proposal) throw new Error('Nhiệm vụ đang chờ Sở KH&CN xác nhận đề nghị hoàn thành; cần xác nhận hoặc trả lại đề nghị trước.');
  };

  setHandler(stateQuery, state);
  setHandler(deliveryOutcomeSignal, ({ idempotencyKey, channel, role, status, detail }) => {
    // Only the timeline changes: outcomes never steer the ladder, so they cannot make replays diverge.
    const stepId = idempotencyKey.split('|').at(-1);
    const where = `${stepId} → ${role} qua ${channel === 'email' ? 'thư điện tử' : 'Zalo'}`;
    if (status === 'delivered') record('delivered', `${where}: đã gửi`, { stepId, idempotencyKey });
    else record('delivery-failed', `${where}: không gửi được (${detail})`, { stepId, idempotencyKey });
  });
  setHandler(timelineQuery, () => run.timeline);
  setHandler(guidanceIssuedSignal, (issued) => {
    if (run.guidance) return; // the first document releases the task; later ones are only history
    // A signal cannot be refused to its sender: a document the task cannot start from (a date
    // outside the working-day calendar) is noted and ignored. A running task only records it.
    const problem = run.cycle ? null : guidanceProblem(issued);
    if (problem) {
      record('input-refused', `Bỏ qua văn bản hướng dẫn ${String(issued?.documentNumber)} ngày "${String(issued?.date)}": ${problem}`);
      return;
    }
    adoptStatusModel();
    run.guidance = issued;
    record('guidance-received', `Văn bản hướng dẫn ${issued.documentNumber} ngày ${issued.date} của ${issued.issuer}`);
    run.dirty = true;
  });
  setHandler(
    acknowledgeUpdate,
    ({ by }) => {
      adoptStatusModel();
      if (!run.acknowledged) record('acknowledged', `Đã tiếp nhận (${by})`);
      run.acknowledged = true;
      return touch();
    },
    { validator: (_actor: Actor) => rejectIfFinal() },
  );
  setHandler(
    reportProgressUpdate,
    ({ by, percent, note }) => {
      adoptStatusModel();
      run.progressPercent = percent;
      record('progress', `${percent}%: ${note} (${by})`);
      if (run.cycle?.kind === 'progress') run.cycleClosed = true; // this year's progress report is in
      return touch();
    },
    {
      validator: ({ percent, note }) => {
        rejectIfFinal();
        rejectIfProposed();
        if (!Number.isFinite(percent) || percent < 0 || percent > 100) throw new Error('Tỷ lệ hoàn thành phải từ 0 đến 100.');
        if (!note?.trim()) throw new Error('Cần nội dung báo cáo tiến độ.');
      },
    },
  );
  registerCompletionHandlers(run, { ...context, touch, rejectIfFinal });
  setHandler(
    cancelUpdate,
    ({ reason, by }) => {
      adoptStatusModel();
      run.cancelled = true;
      record('cancelled', `Hủy: ${reason} (${by})`);
      return touch();
    },
    { validator: (_reason: Reason) => rejectIfFinal() },
  );
  setHandler(
    revisePlanTaskUpdate,
    (revision) => {
      adoptStatusModel();
      record('plan-revised', `Kế hoạch sửa đổi (${revision.reason}): thời hạn "${revision.deadline.raw}" (${revision.by})`);
      if (run.proposal) record('completion-returned', 'Đề nghị hoàn thành chưa được xác nhận không còn hiệu lực với thời hạn mới; cần đề nghị lại');
      run.revision = revision;
      return touch();
    },
    {
      validator: (revision: PlanTaskRevision) => {
        rejectIfFinal();
        const problem = deadlineProblem(revision.deadline);
        if (problem) throw new Error(`Thời hạn "${revision.deadline?.raw}" không dùng được: ${problem}`);
      },
    },
  );
  setHandler(
    refreshWorkingRulesUpdate,
    (refresh) => {
      adoptStatusModel();
      record('rules-updated', `Áp dụng quy định mới (${refresh.reason}) (${refresh.by})`);
      run.rulesRefresh = refresh;
      return touch();
    },
    { validator: (_refresh: WorkingRulesRefresh) => rejectIfFinal() },
  );
  setHandler(
    extendDeadlineUpdate,
    ({ newDue, reason, approvedBy }) => {
      adoptStatusModel();
      record('deadline-extended', `Gia hạn từ ${dueDateOf(run)} đến ${newDue}: ${reason} (duyệt: ${approvedBy})`);
      run.extendedDue = newDue;
      run.handledUntil = Math.max(run.handledUntil, Date.now()); // the new date's past steps are not sent late
      return touch();
    },
    {
      validator: (extension) => {
        rejectIfFinal();
        if (!run.cycle) throw new Error('Nhiệm vụ chưa có thời hạn để gia hạn.');
        rejectIfProposed();
        validateExtension(extension, Date.now());
      },
    },
  );
  setHandler(
    reassignUpdate,
    ({ toAgency, reason, by }) => {
      adoptStatusModel();
      record('reassigned', `Chuyển từ ${run.agencyId} sang ${toAgency}: ${reason} (${by})`);
      run.agencyId = toAgency;
      run.acknowledged = false; // the new agency has to acknowledge it again
      return touch();
    },
    {
      validator: ({ toAgency, reason }) => {
        rejectIfFinal();
        rejectIfProposed();
        if (!toAgency?.trim()) throw new Error('Cần cơ quan nhận nhiệm vụ.');
        if (toAgency === run.agencyId) throw new Error(`Nhiệm vụ đã do ${toAgency} chủ trì.`);
        if (!reason?.trim()) throw new Error('Cần lý do chuyển giao.');
      },
    },
  );
  setHandler(
    absorbMergedTaskUpdate,
    ({ workflowId, agencyId, reason, timeline, progressPercent, by }) => {
      // The moved task's history joins this one's, in time order, marked with the agency it came from.
      const joined = [...run.timeline, ...timeline.map((event) => ({ ...event, detail: `[${agencyId}] ${event.detail}` }))].sort((a, b) => a.at - b.at);
      run.timeline.splice(0, run.timeline.length, ...joined.slice(-TIMELINE_LIMIT));
      if (run.progressPercent === null && progressPercent !== null) run.progressPercent = progressPercent;
      record('merged-in', `Tiếp nhận nhiệm vụ của ${agencyId} (${workflowId}): ${reason} (${by})`);
      return touch();
    },
    {
      validator: ({ workflowId }) => {
        rejectIfFinal();
        if (!workflowId?.trim() || workflowId === workflowInfo().workflowId) throw new Error('Cần nhiệm vụ khác để gộp vào nhiệm vụ này.');
      },
    },
  );
  setHandler(
    closeAsMergedUpdate,
    ({ continuesIn, toAgency, reason, by }) => {
      record('merged-away', `Gộp vào ${continuesIn} của ${toAgency}, nhiệm vụ tiếp tục ở đó: ${reason} (${by})`);
      run.mergedInto = continuesIn;
      run.cancelled = true; // ends every wait of the run, as a cancellation does
      // Lists show where the task went without querying each closed workflow.
      upsertMemo({ [CONTINUES_IN_MEMO]: continuesIn });
      return touch();
    },
    {
      validator: ({ continuesIn, toAgency, reason }) => {
        rejectIfFinal();
        if (!continuesIn?.trim() || continuesIn === workflowInfo().workflowId) throw new Error('Cần nhiệm vụ tiếp tục (khác nhiệm vụ này).');
        if (!toAgency?.trim() || !reason?.trim()) throw new Error('Cần cơ quan tiếp nhận và lý do.');
      },
    },
  );
  setHandler(
    pauseUpdate,
    ({ reason, by }) => {
      adoptStatusModel();
      run.paused = true;
      record('paused', `Tạm dừng nhắc việc: ${reason} (${by})`);
      return touch();
    },
    {
      validator: (_reason: Reason) => {
        rejectIfFinal();
        rejectIfProposed();
        if (run.paused) throw new Error('Nhiệm vụ đang tạm dừng.');
      },
    },
  );
  setHandler(
    resumeUpdate,
    ({ by }) => {
      adoptStatusModel();
      run.paused = false;
      record('resumed', `Tiếp tục nhắc việc (${by})`);
      return touch();
    },
    {
      validator: (_actor: Actor) => {
        rejectIfFinal();
        if (!run.paused) throw new Error('Nhiệm vụ không ở trạng thái tạm dừng.');
      },
    },
  );
}
