import { WorkingCalendar } from '@dondoc/calendar';
import type { TaskReport } from '@dondoc/contracts';
import type { ReportSubmission } from '@dondoc/db';
import { loadSeedCatalog, reportTaskLeads, resolveReportCycle } from '@dondoc/plan-sync';
import path from 'node:path';

import { consolidate } from './consolidation';

// kh-ai-2025-2030 names Kon Tum's departments; since the 2025 merger their
// successors in Quảng Ngãi report. Task 4 is led by Sở GD&ĐT (so-gd-dt, now
// so-gd-dt-qng) with Sở KH&CN coordinating: the lead's report decides.
const catalog = loadSeedCatalog(path.join(__dirname, '..', '..', '..', 'seeds'));
const plan = catalog.plans.get('kh-ai-2025-2030')!;
const cycle = resolveReportCycle(catalog, { planId: plan.id, year: 2026 }, new WorkingCalendar({ overrides: catalog.calendarOverrides }));
const leads = reportTaskLeads(plan, catalog.index, cycle.unitDeadline);

const item = (taskId: string, status: TaskReport['status'], percent: number): TaskReport => ({ taskId, status, percent, results: `${status} ${percent}`, evidence: [], difficulties: '', proposals: '' });
const submission = (agencyId: string, tasks: TaskReport[]): ReportSubmission => ({
  id: agencyId,
  planId: plan.id,
  year: 2026,
  cycleKey: '2026',
  agencyId,
  revision: 1,
  status: 'submitted',
  payload: { tasks, indicators: [], summary: '' } as unknown as ReportSubmission['payload'],
  submittedBy: 'x',
  submittedAt: new Date(0),
  reviewedBy: null,
  reviewedAt: null,
  reviewComment: null,
});

describe(consolidate.name, () => {
  it('recognises the successor of a merged lead agency: its status and percent decide, not the coordinator', () => {
    expect(plan.groups.flatMap((g) => g.tasks).find((t) => t.id === '4')?.lead.agencies).toEqual(['so-gd-dt']);
    expect([...leads.get('4')!]).toEqual(['so-gd-dt-qng']);
    const sut = consolidate(cycle, plan, leads, [], [submission('so-gd-dt-qng', [item('4', 'done', 100)]), submission('so-khcn-qng', [item('4', 'late', 30), item('5', 'late', 40)])], Date.UTC(2026, 11, 1));
    const task4 = sut.tasks.find((t) => t.taskId === '4')!;
    expect(task4.reports.map((r) => [r.agencyId, r.role])).toEqual([
      ['so-khcn-qng', 'coordinator'],
      ['so-gd-dt-qng', 'lead'],
    ]);
    expect(task4).toMatchObject({ outcome: 'done', percent: 100 });
    // Task 5 (Sở Công Thương leads): only the coordinator reported, so its report stands in.
    expect(sut.tasks.find((t) => t.taskId === '5')).toMatchObject({ outcome: 'late', percent: 40, reports: [{ agencyId: 'so-khcn-qng', role: 'coordinator' }] });
  });

  it('counts each member of a collective lead as a lead', () => {
    // Task 1 of kh-nq03-2025 is led by a collective cell; every resolved member leads.
    const nq03 = catalog.plans.get('kh-nq03-2025')!;
    const nq03Cycle = resolveReportCycle(catalog, { planId: nq03.id, year: 2026 }, new WorkingCalendar({ overrides: catalog.calendarOverrides }));
    const nq03Leads = reportTaskLeads(nq03, catalog.index, nq03Cycle.unitDeadline);
    const collective = nq03.groups.flatMap((g) => g.tasks).find((t) => nq03Leads.get(t.id)!.size > 1 && t.lead.agencies.every((id) => !nq03Leads.get(t.id)!.has(id)))!;
    const [first, second] = [...nq03Leads.get(collective.id)!];
    const sut = consolidate(nq03Cycle, nq03, nq03Leads, [], [submission(first!, [item(collective.id, 'done', 100)]), submission(second!, [item(collective.id, 'on-track', 50)])], Date.UTC(2026, 11, 1));
    expect(sut.tasks.find((t) => t.taskId === collective.id)).toMatchObject({ outcome: 'on-track', percent: 75, reports: [{ role: 'lead' }, { role: 'lead' }] });
  });
});
