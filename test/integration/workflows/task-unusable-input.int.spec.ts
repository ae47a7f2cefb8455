// Issue 12 §10: one guidance signal dated 1288-08-02 threw `RangeError: calendar
// year 1288 is outside 2021–2199` on every workflow task of the tasks that got it,
// so they answered no query and sent nothing ever again. Now the workflow notes
// such input in its timeline and ignores it; Updates with such dates are refused.
import { extendDeadlineUpdate, guidanceIssuedSignal, revisePlanTaskUpdate, timelineQuery } from '@dondoc/contracts';
import { addCalendarDays } from '@dondoc/policy';
import { DAY, eventually, HOUR, ladderOf, rejectionOf, useTaskScenario, vnDay } from '@dondoc/test-harness';

describe('task workflow: input it cannot work with (time-skipping)', () => {
  const s = useTaskScenario('unusable');

  const UNUSABLE_DATES = ['1288-08-02', '0070-01-01', '0600-06-15', '1585-03-01', '1826-12-31', '2026-02-30', 'hôm nay', '2199-12-01'];

  it('a task waiting for guidance notes each unusable guidance date, still answers, and is released and reminded by a good one', async () => {
    const handle = await s.start('Sau khi có văn bản hướng dẫn của Trung ương');
    for (const [i, date] of UNUSABLE_DATES.entries()) {
      await handle.signal(guidanceIssuedSignal, { documentNumber: `${i + 1}/TT-BKHCN`, date, issuer: 'Bộ KH&CN' });
    }
    const refused = await eventually(
      async () => (await handle.query(timelineQuery)).filter((e) => e.type === 'input-refused'),
      (events) => events.length === UNUSABLE_DATES.length,
    );
    expect(refused.map((e) => e.detail)).toEqual([
      'Bỏ qua văn bản hướng dẫn 1/TT-BKHCN ngày "1288-08-02": Năm 1288 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).',
      'Bỏ qua văn bản hướng dẫn 2/TT-BKHCN ngày "0070-01-01": Năm 70 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).',
      'Bỏ qua văn bản hướng dẫn 3/TT-BKHCN ngày "0600-06-15": Năm 600 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).',
      'Bỏ qua văn bản hướng dẫn 4/TT-BKHCN ngày "1585-03-01": Năm 1585 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).',
      'Bỏ qua văn bản hướng dẫn 5/TT-BKHCN ngày "1826-12-31": Năm 1826 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).',
      'Bỏ qua văn bản hướng dẫn 6/TT-BKHCN ngày "2026-02-30": Ngày 2026-02-30 không tồn tại.',
      'Bỏ qua văn bản hướng dẫn 7/TT-BKHCN ngày "hôm nay": Ngày phải có dạng YYYY-MM-DD.',
      // Valid, but its due date (60 days on) lies beyond the calendar.
      'Bỏ qua văn bản hướng dẫn 8/TT-BKHCN ngày "2199-12-01": ngày nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199)',
    ]);
    expect(await s.state(handle)).toMatchObject({ status: 'waiting-trigger', dueDate: null });

    const date = vnDay(await s.now());
    const due = addCalendarDays(date, 60);
    await handle.signal(guidanceIssuedSignal, { documentNumber: '15/2027/TT-BKHCN', date, issuer: 'Bộ KH&CN' });
    expect(await eventually(() => s.state(handle), (state) => state.dueDate !== null)).toMatchObject({ dueDate: due, nextReminderStep: 'before-30d' });
    const first = ladderOf(due, 0)[0]!;
    await s.advanceTo(first.at + HOUR);
    expect(s.jobsOf(handle)).toEqual([expect.objectContaining({ stepId: 'before-30d', idempotencyKey: `${handle.workflowId}|${due}|before-30d` })]);
  });

  it('a running task refuses an extension or a revised deadline outside the calendar, and goes on reminding', async () => {
    const [y, m] = vnDay((await s.now()) + 60 * DAY).split('-').map(Number) as [number, number];
    const handle = await s.start(`${m}/${y}`);
    const due = (await s.state(handle)).dueDate!;
    const extension = (newDue: string) => ({ args: [{ newDue, reason: 'x', approvedBy: 'pgd' }] as [{ newDue: string; reason: string; approvedBy: string }] });
    expect(await rejectionOf(handle.executeUpdate(extendDeadlineUpdate, extension('1288-08-02')))).toBe('Ngày gia hạn 1288-08-02: Năm 1288 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).');
    const revision = { by: 'import', taskName: 'x', reason: 'v2', deadline: { kind: 'month' as const, raw: '1/2300', year: 2300, month: 1 } };
    expect(await rejectionOf(handle.executeUpdate(revisePlanTaskUpdate, { args: [revision] }))).toBe(
      'Thời hạn "1/2300" không dùng được: ngày nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199)',
    );
    const first = ladderOf(due, 0)[0]!;
    await s.advanceTo(first.at + HOUR);
    expect(s.jobsOf(handle).map((j) => j.stepId)).toEqual([first.stepId]);
    expect(await s.state(handle)).toMatchObject({ dueDate: due, status: 'active' });
  });
});
