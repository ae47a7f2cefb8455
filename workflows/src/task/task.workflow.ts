import {
  acknowledgeUpdate,
  type Actor,
  type Reason,
  type CarriedState,
  cancelUpdate,
  completeUpdate,
  extendDeadlineUpdate,
  type GuidanceIssued,
  guidanceIssuedSignal,
  pauseUpdate,
  reassignUpdate,
  reminderKey,
  reportProgressUpdate,
  resumeUpdate,
  searchAttributes,
  stateQuery,
  type TaskState,
  type TaskWorkflowInput,
  timelineQuery,
  type TimelineEvent,
  type TimelineEventType,
} from '@dondoc/contracts';
import { isFinalStatus, type IsoDate, type TaskStatus } from '@dondoc/domain';
import { buildLadder, type Cycle, cyclesOf, type LadderStep, positionAt, vietnamDate } from '@dondoc/policy';
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';

import type { Activities } from '@dondoc/activities';

import { createWorkflowCalendar } from './workflow-calendar';
import { daysOverdueAt, nextApplicableStep, openStatusAt } from './task-clock';

const { enqueueNotification } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

const TIMELINE_LIMIT = 500;
/** Repeats are generated this far ahead; the ladder is rebuilt when they run out. */
const REPEAT_HORIZON_MS = 400 * 86_400_000;

/**
 * One task of a plan for one lead agency: waits for its trigger, reminds before
 * each due date, escalates after it, and reacts to what admins and agencies do.
 * One run per cycle; continue-as-new between cycles keeps histories small.
 */
export async function taskWorkflow(input: TaskWorkflowInput): Promise<TaskState> {
  const { workflowId } = workflowInfo();
  const calendar = createWorkflowCalendar(input.calendarOverrides);
  const carried: CarriedState = input.carried ?? { cycleIndex: 0, agencyId: input.agencyId, acknowledged: false, guidance: null, timeline: [] };

  let agencyId = carried.agencyId;
  let guidance: GuidanceIssued | null = carried.guidance;
  const timeline: TimelineEvent[] = [...carried.timeline];
  let cycleIndex = carried.cycleIndex;
  let status: TaskStatus = 'active';
  let acknowledged = carried.acknowledged;
  let paused = carried.openCycle?.paused ?? false;
  let cycleClosed = false;
  let cancelled = false;
  let extendedDue: IsoDate | null = carried.openCycle?.extendedDue ?? null;
  let progressPercent: number | null = carried.openCycle?.progressPercent ?? null;
  let cycle: Cycle | undefined;
  let nextStep: LadderStep | undefined;
  let dirty = false;
  let finished = false;

  const record = (type: TimelineEventType, detail: string, extra: Partial<TimelineEvent> = {}) => {
    timeline.push({ at: Date.now(), type, cycle: cycleIndex, detail, ...extra });
    if (timeline.length > TIMELINE_LIMIT) timeline.splice(0, timeline.length - TIMELINE_LIMIT);
  };
  const dueDate = (): IsoDate | null => extendedDue ?? cycle?.due ?? null;
  const state = (): TaskState => ({
    workflowId,
    planId: input.planId,
    taskId: input.taskId,
    agencyId,
    status,
    acknowledged,
    paused,
    cycle: cycleIndex,
    cycleKind: cycle?.kind ?? null,
    dueDate: dueDate(),
    progressPercent,
    nextReminderAt: paused || isFinalStatus(status) ? null : (nextStep?.at ?? null),
    nextReminderStep: paused || isFinalStatus(status) ? null : (nextStep?.stepId ?? null),
  });
  const refreshStatus = () => {
    if (cancelled) status = 'cancelled';
    else if (finished) status = 'completed';
    else if (!cycle) status = 'waiting-trigger';
    else status = openStatusAt(Date.now(), dueDate()!);
    const due = dueDate();
    upsertSearchAttributes({
      [searchAttributes.status.name]: [status],
      [searchAttributes.agency.name]: [agencyId],
      [searchAttributes.daysOverdue.name]: [due && !isFinalStatus(status) ? daysOverdueAt(Date.now(), due) : 0],
      ...(due ? { [searchAttributes.dueDate.name]: [new Date(`${due}T00:00:00+07:00`)] } : {}),
    });
  };
  const touch = () => {
    dirty = true;
    return state();
  };
  const rejectIfFinal = () => {
    if (cancelled) throw new Error('Nhiệm vụ đã bị hủy, không thể thực hiện thao tác này.');
    if (status === 'completed') throw new Error('Nhiệm vụ đã hoàn thành, không thể thực hiện thao tác này.');
  };

  setHandler(stateQuery, state);
  setHandler(timelineQuery, () => timeline);
  setHandler(guidanceIssuedSignal, (issued) => {
    if (guidance) return; // the first document releases the task; later ones are only history
    guidance = issued;
    record('guidance-received', `Văn bản hướng dẫn ${issued.documentNumber} ngày ${issued.date} của ${issued.issuer}`);
    dirty = true;
  });
  setHandler(
    acknowledgeUpdate,
    ({ by }) => {
      if (!acknowledged) record('acknowledged', `Đã tiếp nhận (${by})`);
      acknowledged = true;
      return touch();
    },
    { validator: (_actor: Actor) => rejectIfFinal() },
  );
  setHandler(
    reportProgressUpdate,
    ({ by, percent, note }) => {
      progressPercent = percent;
      record('progress', `${percent}%: ${note} (${by})`);
      if (cycle?.kind === 'progress') cycleClosed = true; // this year's progress report is in
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
      progressPercent = 100;
      cycleClosed = true;
      return touch();
    },
    {
      validator: ({ evidence }) => {
        rejectIfFinal();
        if (!cycle) throw new Error('Nhiệm vụ chưa bắt đầu (đang chờ văn bản hướng dẫn của Trung ương).');
        if (!evidence?.trim()) throw new Error('Cần minh chứng hoàn thành (số văn bản, đường dẫn…).');
      },
    },
  );
  setHandler(
    extendDeadlineUpdate,
    ({ newDue, reason, approvedBy }) => {
      record('deadline-extended', `Gia hạn từ ${dueDate()} đến ${newDue}: ${reason} (duyệt: ${approvedBy})`);
      extendedDue = newDue;
      return touch();
    },
    {
      validator: ({ newDue, reason, approvedBy }) => {
        rejectIfFinal();
        if (!cycle) throw new Error('Nhiệm vụ chưa có thời hạn để gia hạn.');
        if (!/^\d{4}-\d{2}-\d{2}$/.test(newDue) || Number.isNaN(Date.parse(newDue))) throw new Error(`Ngày gia hạn không hợp lệ: "${newDue}".`);
        if (newDue <= vietnamDate(Date.now())) throw new Error(`Ngày gia hạn ${newDue} phải sau hôm nay.`);
        if (!reason?.trim() || !approvedBy?.trim()) throw new Error('Cần lý do gia hạn và người phê duyệt.');
      },
    },
  );
  setHandler(
    reassignUpdate,
    ({ toAgency, reason, by }) => {
      record('reassigned', `Chuyển từ ${agencyId} sang ${toAgency}: ${reason} (${by})`);
      agencyId = toAgency;
      acknowledged = false; // the new agency has to acknowledge it again
      return touch();
    },
    {
      validator: ({ toAgency, reason }) => {
        rejectIfFinal();
        if (!toAgency?.trim()) throw new Error('Cần cơ quan nhận nhiệm vụ.');
        if (toAgency === agencyId) throw new Error(`Nhiệm vụ đã do ${toAgency} chủ trì.`);
        if (!reason?.trim()) throw new Error('Cần lý do chuyển giao.');
      },
    },
  );
  setHandler(
    pauseUpdate,
    ({ reason, by }) => {
      paused = true;
      record('paused', `Tạm dừng nhắc việc: ${reason} (${by})`);
      return touch();
    },
    {
      validator: (_reason: Reason) => {
        rejectIfFinal();
        if (paused) throw new Error('Nhiệm vụ đang tạm dừng.');
      },
    },
  );
  setHandler(
    resumeUpdate,
    ({ by }) => {
      paused = false;
      record('resumed', `Tiếp tục nhắc việc (${by})`);
      return touch();
    },
    {
      validator: (_actor: Actor) => {
        rejectIfFinal();
        if (!paused) throw new Error('Nhiệm vụ không ở trạng thái tạm dừng.');
      },
    },
  );
  setHandler(
    cancelUpdate,
    ({ reason, by }) => {
      cancelled = true;
      record('cancelled', `Hủy: ${reason} (${by})`);
      return touch();
    },
    { validator: (_reason: Reason) => rejectIfFinal() },
  );

  if (!input.carried) record('started', `Bắt đầu theo dõi (thời hạn: ${input.deadline.raw})`);

  // The trigger: tasks after central guidance sleep until the document arrives.
  const cyclesNow = () => cyclesOf(input.deadline, { ...input.cycleContext, ...(guidance ? { guidanceDate: guidance.date } : {}) });
  if (cyclesNow().length === 0) {
    status = 'waiting-trigger';
    refreshStatus();
    record('trigger-waiting', 'Chờ văn bản hướng dẫn của Trung ương');
    await condition(() => guidance !== null || cancelled);
  }
  const cycles = cyclesNow();
  const firstReminderAt = (c: Cycle | undefined) => (c ? buildLadder(c.due, input.policy, calendar, 0)[0]?.at : undefined);
  // On import, cycles whose successor has already begun are history: start at the current one.
  while (input.catchUp && cycleIndex < cycles.length - 1 && (firstReminderAt(cycles[cycleIndex + 1]) ?? Infinity) <= Date.now()) cycleIndex++;
  cycle = cancelled ? undefined : cycles[cycleIndex];
  let rolledOver = false;
  let sentSteps: readonly string[] = [];

  if (cycle) {
    record('cycle-started', `Kỳ ${cycleIndex + 1}/${cycles.length}: ${cycle.kind === 'progress' ? 'báo cáo tiến độ' : 'thời hạn'} ${cycle.due}`);
    const sent = new Set<string>(carried.openCycle?.sentSteps ?? []);
    // An unanswered cycle gives way to the next one when that one's first reminder comes.
    const rollOverAt = firstReminderAt(cycles[cycleIndex + 1]);
    let catchUpPending = input.catchUp;

    while (!cancelled && !cycleClosed) {
      dirty = false;
      const now = Date.now();
      const ladder = buildLadder(dueDate()!, input.policy, calendar, now + REPEAT_HORIZON_MS);
      if (catchUpPending) {
        catchUpPending = false;
        const { current } = positionAt(ladder, now);
        if (current && !(acknowledged && current.onlyUntilAcknowledged)) await send(current, true);
        for (const step of ladder) if (step.at <= now) sent.add(step.stepId); // never a burst of past reminders
      }
      nextStep = nextApplicableStep(ladder, now, acknowledged, sent);
      refreshStatus();
      if (rollOverAt !== undefined && now >= rollOverAt) {
        rolledOver = true;
        record('reminder-skipped', `Kỳ ${cycleIndex + 1} kết thúc khi chưa có báo cáo; chuyển sang kỳ sau`);
        break;
      }
      const wakeAt = Math.min(nextStep?.at ?? Infinity, rollOverAt ?? Infinity);
      if (paused || wakeAt === Infinity) {
        await condition(() => dirty);
        continue;
      }
      const timedOut = !(await condition(() => dirty, Math.max(wakeAt - now, 1)));
      if (timedOut && nextStep && Date.now() >= nextStep.at && !paused) await send(nextStep, false);
      if (workflowInfo().continueAsNewSuggested) break;
    }
    sentSteps = [...sent];

    async function send(step: LadderStep, catchUp: boolean): Promise<void> {
      const due = dueDate()!;
      const idempotencyKey = reminderKey(workflowId, due, step.stepId);
      sent.add(step.stepId);
      const result = await enqueueNotification({
        idempotencyKey,
        template: catchUp ? 'catch-up' : step.template,
        workflowId,
        planId: input.planId,
        taskId: input.taskId,
        agencyId,
        cycle: cycleIndex,
        stepId: step.stepId,
        recipients: step.recipients.map((r) => ({ role: r.role, channels: [...r.channels] })),
        data: { taskName: input.taskName, planTitle: input.planTitle, dueDate: due, daysLeft: step.daysLeft, deadlineText: input.deadline.raw },
        scheduledFor: step.at,
      });
      record(catchUp ? 'catch-up-sent' : 'reminder-sent', `${step.stepId} (${step.recipients.map((r) => r.role).join(', ')})${result.enqueued ? '' : ' – đã có trong hàng đợi'}`, {
        stepId: step.stepId,
        idempotencyKey,
      });
    }
  }

  await condition(allHandlersFinished);
  if (cycle && !cancelled) {
    // Closed or rolled over: the next cycle. Neither (history grew long): the same cycle afresh.
    const sameCycle = !cycleClosed && !rolledOver;
    const nextIndex = sameCycle ? cycleIndex : cycleIndex + 1;
    if (nextIndex < cycles.length) {
      const openCycle = sameCycle ? { paused, extendedDue, progressPercent, sentSteps } : undefined;
      await continueAsNew<typeof taskWorkflow>({
        ...input,
        catchUp: false,
        carried: { cycleIndex: nextIndex, agencyId, acknowledged, guidance, timeline, ...(openCycle ? { openCycle } : {}) },
      });
    }
  }
  finished = true;
  refreshStatus();
  return state();
}
