import {
  type CarriedState,
  type NotificationJob,
  reminderKey,
  RULES_FINGERPRINT_MEMO,
  searchAttributes,
  type TaskState,
  type TaskWorkflowInput,
  type TimelineEvent,
  type TimelineEventType,
} from '@dondoc/contracts';
import type { TaskStatus } from '@dondoc/domain';
import { type Cycle, cyclesOf, type LadderStep, positionAt } from '@dondoc/policy';
import { allHandlersFinished, condition, continueAsNew, makeContinueAsNewFunc, patched, proxyActivities, upsertMemo, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';

import type { Activities } from '@dondoc/activities';

import { createWorkflowCalendar } from './workflow-calendar';
import { daysOverdueAt, nextApplicableStep, nextStatusChangeAt, openStatusAt, settledKey, stepsDue } from './task-clock';
import { registerTaskHandlers } from './task-handlers';
import { createLadders } from './task-ladders';
import { dueDateOf, recordEvent, runFromCarried } from './task-run';

const { enqueueNotification, ensureNotificationQueued } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** A day after each hand-over the queue is asked again, so a lost queue entry is not a lost reminder. */
const RECHECK_AFTER_MS = 24 * 3_600_000;

/**
 * One task of a plan for one lead agency: waits for its trigger, reminds before
 * each due date, escalates after it, and reacts to what admins and agencies do.
 * One run per cycle; continue-as-new between cycles keeps histories small.
 *
 * Time: a step is due once its instant has come. `handledUntil` is the instant up
 * to which steps are settled, and each wake settles the steps in (handledUntil, now]:
 * sent, or recorded as skipped while paused. So a worker that was down sends what
 * it missed, once each; a pause sends nothing, neither then nor on resume; an
 * extension or an import starts from now (an import with one catch-up reminder for
 * the step the task is on).
 */
export async function taskWorkflow(input: TaskWorkflowInput): Promise<TaskState> {
  const { workflowId } = workflowInfo();
  // Behaviour added while workflows were running, decided once per run so old histories replay unchanged.
  const catchUpInOfficeHours = patched('catch-up-in-office-hours');
  const recheckHandOvers = patched('recheck-hand-overs');
  // A task waiting for its trigger slept through reassignments: lists kept showing the old agency.
  const refreshWhileWaiting = patched('refresh-attributes-while-waiting');
  /** Hand-overs to check again, in order of their check time. */
  const rechecks: Array<{ at: number; job: NotificationJob }> = [];
  const calendar = createWorkflowCalendar(input.calendarOverrides);
  const ladders = createLadders(input.policy, calendar);
  const carried: CarriedState = input.carried ?? { cycleIndex: 0, agencyId: input.agencyId, acknowledged: false, guidance: null, timeline: [] };
  const run = runFromCarried(carried, Date.now());
  // Imports compare it from visibility; runs started before it existed have none (and write none, so they replay unchanged).
  if (input.rulesFingerprint && workflowInfo().memo?.[RULES_FINGERPRINT_MEMO] !== input.rulesFingerprint) {
    upsertMemo({ [RULES_FINGERPRINT_MEMO]: input.rulesFingerprint });
  }
  let upserted = '';
  /** The catch-up of an import, while it waits for office hours. */
  let pendingCatchUp: { at: number; stepId: string } | null = null;

  const record = (type: TimelineEventType, detail: string, extra?: Partial<TimelineEvent>) => recordEvent(run, Date.now(), type, detail, extra);
  const nextCycle = () => run.cycles[run.cycleIndex + 1];
  /** An unanswered cycle gives way to the next one when that one's first reminder comes. */
  const rollOverAt = () => (run.cycle && nextCycle() ? ladders.first(nextCycle()!.due)?.at : undefined);
  const status = (): TaskStatus => {
    if (run.mergedInto) return 'merged';
    if (run.cancelled) return 'cancelled';
    if (run.completed) return 'completed';
    return run.cycle ? openStatusAt(Date.now(), dueDateOf(run)!) : 'waiting-trigger';
  };
  const upcoming = (): { at: number; stepId: string } | null => {
    const due = dueDateOf(run);
    if (!due || run.paused || run.cancelled || run.completed || run.cycleClosed) return null;
    if (pendingCatchUp) return pendingCatchUp;
    const step = nextApplicableStep(ladders.of(due, Date.now()), due, Math.max(run.handledUntil, Date.now()), run.acknowledged, run.settled);
    const roll = rollOverAt();
    if (roll !== undefined && (!step || step.at >= roll)) return { at: roll, stepId: ladders.first(nextCycle()!.due)!.stepId };
    return step ? { at: step.at, stepId: step.stepId } : null;
  };
  const state = (): TaskState => {
    const next = upcoming();
    return {
      workflowId,
      planId: input.planId,
      taskId: input.taskId,
      agencyId: run.agencyId,
      status: status(),
      acknowledged: run.acknowledged,
      paused: run.paused,
      cycle: run.cycleIndex,
      cycleKind: run.cycle?.kind ?? null,
      dueDate: dueDateOf(run),
      progressPercent: run.progressPercent,
      nextReminderAt: next?.at ?? null,
      nextReminderStep: next?.stepId ?? null,
      continuesIn: run.mergedInto,
    };
  };
  /** Search attributes follow the state; written only when they change, to keep history small. */
  const refreshSearchAttributes = () => {
    const due = dueDateOf(run);
    const current = status();
    const open = current !== 'completed' && current !== 'cancelled';
    const attributes = {
      [searchAttributes.status.name]: [current],
      [searchAttributes.agency.name]: [run.agencyId],
      [searchAttributes.daysOverdue.name]: [due && open ? daysOverdueAt(Date.now(), due) : 0],
      ...(due ? { [searchAttributes.dueDate.name]: [new Date(`${due}T00:00:00+07:00`)] } : {}),
    };
    const key = JSON.stringify(attributes);
    if (key === upserted) return;
    upserted = key;
    upsertSearchAttributes(attributes);
  };
  const cyclesNow = () => cyclesOf(input.deadline, { ...input.cycleContext, ...(run.guidance ? { guidanceDate: run.guidance.date } : {}) });
  const enterCycle = () => {
    // Cycles whose successor has already begun are history (on import, or after a long
    // outage): start at the current one, from now, without its backlog.
    const begun = (c: Cycle | undefined) => (ladders.first(c?.due)?.at ?? Infinity) <= Date.now();
    if (begun(nextCycle())) {
      while (begun(nextCycle())) run.cycleIndex++;
      [run.extendedDue, run.progressPercent, run.handledUntil] = [null, null, Math.max(run.handledUntil, Date.now())];
      run.settled.clear();
    }
    run.cycle = run.cycles[run.cycleIndex];
    if (run.cycle) {
      const { kind, due } = run.cycle;
      record('cycle-started', `Kỳ ${run.cycleIndex + 1}/${run.cycles.length}: ${kind === 'progress' ? 'báo cáo tiến độ' : 'thời hạn'} ${due}`);
    }
  };

  // The present cycle first: updates delivered with this run's first task are validated
  // as soon as their handlers are registered, and must see it.
  if (!input.carried) record('started', `Bắt đầu theo dõi (thời hạn: ${input.deadline.raw})`);
  run.cycles = cyclesNow();
  enterCycle();
  registerTaskHandlers(run, { deadlineKind: input.deadline.kind, state, record });

  if (!run.cycle) {
    // The trigger: tasks after central guidance sleep until the document arrives.
    refreshSearchAttributes();
    record('trigger-waiting', 'Chờ văn bản hướng dẫn của Trung ương');
    const triggered = () => run.guidance !== null || run.cancelled || run.revision !== null || run.rulesRefresh !== null;
    if (refreshWhileWaiting) {
      while (!triggered()) {
        run.dirty = false;
        await condition(() => run.dirty || triggered());
        refreshSearchAttributes();
      }
    } else await condition(triggered);
    if (!run.cancelled && !run.revision && !run.rulesRefresh) {
      run.cycles = cyclesNow();
      run.handledUntil = Date.now(); // the ladder of the guidance date starts now
      enterCycle();
    }
  }

  let catchUpPending = false;
  if (run.cycle && input.catchUp && !run.cancelled && !run.cycleClosed && !run.revision && !run.rulesRefresh) {
    // Present state on import: one reminder for the step the task is on now, never the backlog.
    const now = Date.now();
    const { current } = positionAt(ladders.of(dueDateOf(run)!, now), now);
    // Like every letter, the catch-up goes out in office hours on a working day (an import at night waits).
    const sendAt = catchUpInOfficeHours ? calendar.nextOfficeMoment(now) : now;
    const dueAtImport = dueDateOf(run);
    // An extension while waiting gives a new ladder; its own steps follow, the old catch-up is moot.
    const stopped = () => run.cancelled || run.cycleClosed || run.revision !== null || run.rulesRefresh !== null || dueDateOf(run) !== dueAtImport;
    if (current && sendAt > now) {
      pendingCatchUp = { at: sendAt, stepId: current.stepId };
      // Messages (e.g. a reassignment) still show in lists while the catch-up waits.
      while (Date.now() < sendAt && !stopped()) {
        run.dirty = false;
        refreshSearchAttributes();
        await condition(() => run.dirty || stopped(), sendAt - Date.now());
      }
      pendingCatchUp = null;
    }
    let sent = false;
    if (current && !stopped() && !(run.acknowledged && current.onlyUntilAcknowledged)) {
      await send(current, true, sendAt);
      sent = true;
    }
    // New rules while the catch-up waited: the next run, on those rules, sends it.
    catchUpPending = !sent && current !== null && run.rulesRefresh !== null && !run.cancelled && !run.revision;
    if (!catchUpPending) run.handledUntil = Math.max(run.handledUntil, now);
  }

  while (run.cycle && !run.cancelled && !run.cycleClosed && !run.revision && !run.rulesRefresh) {
    run.dirty = false;
    const now = Date.now();
    const due = dueDateOf(run)!;
    const ladder = ladders.of(due, now);
    const roll = rollOverAt();
    // Steps of this cycle after its successor's start are not sent: the next cycle speaks then
    // (as in `dondoc simulate`, a step at that very instant still goes out).
    const upTo = roll === undefined ? now : Math.min(now, roll);
    for (const step of stepsDue(ladder, due, run.handledUntil, upTo, run.acknowledged, run.settled)) {
      if (run.cancelled || run.cycleClosed || dueDateOf(run) !== due) break;
      if (run.paused) {
        run.settled.add(settledKey(due, step.stepId));
        record('reminder-skipped', `${step.stepId}: không gửi vì đang tạm dừng nhắc việc`, { stepId: step.stepId });
      } else await send(step, false);
      run.handledUntil = Math.max(run.handledUntil, step.at);
    }
    if (dueDateOf(run) === due) run.handledUntil = Math.max(run.handledUntil, upTo);
    while (rechecks.length && rechecks[0]!.at <= Date.now()) await recheck(rechecks.shift()!.job);
    refreshSearchAttributes();
    if (roll !== undefined && now >= roll) {
      run.rolledOver = true;
      record('reminder-skipped', `Kỳ ${run.cycleIndex + 1} kết thúc khi chưa có báo cáo; chuyển sang kỳ sau`);
      break;
    }
    if (run.dirty) continue; // something changed while sending: look again before sleeping
    if (workflowInfo().continueAsNewSuggested) break;
    // Wake for the next step (also while paused, to record it as skipped at its time), for the
    // roll-over, and when the status changes by the calendar alone (due, then overdue).
    const next = nextApplicableStep(ladder, due, run.handledUntil, run.acknowledged, run.settled);
    const wakeAt = Math.min(next?.at ?? Infinity, roll ?? Infinity, nextStatusChangeAt(now, due), rechecks[0]?.at ?? Infinity);
    if (wakeAt === Infinity) await condition(() => run.dirty);
    else await condition(() => run.dirty, Math.max(wakeAt - now, 1));
  }

  async function send(step: LadderStep, catchUp: boolean, scheduledFor = step.at): Promise<void> {
    const due = dueDateOf(run)!;
    const idempotencyKey = reminderKey(workflowId, due, step.stepId);
    run.settled.add(settledKey(due, step.stepId));
    const job: NotificationJob = {
      idempotencyKey,
      template: catchUp ? 'catch-up' : step.template,
      workflowId,
      planId: input.planId,
      taskId: input.taskId,
      agencyId: run.agencyId,
      cycle: run.cycleIndex,
      stepId: step.stepId,
      recipients: step.recipients.map((r) => ({ role: r.role, channels: [...r.channels] })),
      data: { taskName: input.taskName, planTitle: input.planTitle, dueDate: due, daysLeft: step.daysLeft, deadlineText: input.deadline.raw },
      scheduledFor,
    };
    const result = await enqueueNotification(job);
    if (recheckHandOvers) rechecks.push({ at: Date.now() + RECHECK_AFTER_MS, job });
    const roles = step.recipients.map((r) => r.role).join(', ');
    record(catchUp ? 'catch-up-sent' : 'reminder-sent', `${step.stepId} (${roles})${result.enqueued ? '' : ' – đã có trong hàng đợi'}`, {
      stepId: step.stepId,
      idempotencyKey,
    });
  }

  async function recheck(job: NotificationJob): Promise<void> {
    const { enqueued } = await ensureNotificationQueued(job);
    if (enqueued) record('reminder-sent', `${job.stepId}: hàng đợi đã mất thư nhắc; giao lại cùng mã`, { stepId: job.stepId, idempotencyKey: job.idempotencyKey });
  }

  await condition(allHandlersFinished);
  // Every later run works under the newest calendar and policy it was given.
  const nextInput: TaskWorkflowInput = run.rulesRefresh
    ? { ...input, policy: run.rulesRefresh.policy, calendarOverrides: run.rulesRefresh.calendarOverrides, rulesFingerprint: run.rulesRefresh.rulesFingerprint }
    : input;
  // New rules: the next run's memo says so from its start, so an import right after does not refresh it again.
  const continueAsNewWith = (next: TaskWorkflowInput) =>
    run.rulesRefresh
      ? makeContinueAsNewFunc<typeof taskWorkflow>({ memo: { ...workflowInfo().memo, [RULES_FINGERPRINT_MEMO]: run.rulesRefresh.rulesFingerprint } })(next)
      : continueAsNew<typeof taskWorkflow>(next);
  if (run.revision && !run.cancelled && !run.completed) {
    // A revised plan task starts afresh on its new deadline, in its present state (one catch-up at most).
    const { agencyId, acknowledged, guidance, timeline, paused } = run;
    await continueAsNewWith({
      ...nextInput,
      taskName: run.revision.taskName,
      deadline: run.revision.deadline,
      catchUp: true,
      carried: { cycleIndex: 0, agencyId, acknowledged, guidance, timeline, paused, handledUntil: Date.now() },
    });
  }
  if (!run.cycle && run.rulesRefresh && !run.cancelled) {
    // Still waiting for its trigger: wait on under the new rules.
    const { agencyId, acknowledged, guidance, timeline, paused } = run;
    await continueAsNewWith({ ...nextInput, carried: { cycleIndex: run.cycleIndex, agencyId, acknowledged, guidance, timeline, paused, handledUntil: run.handledUntil } });
  }
  if (run.cycle && !run.cancelled && !run.completed) {
    // Closed or rolled over: the next cycle. Neither (history grew long, or new rules): the same cycle afresh.
    const sameCycle = !run.cycleClosed && !run.rolledOver;
    const nextIndex = sameCycle ? run.cycleIndex : run.cycleIndex + 1;
    if (nextIndex < run.cycles.length) {
      const { agencyId, acknowledged, guidance, timeline, paused, extendedDue, progressPercent } = run;
      const openCycle = sameCycle ? { paused, extendedDue, progressPercent, sentSteps: [...run.settled] } : undefined;
      // A rolled-over cycle's successor begins at its first reminder, which is therefore still to send.
      const handledUntil = run.rolledOver ? rollOverAt()! - 1 : sameCycle ? run.handledUntil : Date.now();
      // A period is one piece of work: its progress carries into the next cycle; a yearly round starts afresh.
      const carriedProgress = input.deadline.kind === 'year-range' ? { progressPercent } : {};
      await continueAsNewWith({
        ...nextInput,
        catchUp: sameCycle && catchUpPending,
        carried: { cycleIndex: nextIndex, agencyId, acknowledged, guidance, timeline, paused, handledUntil, ...carriedProgress, ...(openCycle ? { openCycle } : {}) },
      });
    }
    run.completed = true; // the last cycle is closed: nothing more to chase
  }
  refreshSearchAttributes();
  return state();
}
