// Agency merges at the task workflow: a task waiting for central guidance that
// moves to another agency shows it in lists at once; and where the successor
// already runs the same task, the successor's workflow takes the moved one's
// history and progress and the moved one closes, pointing at it, and sends
// nothing more: one open workflow per task and successor.
import { absorbMergedTaskUpdate, closeAsMergedUpdate, CONTINUES_IN_MEMO, reassignUpdate, reportProgressUpdate, searchAttributes, timelineQuery } from '@dondoc/contracts';
import { DAY, deadlineMonthAhead, eventually, HOUR, ladderOf, rejectionOf, useTaskScenario, vnTime } from '@dondoc/test-harness';

describe('task workflow: agency merges (time-skipping)', () => {
  const s = useTaskScenario('merge');

  it('a task waiting for its trigger, reassigned, carries the new agency in its search attribute (lists show it)', async () => {
    const handle = await s.start('Khi Trung ương ban hành', { agencyId: 'so-ngoai-vu' });
    expect((await s.state(handle)).status).toBe('waiting-trigger');
    await handle.executeUpdate(reassignUpdate, { args: [{ toAgency: 'van-phong-ubnd-tinh-qng', reason: 'Sáp nhập', by: 'admin' }] });
    const agency = await eventually(
      async () => (await handle.describe()).typedSearchAttributes.get(searchAttributes.agency),
      (value) => value === 'van-phong-ubnd-tinh-qng',
    );
    expect(agency).toBe('van-phong-ubnd-tinh-qng');
  });

  it('the successor’s workflow absorbs the moved one, which closes with a pointer and reminds no more', async () => {
    const deadline = await deadlineMonthAhead(s);
    const moved = await s.start(deadline, { taskId: 'II.8', agencyId: 'so-ngoai-vu' });
    const kept = await s.start(deadline, { taskId: 'II.8', agencyId: 'van-phong-ubnd-tinh-qng' });
    const due = (await s.state(moved)).dueDate!;
    const before7d = ladderOf(due, 0).find((step) => step.stepId === 'before-7d')!;
    await s.advanceTo(before7d.at + HOUR);
    await moved.executeUpdate(reportProgressUpdate, { args: [{ by: 'focal@songoaivu', percent: 40, note: 'Đã dự thảo' }] });

    const movedTimeline = await moved.query(timelineQuery);
    const reason = 'Sáp nhập Sở Ngoại vụ vào Văn phòng UBND tỉnh từ ngày 2026-12-01';
    const absorbed = await kept.executeUpdate(absorbMergedTaskUpdate, {
      args: [{ workflowId: moved.workflowId, agencyId: 'so-ngoai-vu', reason, timeline: movedTimeline, progressPercent: 40, by: 'admin' }],
    });
    expect(absorbed).toMatchObject({ progressPercent: 40, status: 'active' });
    const closed = await moved.executeUpdate(closeAsMergedUpdate, { args: [{ continuesIn: kept.workflowId, toAgency: 'van-phong-ubnd-tinh-qng', reason, by: 'admin' }] });
    expect(closed).toMatchObject({ status: 'merged', continuesIn: kept.workflowId, nextReminderAt: null });
    expect(await moved.result()).toMatchObject({ status: 'merged', continuesIn: kept.workflowId });
    const description = await moved.describe();
    expect(description.memo?.[CONTINUES_IN_MEMO]).toBe(kept.workflowId);
    expect(description.typedSearchAttributes.get(searchAttributes.status)).toBe('merged');

    const timeline = await kept.query(timelineQuery);
    expect(timeline.find((e) => e.type === 'merged-in')?.detail).toContain(moved.workflowId);
    expect(timeline.filter((e) => e.detail.startsWith('[so-ngoai-vu] ')).map((e) => e.type)).toEqual(movedTimeline.map((e) => e.type));
    expect(timeline.map((e) => e.at)).toEqual([...timeline.map((e) => e.at)].sort((a, b) => a - b));
    expect((await moved.query(timelineQuery)).at(-1)).toMatchObject({ type: 'merged-away', detail: expect.stringContaining(kept.workflowId) });

    // From now on only the successor's workflow reminds.
    const movedJobs = s.jobsOf(moved).length;
    await s.advanceTo(vnTime(due) + 10 * DAY);
    expect(s.jobsOf(moved)).toHaveLength(movedJobs);
    expect(s.jobsOf(kept).filter((j) => j.scheduledFor > before7d.at + HOUR).length).toBeGreaterThanOrEqual(3);
    expect(await rejectionOf(kept.executeUpdate(absorbMergedTaskUpdate, { args: [{ workflowId: kept.workflowId, agencyId: 'x', reason: 'x', timeline: [], progressPercent: null, by: 'a' }] }))).toContain('Cần nhiệm vụ khác');
  });
});
