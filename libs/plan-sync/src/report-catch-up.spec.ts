import { WorkingCalendar } from '@dondoc/calendar';
import path from 'node:path';

import { reportCatchUpAt } from './report-catch-up';
import { reportDates } from './report-cycle';
import { loadSeedCatalog } from './seed-catalog';

const catalog = loadSeedCatalog(path.join(__dirname, '..', '..', '..', 'seeds'));
const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
const ai = catalog.plans.get('kh-ai-2025-2030')!;
const nq03 = catalog.plans.get('kh-nq03-2025')!;
const vn = (local: string) => Date.parse(`${local}:00+07:00`);
const sut = (now: number, plan = ai, overrides?: Parameters<typeof reportCatchUpAt>[4]) => reportCatchUpAt(plan, catalog.policyFor(plan.id), calendar, now, overrides);

describe(reportCatchUpAt.name, () => {
  it('starts this year’s cycle when its request went out before the Schedule existed (late November 2026)', () => {
    // 2026: units report by 15/11, the request went out Friday 16/10 at 08:00, the cycle closes for the sign-off Thursday 10/12 (three working days before 15/12).
    expect(sut(vn('2026-11-23T09:00'))).toEqual({ year: 2026, requestAt: vn('2026-10-16T08:00'), closesAt: vn('2026-12-10T08:00') });
    // "Theo quy định": request Friday 13/11 for the 14/12 cut-off, Sở KH&CN's report five working days later (21/12), closing Wednesday 16/12.
    expect(sut(vn('2026-11-23T09:00'), nq03)).toEqual({ year: 2026, requestAt: vn('2026-11-13T08:00'), closesAt: vn('2026-12-16T08:00') });
    expect(sut(vn('2026-11-23T09:00'), nq03)?.closesAt).toBe(reportDates(nq03, 2026, catalog.policyFor(nq03.id), calendar).closesAt);
  });

  it('leaves the year to the Schedule before its request moment, to the second', () => {
    expect(sut(vn('2026-03-01T09:00'))).toBeNull();
    expect(sut(vn('2026-10-16T08:00') - 1)).toBeNull();
    expect(sut(vn('2026-10-16T08:00'))?.year).toBe(2026);
  });

  it('starts nothing once the cycle has closed, nor after the plan’s horizon', () => {
    expect(sut(vn('2026-12-10T08:00') - 1)?.year).toBe(2026);
    expect(sut(vn('2026-12-10T08:00'))).toBeNull();
    expect(sut(vn('2026-12-31T16:00'))).toBeNull();
    expect(sut(vn('2031-11-20T09:00'))).toBeNull();
    expect(sut(vn('2026-12-16T08:00'), nq03)).toBeNull();
    // kh-ai-2025-2030 was issued in 10/2024: no 2024 cycle to catch up.
    expect(sut(vn('2024-11-20T09:00'))).toBeNull();
    expect(sut(vn('2025-11-20T09:00'))?.year).toBe(2025);
  });

  it('reads the year and the request day from the per-year overrides', () => {
    const overrides = { overrides: { '2026': { unitDeadline: '2026-12-20', aggregatorDeadline: '2026-12-30' } } };
    // Units by 20/12 instead: the request is Friday 20/11, so nothing yet on the 19th; the cycle closes on 25/12 (three working days before 30/12).
    expect(sut(vn('2026-11-19T09:00'), ai, overrides)).toBeNull();
    expect(sut(vn('2026-12-20T09:00'), ai, overrides)).toEqual({ year: 2026, requestAt: vn('2026-11-20T08:00'), closesAt: vn('2026-12-25T08:00') });
    // 31/12 at 23:30 in Vietnam is already 2027 there, whatever UTC says.
    expect(sut(Date.parse('2026-12-31T17:30:00Z'))).toBeNull();
  });
});
