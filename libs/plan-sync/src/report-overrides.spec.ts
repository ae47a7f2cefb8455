import { WorkingCalendar } from '@dondoc/calendar';
import type { Plan } from '@dondoc/domain';
import path from 'node:path';

import { reportCatchUpAt } from './report-catch-up';
import { reportDates, reportOverrideProblems, resolveReportCycle } from './report-cycle';
import { reportFires } from './report-schedule';
import { loadSeedCatalog } from './seed-catalog';

// A plan's own per-year deadlines (reporting.overrides in its YAML) move that
// year's request, catch-up and cycle; a date an admin gives still wins.
const catalog = loadSeedCatalog(path.join(__dirname, '..', '..', '..', 'seeds'));
const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
const seeded = catalog.plans.get('kh-ai-2025-2030')!;
const policy = catalog.policyFor(seeded.id);
const plan: Plan = { ...seeded, reporting: { ...seeded.reporting, overrides: { '2027': { unitDeadline: '2027-11-01' }, '2028': { aggregatorDeadline: '2028-12-08' } } } };
const vn = (local: string) => Date.parse(`${local}:00+07:00`);

describe(reportDates.name, () => {
  it('takes the plan’s date for that year only, the other field and the other years as the plan states', () => {
    expect(reportDates(plan, 2027, policy, calendar)).toMatchObject({ unitDeadline: '2027-11-01', aggregatorDeadline: '2027-12-15', requestDay: '2027-10-01' });
    expect(reportDates(plan, 2028, policy, calendar)).toMatchObject({ unitDeadline: '2028-11-15', aggregatorDeadline: '2028-12-08' });
    expect(reportDates(plan, 2029, policy, calendar)).toEqual(reportDates(seeded, 2029, policy, calendar));
  });

  it('lets a date given by the caller win field by field', () => {
    expect(reportDates(plan, 2027, policy, calendar, { aggregatorDeadline: '2027-12-10' })).toMatchObject({ unitDeadline: '2027-11-01', aggregatorDeadline: '2027-12-10' });
    expect(reportDates(plan, 2027, policy, calendar, { unitDeadline: '2027-11-10' })).toMatchObject({ unitDeadline: '2027-11-10', aggregatorDeadline: '2027-12-15' });
  });

  it('finds a unit deadline so early that the request would go out the year before, and an impossible pair', () => {
    expect(reportOverrideProblems(plan, policy, calendar)).toEqual([]);
    const early: Plan = { ...seeded, reporting: { ...seeded.reporting, overrides: { '2027': { unitDeadline: '2027-01-20' }, '2028': { unitDeadline: '2028-12-20' } } } };
    expect(reportOverrideProblems(early, policy, calendar)).toEqual([
      'reporting.overrides.2027: ngày gửi đề nghị báo cáo (2026-12-21, trước hạn của các đơn vị 2027-01-20) rơi vào năm khác; hạn của các đơn vị năm 2027 phải muộn hơn.',
      // Sở KH&CN's 15/12 from the plan is before the moved unit deadline.
      'reporting.overrides.2028: Hạn báo cáo của Sở (2028-12-15) phải sau hạn báo cáo của các đơn vị (2028-12-20).',
    ]);
  });

  it('moves the Schedule’s fire, the catch-up and the cycle the same way', () => {
    expect(reportFires(plan, policy, calendar).find((f) => f.year === 2027)).toEqual({ year: 2027, requestDay: '2027-10-01', at: vn('2027-10-01T08:00') });
    // Between the moved request (01/10) and the plan's (15/10): only the override makes this a catch-up.
    expect(reportCatchUpAt(seeded, policy, calendar, vn('2027-10-05T09:00'))).toBeNull();
    expect(reportCatchUpAt(plan, policy, calendar, vn('2027-10-05T09:00'))).toMatchObject({ year: 2027, requestAt: vn('2027-10-01T08:00') });
    const cycle = resolveReportCycle(catalog, plan, { planId: plan.id, year: 2027 }, calendar);
    expect(cycle).toMatchObject({ unitDeadline: '2027-11-01', aggregatorDeadline: '2027-12-15' });
  });
});
