// Who the task is chasing: acknowledgement (tiếp nhận) and reassignment to a
// successor agency in the middle of the ladder.
import { acknowledgeUpdate, reassignUpdate, searchAttributes, timelineQuery } from '@dondoc/contracts';
import {
  DAY,
  eventually,
  HOUR,
  ladderBetween,
  ladderOf,
  stepsOf,
  useTaskScenario,
  vnTime,
  deadlineMonthAhead,
} from '@dondoc/test-harness';

describe('task workflow: acknowledgement and reassignment (time-skipping)', () => {
  const s = useTaskScenario('assign');

  const monthAhead = () => deadlineMonthAhead(s);

  it('acknowledged before the first notice: before-30d (only until acknowledged) is skipped, the rest still comes', async () => {
    const handle = await s.start(await monthAhead());
    const start = await s.now();
    const due = (await s.state(handle)).dueDate!;
    const answer = await handle.executeUpdate(acknowledgeUpdate, { args: [{ by: 'focal@skhcn' }] });
    expect(answer).toMatchObject({ acknowledged: true, nextReminderStep: 'before-7d' });

    const until = vnTime(due) + 2 * DAY;
    await s.advanceTo(until);
    const expected = ladderBetween(due, start, until).filter((step) => !step.startsWith('before-30d@'));
    expect(stepsOf(s.jobsOf(handle))).toEqual(expected);
    expect((await handle.query(timelineQuery)).filter((e) => e.type === 'acknowledged')).toHaveLength(1);
  });

  it('acknowledged after the first notice: nothing changes for the steps that apply after acknowledgement', async () => {
    const handle = await s.start(await monthAhead());
    const start = await s.now();
    const due = (await s.state(handle)).dueDate!;
    const first = ladderOf(due, 0)[0]!;
    await s.advanceTo(first.at + HOUR);
    await handle.executeUpdate(acknowledgeUpdate, { args: [{ by: 'focal@skhcn' }] });
    await handle.executeUpdate(acknowledgeUpdate, { args: [{ by: 'focal@skhcn' }] }); // twice: recorded once
    const until = vnTime(due) + 2 * DAY;
    await s.advanceTo(until);
    expect(stepsOf(s.jobsOf(handle))).toEqual(ladderBetween(due, start, until));
    expect((await handle.query(timelineQuery)).filter((e) => e.type === 'acknowledged')).toHaveLength(1);
  });

  it('reassigned mid-ladder: later reminders carry the successor agency, the search attribute follows, acknowledgement resets', async () => {
    const handle = await s.start(await monthAhead(), { agencyId: 'so-tttt' });
    const start = await s.now();
    const due = (await s.state(handle)).dueDate!;
    const before7d = ladderOf(due, 0).find((step) => step.stepId === 'before-7d')!;
    await s.advanceTo(before7d.at + HOUR);
    await handle.executeUpdate(acknowledgeUpdate, { args: [{ by: 'focal@sotttt' }] });

    const reassignedAt = await s.now();
    const answer = await handle.executeUpdate(reassignUpdate, {
      args: [{ toAgency: 'so-khcn', reason: 'Sở TT&TT hợp nhất vào Sở KH&CN từ 1/3/2025', by: 'admin@ubnd' }],
    });
    expect(answer).toMatchObject({ agencyId: 'so-khcn', acknowledged: false });
    const agency = await eventually(
      async () => (await handle.describe()).typedSearchAttributes.get(searchAttributes.agency),
      (value) => value === 'so-khcn',
    );
    expect(agency).toBe('so-khcn');

    const until = vnTime(due) + 10 * DAY;
    await s.advanceTo(until);
    const jobs = s.jobsOf(handle);
    expect(stepsOf(jobs)).toEqual(ladderBetween(due, start, until));
    const [earlier, later] = [jobs.filter((j) => j.scheduledFor <= reassignedAt), jobs.filter((j) => j.scheduledFor > reassignedAt)];
    expect(earlier.map((j) => j.stepId)).toEqual(['before-30d', 'before-7d']);
    expect(earlier.every((j) => j.agencyId === 'so-tttt')).toBe(true);
    expect(later.length).toBeGreaterThanOrEqual(3);
    expect(later.every((j) => j.agencyId === 'so-khcn')).toBe(true);
    // The key names the workflow (and so the original agency): a reassignment never re-sends a step.
    expect(new Set(jobs.map((j) => j.idempotencyKey)).size).toBe(jobs.length);
    expect((await s.state(handle)).agencyId).toBe('so-khcn');
    const reassigned = (await handle.query(timelineQuery)).find((e) => e.type === 'reassigned');
    expect(reassigned?.detail).toContain('so-tttt');
  });
});
