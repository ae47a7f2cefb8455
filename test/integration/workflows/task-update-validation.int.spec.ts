// Updates an admin or agency sends that the task must refuse, with the reason in
// Vietnamese, on the real dev server. A refused update leaves no trace in history.
import {
  cancelUpdate,
  completeUpdate,
  extendDeadlineUpdate,
  pauseUpdate,
  reassignUpdate,
  reportProgressUpdate,
  resumeUpdate,
  stateQuery,
  timelineQuery,
} from '@dondoc/contracts';
import { addCalendarDays } from '@dondoc/policy';
import {
  activitiesFor,
  createNonStickyTestWorker,
  createTaskScenario,
  DAY,
  rejectionOf,
  startDevServer,
  type TaskHandle,
  type TaskScenario,
  vnDay,
} from '@dondoc/test-harness';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';

describe('task workflow: update validation (dev server)', () => {
  let env: TestWorkflowEnvironment;
  let s: TaskScenario;

  beforeAll(async () => {
    env = await startDevServer();
    s = await createTaskScenario(env, 'validate');
  });
  afterAll(async () => {
    await s?.cleanUp();
    await s?.stop();
    await env?.teardown();
  });

  const extension = (newDue: string, reason = 'Lý do', approvedBy = 'pgd@skhcn') => ({ args: [{ newDue, reason, approvedBy }] as [{ newDue: string; reason: string; approvedBy: string }] });
  const monthAhead = () => {
    const [y, m] = vnDay(Date.now() + 150 * DAY).split('-').map(Number) as [number, number];
    return `${m}/${y}`;
  };

  it('refuses an extension to a past day, today, a malformed date, or without reason and approver', async () => {
    const handle = await s.start(monthAhead());
    const today = vnDay(Date.now());
    const yesterday = addCalendarDays(today, -1);
    expect(await rejectionOf(handle.executeUpdate(extendDeadlineUpdate, extension(yesterday)))).toBe(`Ngày gia hạn ${yesterday} phải sau hôm nay.`);
    expect(await rejectionOf(handle.executeUpdate(extendDeadlineUpdate, extension(today)))).toBe(`Ngày gia hạn ${today} phải sau hôm nay.`);
    expect(await rejectionOf(handle.executeUpdate(extendDeadlineUpdate, extension('31/12/2030')))).toBe('Ngày gia hạn không hợp lệ: "31/12/2030".');
    expect(await rejectionOf(handle.executeUpdate(extendDeadlineUpdate, extension('2030-02-30')))).toBe('Ngày gia hạn không hợp lệ: "2030-02-30".');
    expect(await rejectionOf(handle.executeUpdate(extendDeadlineUpdate, extension(addCalendarDays(today, 30), ' ')))).toBe('Cần lý do gia hạn và người phê duyệt.');

    const history = await handle.fetchHistory();
    expect(history.events?.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
    expect((await handle.query(timelineQuery)).map((e) => e.type)).not.toContain('deadline-extended');
  });

  it('refuses malformed reports, reassignment to the same agency, and resuming what is not paused', async () => {
    const handle = await s.start(monthAhead());
    expect(await rejectionOf(handle.executeUpdate(reportProgressUpdate, { args: [{ by: 'a', percent: 150, note: 'x' }] }))).toBe('Tỷ lệ hoàn thành phải từ 0 đến 100.');
    expect(await rejectionOf(handle.executeUpdate(reportProgressUpdate, { args: [{ by: 'a', percent: 50, note: '' }] }))).toBe('Cần nội dung báo cáo tiến độ.');
    expect(await rejectionOf(handle.executeUpdate(reassignUpdate, { args: [{ by: 'a', toAgency: 'so-khcn', reason: 'x' }] }))).toBe('Nhiệm vụ đã do so-khcn chủ trì.');
    expect(await rejectionOf(handle.executeUpdate(resumeUpdate, { args: [{ by: 'a' }] }))).toBe('Nhiệm vụ không ở trạng thái tạm dừng.');
    await handle.executeUpdate(pauseUpdate, { args: [{ by: 'a', reason: 'x' }] });
    expect(await rejectionOf(handle.executeUpdate(pauseUpdate, { args: [{ by: 'a', reason: 'x' }] }))).toBe('Nhiệm vụ đang tạm dừng.');
  });

  it('a task waiting for central guidance has nothing to extend or complete yet', async () => {
    const handle = await s.start('Khi Trung ương ban hành');
    expect(await rejectionOf(handle.executeUpdate(extendDeadlineUpdate, extension(addCalendarDays(vnDay(Date.now()), 30))))).toBe(
      'Nhiệm vụ chưa có thời hạn để gia hạn.',
    );
    expect(await rejectionOf(handle.executeUpdate(completeUpdate, { args: [{ by: 'a', evidence: 'x' }] }))).toBe(
      'Nhiệm vụ chưa bắt đầu (đang chờ văn bản hướng dẫn của Trung ương).',
    );
  });

  it('a completed task closes; a late update is refused by Temporal and the state still reads completed on time', async () => {
    const handle = await s.start(monthAhead());
    const done = await handle.executeUpdate(completeUpdate, { args: [{ by: 'focal@skhcn', evidence: 'Quyết định 12/QĐ-UBND' }] });
    expect(done).toMatchObject({ status: 'completed-on-time', progressPercent: 100, nextReminderAt: null });
    expect(await handle.result()).toMatchObject({ status: 'completed-on-time' });
    // The API answers this case from the closed status with the same Vietnamese reason.
    const late = handle.executeUpdate(extendDeadlineUpdate, extension(addCalendarDays(vnDay(Date.now()), 30)));
    await expect(late).rejects.toBeInstanceOf(WorkflowNotFoundError);
    expect((await handle.query(stateQuery)).status).toBe('completed-on-time');
  });

  describe('updates that reach the workflow with its first task', () => {
    let first: TaskScenario;
    beforeAll(async () => {
      first = await createTaskScenario(env, 'first', { withoutWorker: true });
    });
    afterAll(() => first?.cleanUp());

    /** Queues updates while no worker runs, so they arrive together with the run's first task. */
    async function queuedThenRun(deadline: string, queue: (handle: TaskHandle) => Array<Promise<unknown>>): Promise<unknown[]> {
      const handle = await first.start(deadline);
      const pending: Array<Promise<unknown>> = [];
      for (const send of queue(handle)) {
        pending.push(send.then((value) => value, (error: { cause?: Error; message: string }) => new Error(error.cause?.message ?? error.message)));
        await new Promise((resolve) => setTimeout(resolve, 200)); // keep their order
      }
      const worker = await createNonStickyTestWorker(env, first.taskQueue, activitiesFor(first.queue, env));
      return worker.runUntil(Promise.all(pending));
    }

    it('see the task’s deadline (handlers are registered only once the run knows its cycle)', async () => {
      const newDue = addCalendarDays(vnDay(Date.now()), 200);
      const [extended] = await queuedThenRun(monthAhead(), (handle) => [handle.executeUpdate(extendDeadlineUpdate, extension(newDue))]);
      expect(extended).toMatchObject({ dueDate: newDue, status: 'not-due' });
    });

    it('after completion in the same task, the validator refuses with the Vietnamese reason', async () => {
      const [done, extended, paused] = await queuedThenRun(monthAhead(), (handle) => [
        handle.executeUpdate(completeUpdate, { args: [{ by: 'focal@skhcn', evidence: 'Công văn 7/SKHCN' }] }),
        handle.executeUpdate(extendDeadlineUpdate, extension(addCalendarDays(vnDay(Date.now()), 30))),
        handle.executeUpdate(pauseUpdate, { args: [{ by: 'admin', reason: 'x' }] }),
      ]);
      expect(done).toMatchObject({ status: 'completed-on-time' });
      expect((extended as Error).message).toBe('Nhiệm vụ đã hoàn thành, không thể thực hiện thao tác này.');
      expect((paused as Error).message).toBe('Nhiệm vụ đã hoàn thành, không thể thực hiện thao tác này.');
    });

    it('after cancellation in the same task, the validator refuses with the Vietnamese reason', async () => {
      const [cancelled, reassigned] = await queuedThenRun(monthAhead(), (handle) => [
        handle.executeUpdate(cancelUpdate, { args: [{ by: 'admin', reason: 'Nhiệm vụ được bãi bỏ theo Kế hoạch sửa đổi' }] }),
        handle.executeUpdate(reassignUpdate, { args: [{ by: 'admin', toAgency: 'so-tc', reason: 'x' }] }),
      ]);
      expect(cancelled).toMatchObject({ status: 'cancelled', nextReminderAt: null });
      expect((reassigned as Error).message).toBe('Nhiệm vụ đã bị hủy, không thể thực hiện thao tác này.');
    });
  });
});
