import {
  absorbMergedTaskUpdate,
  acknowledgeUpdate,
  type Actor,
  closeAsMergedUpdate,
  CONTINUES_IN_MEMO,
  cancelUpdate,
  completeUpdate,
  deliveryOutcomeSignal,
  extendDeadlineUpdate,
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
import type { DeadlineKind } from '@dondoc/domain';
import { setHandler, upsertMemo, workflowInfo } from '@temporalio/workflow';

import { completionEndsTask } from './task-clock';
import { dueDateOf, TIMELINE_LIMIT, type TaskRun } from './task-run';
import { validateExtension } from './task-validation';

export interface HandlerContext {
  readonly deadlineKind: DeadlineKind;
  state(): TaskState;
  record(type: TimelineEventType, detail: string, extra?: Partial<TimelineEvent>): void;
}

/**
 * The task's queries, signal and updates. Register them only once the run knows
 * its cycle: updates delivered with a run's first task (e.g. right after a
 * continue-as-new) are validated the moment their handler is registered, and so
 * are handled in the order of registration below: the agency's acknowledgement
 * and report, then completion and cancellation, then the admin's changes (which
 * a completion or cancellation in the same batch therefore refuses).
 */
export function registerTaskHandlers(run: TaskRun, { deadlineKind, state, record }: HandlerContext): void {
  const touch = () => {
    run.dirty = true;
    return state();
  };
  const rejectIfFinal = () => {
    if (run.mergedInto) throw new Error(`Nhiệm vụ đã được gộp vào ${run.mergedInto} khi sáp nhập cơ quan; hãy thao tác trên nhiệm vụ đó.`);
    if (run.cancelled) throw new Error('Nhiệm vụ đã bị hủy, không thể thực hiện thao tác này.');
    if (run.completed) throw new Error('Nhiệm vụ đã hoàn thành, không thể thực hiện thao tác này.');
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
    run.guidance = issued;
    record('guidance-received', `Văn bản hướng dẫn ${issued.documentNumber} ngày ${issued.date} của ${issued.issuer}`);
    run.dirty = true;
  });
  setHandler(
    acknowledgeUpdate,
    ({ by }) => {
      if (!run.acknowledged) record('acknowledged', `Đã tiếp nhận (${by})`);
      run.acknowledged = true;
      return touch();
    },
    { validator: (_actor: Actor) => rejectIfFinal() },
  );
  setHandler(
    reportProgressUpdate,
    ({ by, percent, note }) => {
      run.progressPercent = percent;
      record('progress', `${percent}%: ${note} (${by})`);
      if (run.cycle?.kind === 'progress') run.cycleClosed = true; // this year's progress report is in
      return touch();
    },
    {
      validator: ({ percent, note }) => {
        rejectIfFinal();
        if (!Number.isFinite(percent) || percent < 0 || percent > 100) throw new Error('Tỷ lệ hoàn thành phải từ 0 đến 100.');
        if (!note?.trim()) throw new Error('Cần nội dung báo cáo tiến độ.');
      },
    },
  );
  setHandler(
    completeUpdate,
    ({ by, evidence }) => {
      record('completed', `Hoàn thành: ${evidence} (${by})`);
      run.progressPercent = 100;
      run.cycleClosed = true;
      run.completed = completionEndsTask(deadlineKind, run.cycleIndex, run.cycles.length);
      return touch();
    },
    {
      validator: ({ evidence }) => {
        rejectIfFinal();
        if (!run.cycle) throw new Error('Nhiệm vụ chưa bắt đầu (đang chờ văn bản hướng dẫn của Trung ương).');
        if (!evidence?.trim()) throw new Error('Cần minh chứng hoàn thành (số văn bản, đường dẫn…).');
      },
    },
  );
  setHandler(
    cancelUpdate,
    ({ reason, by }) => {
      run.cancelled = true;
      record('cancelled', `Hủy: ${reason} (${by})`);
      return touch();
    },
    { validator: (_reason: Reason) => rejectIfFinal() },
  );
  setHandler(
    revisePlanTaskUpdate,
    (revision) => {
      record('plan-revised', `Kế hoạch sửa đổi (${revision.reason}): thời hạn "${revision.deadline.raw}" (${revision.by})`);
      run.revision = revision;
      return touch();
    },
    { validator: (_revision: PlanTaskRevision) => rejectIfFinal() },
  );
  setHandler(
    refreshWorkingRulesUpdate,
    (refresh) => {
      record('rules-updated', `Áp dụng quy định mới (${refresh.reason}) (${refresh.by})`);
      run.rulesRefresh = refresh;
      return touch();
    },
    { validator: (_refresh: WorkingRulesRefresh) => rejectIfFinal() },
  );
  setHandler(
    extendDeadlineUpdate,
    ({ newDue, reason, approvedBy }) => {
      record('deadline-extended', `Gia hạn từ ${dueDateOf(run)} đến ${newDue}: ${reason} (duyệt: ${approvedBy})`);
      run.extendedDue = newDue;
      run.handledUntil = Math.max(run.handledUntil, Date.now()); // the new date's past steps are not sent late
      return touch();
    },
    {
      validator: (extension) => {
        rejectIfFinal();
        if (!run.cycle) throw new Error('Nhiệm vụ chưa có thời hạn để gia hạn.');
        validateExtension(extension, Date.now());
      },
    },
  );
  setHandler(
    reassignUpdate,
    ({ toAgency, reason, by }) => {
      record('reassigned', `Chuyển từ ${run.agencyId} sang ${toAgency}: ${reason} (${by})`);
      run.agencyId = toAgency;
      run.acknowledged = false; // the new agency has to acknowledge it again
      return touch();
    },
    {
      validator: ({ toAgency, reason }) => {
        rejectIfFinal();
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
      run.paused = true;
      record('paused', `Tạm dừng nhắc việc: ${reason} (${by})`);
      return touch();
    },
    {
      validator: (_reason: Reason) => {
        rejectIfFinal();
        if (run.paused) throw new Error('Nhiệm vụ đang tạm dừng.');
      },
    },
  );
  setHandler(
    resumeUpdate,
    ({ by }) => {
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
