// Confirmed completion (issue 13 §1): the agency proposes, Sở KH&CN confirms (the
// completion date is the proposal's) or returns it (the ladder resumes where it
// stood); a plan with `completion: self` takes the agency's word at once.
import {
  confirmCompletionUpdate,
  extendDeadlineUpdate,
  proposeCompletionUpdate,
  returnCompletionUpdate,
  searchAttributes,
  timelineQuery,
} from '@dondoc/contracts';
import { addCalendarDays, calendarDaysBetween } from '@dondoc/policy';
import { DAY, HOUR, ladderBetween, ladderOf, rejectionOf, stepsOf, useTaskScenario, vnDay } from '@dondoc/test-harness';

describe('task workflow: proposed, confirmed and returned completion (time-skipping)', () => {
  const s = useTaskScenario('completion');

  /** A month deadline about five months ahead: the whole ladder lies in the future. */
  async function startAhead(overrides = {}) {
    const [y, m] = vnDay((await s.now()) + 150 * DAY).split('-').map(Number) as [number, number];
    const handle = await s.start(`${m}/${y}`, overrides);
    const start = await s.now();
    const due = (await s.state(handle)).dueDate!;
    const ladder = ladderOf(due, start + 400 * DAY);
    const at = (stepId: string) => ladder.find((step) => step.stepId === stepId)!.at;
    return { handle, start, due, at };
  }
  const propose = { args: [{ by: 'focal@soyte', result: 'Đã ban hành Kế hoạch số 12/KH-SYT', evidence: 'Công văn 45/SYT' }] as [{ by: string; result: string; evidence: string }] };
  const review = (comment: string) => ({ args: [{ by: 'admin@skhcn', comment }] as [{ by: string; comment: string }] });

  it('proposed on time and confirmed after the due date: completed on time, on the day of the proposal', async () => {
    const { handle, start, due, at } = await startAhead();
    await s.advanceTo(at('before-7d') + HOUR);
    const proposedOn = vnDay(await s.now());
    const proposed = await handle.executeUpdate(proposeCompletionUpdate, propose);
    expect(proposed).toMatchObject({ status: 'proposed', nextReminderAt: null, proposal: { on: proposedOn, dueDate: due, daysLate: 0, result: 'Đã ban hành Kế hoạch số 12/KH-SYT' } });

    // Sở KH&CN takes its time: the due date and the first escalations pass without a reminder.
    await s.advanceTo(at('overdue-5wd') + HOUR);
    expect(stepsOf(s.jobsOf(handle))).toEqual(ladderBetween(due, start, at('before-7d')));
    expect(await s.state(handle)).toMatchObject({ status: 'proposed' });
    const attributes = (await handle.describe()).typedSearchAttributes;
    expect([attributes.get(searchAttributes.status), attributes.get(searchAttributes.daysOverdue)]).toEqual(['proposed', 0]);

    const confirmed = await handle.executeUpdate(confirmCompletionUpdate, review('Đủ minh chứng'));
    expect(confirmed).toMatchObject({ status: 'completed-on-time', completion: { on: proposedOn, dueDate: due, daysLate: 0, by: 'focal@soyte', confirmedBy: 'admin@skhcn' } });
    expect(await handle.result()).toMatchObject({ status: 'completed-on-time' });
    const skipped = (await handle.query(timelineQuery)).filter((e) => e.type === 'reminder-skipped').map((e) => e.stepId);
    expect(skipped).toEqual(ladderBetween(due, at('before-7d'), at('overdue-5wd')).map((step) => step.split('@')[0]));
    expect((await handle.describe()).typedSearchAttributes.get(searchAttributes.status)).toBe('completed-on-time');
  });

  it('proposed after the due date: completed late by the days from the due date to the proposal, whenever it is confirmed', async () => {
    const { handle, due, at } = await startAhead();
    await s.advanceTo(at('overdue-1wd') + 9 * DAY);
    const proposedOn = vnDay(await s.now());
    const daysLate = calendarDaysBetween(due, proposedOn);
    expect(daysLate).toBeGreaterThan(9);
    expect(await handle.executeUpdate(proposeCompletionUpdate, propose)).toMatchObject({ status: 'proposed', proposal: { daysLate } });
    expect((await handle.describe()).typedSearchAttributes.get(searchAttributes.daysOverdue)).toBe(daysLate);

    await s.advanceTo((await s.now()) + 6 * DAY);
    const confirmed = await handle.executeUpdate(confirmCompletionUpdate, review(''));
    expect(confirmed).toMatchObject({ status: 'completed-late', completion: { on: proposedOn, daysLate } });
    const closed = (await handle.describe()).typedSearchAttributes;
    expect([closed.get(searchAttributes.status), closed.get(searchAttributes.daysOverdue)]).toEqual(['completed-late', daysLate]);
    const timeline = (await handle.query(timelineQuery)).map((e) => e.detail);
    expect(timeline).toContainEqual(expect.stringContaining(`Xác nhận hoàn thành quá hạn ${daysLate} ngày, ngày hoàn thành ${proposedOn}`));
  });

  it('a returned proposal resumes the ladder where it stood: the steps meanwhile skipped, the next one at its time', async () => {
    const { handle, start, due, at } = await startAhead();
    await s.advanceTo(at('before-7d') + HOUR);
    const proposedAt = await s.now();
    await handle.executeUpdate(proposeCompletionUpdate, propose);
    await s.advanceTo(at('overdue-1wd') + HOUR);
    const returnedAt = await s.now();
    const returned = await handle.executeUpdate(returnCompletionUpdate, review('Thiếu quyết định phê duyệt'));
    const next = ladderOf(due, returnedAt + 400 * DAY).find((step) => step.at > returnedAt)!;
    expect(returned).toMatchObject({ status: 'overdue', proposal: null, completion: null, nextReminderStep: next.stepId, nextReminderAt: next.at });

    const until = at('overdue-15wd') + HOUR;
    await s.advanceTo(until);
    const sent = s.jobsOf(handle);
    expect(stepsOf(sent)).toEqual([...ladderBetween(due, start, proposedAt), ...ladderBetween(due, returnedAt, until)]);
    expect(sent.map((j) => j.stepId)).toEqual(expect.arrayContaining(['overdue-5wd', 'overdue-15wd']));
    const timeline = await handle.query(timelineQuery);
    expect(timeline.find((e) => e.type === 'completion-returned')?.detail).toBe('Trả lại đề nghị hoàn thành: Thiếu quyết định phê duyệt (admin@skhcn); tiếp tục nhắc việc');
    // Proposing again after the return is the agency's right.
    expect(await handle.executeUpdate(proposeCompletionUpdate, propose)).toMatchObject({ status: 'proposed' });
  });

  it('completion: self completes at once, on the day of the proposal, with nobody to confirm it', async () => {
    const { handle, due, at } = await startAhead({ completion: 'self' });
    await s.advanceTo(at('before-30d') + HOUR);
    const today = vnDay(await s.now());
    const done = await handle.executeUpdate(proposeCompletionUpdate, propose);
    expect(done).toMatchObject({ status: 'completed-on-time', completionMode: 'self', proposal: null, completion: { on: today, dueDate: due, daysLate: 0, confirmedBy: null } });
    expect(await handle.result()).toMatchObject({ status: 'completed-on-time' });
    expect((await handle.query(timelineQuery)).map((e) => e.type)).not.toContain('completion-proposed');
  });

  it('refuses what the state does not allow, with the reason in Vietnamese', async () => {
    const { handle, at } = await startAhead();
    expect(await rejectionOf(handle.executeUpdate(confirmCompletionUpdate, review('')))).toBe('Không có đề nghị hoàn thành nào đang chờ xác nhận.');
    expect(await rejectionOf(handle.executeUpdate(returnCompletionUpdate, review('x')))).toBe('Không có đề nghị hoàn thành nào đang chờ xác nhận.');
    expect(await rejectionOf(handle.executeUpdate(proposeCompletionUpdate, { args: [{ by: 'a', result: ' ', evidence: 'CV 1' }] }))).toBe('Cần kết quả thực hiện.');
    await s.advanceTo(at('before-30d') + HOUR);
    await handle.executeUpdate(proposeCompletionUpdate, propose);
    expect(await rejectionOf(handle.executeUpdate(proposeCompletionUpdate, propose))).toBe('Đã có đề nghị hoàn thành đang chờ Sở KH&CN xác nhận.');
    expect(await rejectionOf(handle.executeUpdate(returnCompletionUpdate, review(' ')))).toBe('Cần nêu nội dung cần bổ sung khi trả lại đề nghị hoàn thành.');
    const extension = { args: [{ newDue: addCalendarDays(vnDay(await s.now()), 200), reason: 'x', approvedBy: 'pgd' }] as [{ newDue: string; reason: string; approvedBy: string }] };
    expect(await rejectionOf(handle.executeUpdate(extendDeadlineUpdate, extension))).toBe(
      'Nhiệm vụ đang chờ Sở KH&CN xác nhận đề nghị hoàn thành; cần xác nhận hoặc trả lại đề nghị trước.',
    );
  });
});
