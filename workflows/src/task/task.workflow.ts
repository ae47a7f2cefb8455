import { calendarDateProblem } from '@dondoc/calendar';
import {
  type CarriedState,
  type GuidanceIssued,
  type NotificationJob,
  RULES_FINGERPRINT_MEMO,
  type TaskState,
  type TaskWorkflowInput,
  type TimelineEvent,
  type TimelineEventType,
} from '@dondoc/contracts';
import { catchUpSpacingEnd, type Cycle, type CycleContext, cyclesOf, deferredSteps, positionAt, vietnamDate } from '@dondoc/policy';
import { allHandlersFinished, condition, continueAsNew, makeContinueAsNewFunc, patched, proxyActivities, upsertMemo, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';

import type { Activities } from '@dondoc/activities';

import { createWorkflowCalendar } from './workflow-calendar';
import { daysLateOn, nextApplicableStep, nextRunningStatusChangeAt, nextStatusChangeAt, settledKey, stepsDue } from './task-clock';
import { cyclesProblem, inputProblem } from './task-input-checks';
import { createSender } from './task-sender';
import { registerTaskHandlers } from './task-handlers';
import { createLadders } from './task-ladders';
import { dueDateOf, recordEvent, runFromCarried } from './task-run';
import { searchAttributesOf, stateOf, type Upcoming } from './task-view';

const { enqueueNotification, ensureNotificationQueued } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** A day after each hand-over the queue is asked again, so a lost queue entry is not a lost reminder. */
const RECHECK_AFTER_MS = 24 * 3_600_000;
/** Patch id of the status model (TASK_STATUSES of libs/domain). DO NOT RENAME: histories record it. */
const STATUS_MODEL_PATCH = 'task-status-model';

/**
 * One task of a plan for one lead agency: waits for its trigger, reminds before
 * each due date, escalates after it, and reacts to what admins and agencies do.
 * One run per cycle; continue-as-new between cycles keeps histories small.
 *
 * Time: a step is due once its instant has come. `handledUntil` is the instant up
 * to which steps are settled, and each wake settles the steps in (handledUntil, now]:
 * sent, or recorded as skipped while paused or while a proposed completion waits for
 * Sở KH&CN. So a worker that was down sends what it missed, once each; a pause sends
 * nothing, neither then nor on resume; an extension or an import starts from now (an
 * import with one catch-up reminder for the step the task is on, and the next step no
 * sooner than a working day after it).
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
  const run = runFromCarried(carried, Date.now(), input.completion ?? 'confirmed');
  // Running workflows move to the status model at their next step (or message), not at a
  // run's start: patched() there is false while an older history replays, and true from then on.
  const adoptStatusModel = () => {
    if (!run.statusModel) run.statusModel = patched(STATUS_MODEL_PATCH);
  };
  adoptStatusModel();
  // Imports compare it from visibility; runs started before it existed have none (and write none, so they replay unchanged).
  if (input.rulesFingerprint && workflowInfo().memo?.[RULES_FINGERPRINT_MEMO] !== input.rulesFingerprint) {
    upsertMemo({ [RULES_FINGERPRINT_MEMO]: input.rulesFingerprint });
  }
  let upserted = '';

  const record = (type: TimelineEventType, detail: string, extra?: Partial<TimelineEvent>) => recordEvent(run, Date.now(), type, detail, extra);
  const { send, recheck } = createSender(run, input, record, { enqueueNotification, ensureNotificationQueued }, (job) => {
    if (recheckHandOvers) rechecks.push({ at: Date.now() + RECHECK_AFTER_MS, job });
  });
  const nextCycle = () => run.cycles[run.cycleIndex + 1];
  /** An unanswered cycle gives way to the next one when that one's first reminder comes. */
  const rollOverAt = () => (run.cycle && nextCycle() ? ladders.first(nextCycle()!.due)?.at : undefined);
  const upcoming = (): Upcoming => {
    const due = dueDateOf(run);
    if (!due || run.paused || run.proposal || run.cancelled || run.completed || run.cycleClosed) return null;
    if (run.pendingCatchUp) return run.pendingCatchUp;
    const step = nextApplicableStep(ladders.of(due, Date.now()), due, Math.max(run.handledUntil, Date.now()), run.acknowledged, run.settled);
    const roll = rollOverAt();
    if (roll !== undefined && (!step || step.at >= roll)) return { at: roll, stepId: ladders.first(nextCycle()!.due)!.stepId };
    return step ? { at: Math.max(step.at, run.notBefore), stepId: step.stepId } : null;
  };
  const state = (): TaskState => stateOf(run, Date.now(), ladders, { workflowId, planId: input.planId, taskId: input.taskId }, upcoming());
  /** Search attributes follow the state; written only when they change, to keep history small. */
  const refreshSearchAttributes = () => {
    const attributes = searchAttributesOf(run, Date.now(), ladders);
    const key = JSON.stringify(attributes);
    if (key === upserted) return;
    upserted = key;
    upsertSearchAttributes(attributes);
  };
  const cycleContext = (guidance: GuidanceIssued | null): CycleContext => ({ ...input.cycleContext, ...(guidance ? { guidanceDate: guidance.date } : {}) });
  const cyclesNow = () => cyclesOf(input.deadline, cycleContext(run.guidance));
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
  registerTaskHandlers(run, {
    deadlineKind: input.deadline.kind,
    state,
    record,
    adoptStatusModel,
    guidanceProblem: (issued) => inputProblem(() => cyclesProblem(input.deadline, cycleContext(issued), ladders, calendarDateProblem(issued?.date))),
    deadlineProblem: (deadline) => inputProblem(() => cyclesProblem(deadline, cycleContext(run.guidance), ladders, null)),
  });

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
    // An extension while waiting gives a new ladder; its own steps follow, the old catch-up is moot (so is a proposal's).
    const stopped = () =>
      run.cancelled || run.cycleClosed || run.revision !== null || run.rulesRefresh !== null || dueDateOf(run) !== dueAtImport || run.proposal !== null;
    if (current && sendAt > now) {
      run.pendingCatchUp = { at: sendAt, stepId: current.stepId };
      // Messages (e.g. a reassignment) still show in lists while the catch-up waits.
      while (Date.now() < sendAt && !stopped()) {
        run.dirty = false;
        adoptStatusModel();
        refreshSearchAttributes();
        await condition(() => run.dirty || stopped(), sendAt - Date.now());
      }
      run.pendingCatchUp = null;
    }
    let sent = false;
    if (current && !stopped() && !(run.acknowledged && current.onlyUntilAcknowledged)) {
      await send(current, true, sendAt);
      sent = true;
      // The next step waits a working day after the catch-up, instead of following it within minutes.
      if (patched('catch-up-spacing')) run.notBefore = catchUpSpacingEnd(sendAt, calendar, input.policy);
    }
    // New rules while the catch-up waited: the next run, on those rules, sends it.
    catchUpPending = !sent && current !== null && run.rulesRefresh !== null && !run.cancelled && !run.revision;
    if (!catchUpPending) run.handledUntil = Math.max(run.handledUntil, now);
  }

  while (run.cycle && !run.cancelled && !run.cycleClosed && !run.revision && !run.rulesRefresh) {
    run.dirty = false;
    adoptStatusModel();
    const now = Date.now();
    const due = dueDateOf(run)!;
    const ladder = ladders.of(due, now);
    const roll = rollOverAt();
    // Steps of this cycle after its successor's start are not sent: the next cycle speaks then
    // (as in `dondoc simulate`, a step at that very instant still goes out). Right after a
    // catch-up, nothing goes out until its spacing has passed.
    const held = now < run.notBefore;
    const upTo = held ? run.handledUntil : roll === undefined ? now : Math.min(now, roll);
    const { send: toSend, superseded } = deferredSteps(stepsDue(ladder, due, run.handledUntil, upTo, run.acknowledged, run.settled), run.notBefore);
    for (const step of superseded) {
      run.settled.add(settledKey(due, step.stepId));
      record('reminder-skipped', `${step.stepId}: không gửi vì vừa gửi thư nhắc bù; gửi bước sau`, { stepId: step.stepId });
    }
    for (const step of toSend) {
      if (run.cancelled || run.cycleClosed || dueDateOf(run) !== due) break;
      if (run.paused || run.proposal) {
        run.settled.add(settledKey(due, step.stepId));
        const why = run.paused ? 'đang tạm dừng nhắc việc' : 'đang chờ xác nhận đề nghị hoàn thành';
        record('reminder-skipped', `${step.stepId}: không gửi vì ${why}`, { stepId: step.stepId });
      } else await send(step, false, Math.max(step.at, run.notBefore));
      run.handledUntil = Math.max(run.handledUntil, step.at);
    }
    if (!held && run.notBefore && dueDateOf(run) === due) run.notBefore = 0;
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
    // roll-over, and when the status changes by the clock alone (not due → in progress → overdue).
    const next = nextApplicableStep(ladder, due, run.handledUntil, run.acknowledged, run.settled);
    const statusChange = run.statusModel ? nextRunningStatusChangeAt(now, due, ladders.first(due)?.at) : nextStatusChangeAt(now, due);
    const nextAt = next ? Math.max(next.at, run.notBefore) : Infinity;
    const wakeAt = Math.min(nextAt, roll ?? Infinity, statusChange, rechecks[0]?.at ?? Infinity);
    if (wakeAt === Infinity) await condition(() => run.dirty);
    else await condition(() => run.dirty, Math.max(wakeAt - now, 1));
  }

  await condition(allHandlersFinished);
  adoptStatusModel();
  // Every later run works under the newest calendar, policy and completion mode it was given.
  const refresh = run.rulesRefresh;
  const nextInput: TaskWorkflowInput = refresh
    ? {
        ...input,
        policy: refresh.policy,
        calendarOverrides: refresh.calendarOverrides,
        rulesFingerprint: refresh.rulesFingerprint,
        ...(refresh.completion ? { completion: refresh.completion } : {}),
      }
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
      const { agencyId, acknowledged, guidance, timeline, paused, extendedDue, progressPercent, proposal, notBefore } = run;
      const openCycle = sameCycle
        ? { paused, extendedDue, progressPercent, sentSteps: [...run.settled], ...(proposal ? { proposal } : {}), ...(notBefore ? { notBefore } : {}) }
        : undefined;
      // A rolled-over cycle's successor begins at its first reminder, which is therefore still to send.
      const handledUntil = run.rolledOver ? rollOverAt()! - 1 : sameCycle ? run.handledUntil : Date.now();
      // A period is one piece of work: its progress carries into the next cycle; a yearly round starts afresh.
      const carriedProgress = input.deadline.kind === 'year-range' ? { progressPercent } : {};
      // The closed run keeps how its cycle ended, for statistics over earlier cycles.
      if (run.statusModel && run.completion) refreshSearchAttributes();
      await continueAsNewWith({
        ...nextInput,
        catchUp: sameCycle && catchUpPending,
        carried: { cycleIndex: nextIndex, agencyId, acknowledged, guidance, timeline, paused, handledUntil, ...carriedProgress, ...(openCycle ? { openCycle } : {}) },
      });
    }
    run.completed = true; // the last cycle is closed: nothing more to chase
    // Closed by its last progress report: done that day.
    if (run.statusModel && !run.completion) {
      const [on, dueDate] = [vietnamDate(Date.now()), dueDateOf(run)!];
      run.completion = { on, dueDate, daysLate: daysLateOn(dueDate, on), by: run.agencyId, confirmedBy: null };
    }
  }
  refreshSearchAttributes();
  return state();
}

