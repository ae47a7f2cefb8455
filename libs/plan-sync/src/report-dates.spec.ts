import { WorkingCalendar } from '@dondoc/calendar';
import type { Plan } from '@dondoc/domain';
import { parsePlanSource } from '@dondoc/schemas';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { datesFor, reportDates, resolveReportCycle, signOffWorkingDays } from './report-cycle';
import { loadSeedCatalog } from './seed-catalog';

const catalog = loadSeedCatalog(path.join(__dirname, '..', '..', '..', 'seeds'));
const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
const ai = catalog.plans.get('kh-ai-2025-2030')!;
const policy = catalog.policyFor(ai.id);
const vn = (local: string) => Date.parse(`${local}:00+07:00`);

describe('report cycle dates with the sign-off', () => {
  it('closes three working days before Sở KH&CN’s deadline and asks its head the morning of the last day it can go out', () => {
    // kh-ai 2026: Sở KH&CN reports before Tuesday 15/12.
    expect(reportDates(ai, 2026, policy, calendar)).toMatchObject({ unitDeadline: '2026-11-15', aggregatorDeadline: '2026-12-15', closesAt: vn('2026-12-10T08:00'), approvalDueAt: vn('2026-12-14T08:00') });
  });

  it('takes the number of working days from the plan, else from the policy', () => {
    const plan: Plan = { ...ai, reporting: { ...ai.reporting, signOffWorkingDays: 5 } };
    expect(signOffWorkingDays(plan, policy)).toBe(5);
    expect(reportDates(plan, 2026, policy, calendar).closesAt).toBe(vn('2026-12-08T08:00'));
    const strict = { ...policy, reports: { signOffWorkingDays: 2 } };
    expect(signOffWorkingDays(ai, strict)).toBe(2);
    expect(reportDates(ai, 2026, strict, calendar).closesAt).toBe(vn('2026-12-11T08:00'));
    expect(signOffWorkingDays(ai, policy)).toBe(3);
  });

  it('reads the plan’s own number of working days from its YAML, and places a bad one', () => {
    const text = readFileSync(path.join(__dirname, '..', '..', '..', 'seeds', 'plans', 'kh-ai-2025-2030.yaml'), 'utf8');
    const withDays = (days: number) => text.replace('  aggregatorDeadline: { day: 15, month: 12 }\n', `  aggregatorDeadline: { day: 15, month: 12 }\n  signOffWorkingDays: ${days}\n`);
    expect(parsePlanSource({ file: 'kh.yaml', text: withDays(5) }).value?.reporting.signOffWorkingDays).toBe(5);
    const bad = parsePlanSource({ file: 'kh.yaml', text: withDays(0) });
    expect(bad.value).toBeUndefined();
    expect(bad.diagnostics.map((d) => `${d.path}: ${d.message}`)).toEqual([expect.stringMatching(/^reporting\.signOffWorkingDays: .*cần ít nhất 1 ngày làm việc/)]);
  });

  it('never closes before offices close on the unit deadline (a deadline of today holds until 17:00)', () => {
    // Ad-hoc, asked Friday 04/12/2026 for today, Sở KH&CN by Monday 07/12: three working days before that is already past.
    const dates = datesFor('2026-12-04', '2026-12-07', 0, policy, calendar);
    expect(dates.closesAt).toBe(vn('2026-12-04T17:00'));
    // The head is told on the morning of the deadline itself, after the close.
    expect(dates.approvalDueAt).toBe(vn('2026-12-07T08:00'));
  });

  it('keeps the plan version it was resolved from', () => {
    expect(resolveReportCycle(catalog, ai, { planId: ai.id, year: 2026 }, calendar, 4)).toMatchObject({ planVersion: 4, closesAt: vn('2026-12-10T08:00'), approvalDueAt: vn('2026-12-14T08:00') });
    expect(() => resolveReportCycle(catalog, ai, { planId: 'kh-khac', year: 2026 }, calendar)).toThrow('Kế hoạch "kh-ai-2025-2030" không phải kế hoạch của yêu cầu (kh-khac).');
  });
});
