import { WorkingCalendar } from '@dondoc/calendar';
import { catchUpSpacingEnd, deferredSteps } from './catch-up-spacing';
import type { EscalationPolicy } from './escalation-policy';
import { buildLadder } from './ladder';
import { vietnamInstant } from './working-calendar';

const focal = [{ role: 'focal', channels: ['email'] }] as const;
const policy: EscalationPolicy = {
  id: 'spec',
  sendAt: '08:00',
  before: [],
  onDueDate: null,
  after: [
    { id: 'overdue-5wd', workingDaysAfter: 5, recipients: focal, onlyUntilAcknowledged: false },
    { id: 'overdue-6wd', workingDaysAfter: 6, recipients: focal, onlyUntilAcknowledged: false },
    { id: 'overdue-15wd', workingDaysAfter: 15, recipients: focal, onlyUntilAcknowledged: false },
  ],
  repeat: null,
  guidanceLeadDays: 60,
};
const calendar = new WorkingCalendar();

describe(catchUpSpacingEnd.name, () => {
  it('is the send time of the next working day (a Friday catch-up: Monday 08:00)', () => {
    expect(catchUpSpacingEnd(vietnamInstant('2026-12-04', '07:58'), calendar, policy)).toBe(vietnamInstant('2026-12-07', '08:00'));
    expect(catchUpSpacingEnd(vietnamInstant('2026-12-08', '16:00'), calendar, policy)).toBe(vietnamInstant('2026-12-09', '08:00'));
  });
});

describe(deferredSteps.name, () => {
  it('sends only the latest step held back, and everything after the hold as usual', () => {
    const ladder = buildLadder('2026-11-02', policy, calendar, 0);
    const ids = (steps: readonly { stepId: string }[]) => steps.map((s) => s.stepId);
    const afterSixth = ladder[1]!.at + 1;
    expect(ids(deferredSteps(ladder, afterSixth).send)).toEqual(['overdue-6wd', 'overdue-15wd']);
    expect(ids(deferredSteps(ladder, afterSixth).superseded)).toEqual(['overdue-5wd']);
    expect(deferredSteps(ladder, 0)).toEqual({ send: ladder, superseded: [] });
  });
});
