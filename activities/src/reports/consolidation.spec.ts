import { WorkingCalendar } from '@dondoc/calendar';
import type { AgencyReportState, AgencyReportStatus, TaskReport } from '@dondoc/contracts';
import type { ReportSubmission } from '@dondoc/db';
import { loadSeedCatalog, reportTaskLeads, resolveReportCycle } from '@dondoc/plan-sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import path from 'node:path';

import { consolidate } from './consolidation';
import { renderDocx } from './docx-report';
import { renderXlsx, XLSX_SHEETS } from './xlsx-report';

// kh-ai-2025-2030 names Kon Tum's departments; since the 2025 merger their
// successors in Quảng Ngãi report. Task 4 is led by Sở GD&ĐT (so-gd-dt, now
// so-gd-dt-qng) with Sở KH&CN coordinating: the lead's report decides.
const catalog = loadSeedCatalog(path.join(__dirname, '..', '..', '..', 'seeds'));
const plan = catalog.plans.get('kh-ai-2025-2030')!;
const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
const cycle = resolveReportCycle(catalog, plan, { planId: plan.id, year: 2026 }, calendar);
const leads = reportTaskLeads(plan, catalog.index, cycle.unitDeadline);
const AT = Date.parse('2026-12-04T09:30:00+07:00');

const item = (taskId: string, status: TaskReport['status'], percent: number): TaskReport => ({ taskId, status, percent, results: `${status} ${percent}`, evidence: [], difficulties: '', proposals: '' });
const submission = (agencyId: string, tasks: TaskReport[], status: ReportSubmission['status'] = 'submitted', summary = ''): ReportSubmission => ({
  id: `${agencyId}-1`,
  planId: plan.id,
  year: 2026,
  cycleKey: '2026',
  agencyId,
  revision: 1,
  status,
  payload: { tasks, indicators: [], summary } as unknown as ReportSubmission['payload'],
  submittedBy: 'x',
  submittedAt: new Date(0),
  reviewedBy: null,
  reviewedAt: null,
  reviewComment: null,
});
/** An agency's workflow state as the cycle holds it. */
const state = (agencyId: string, status: AgencyReportStatus, extra: Partial<AgencyReportState> = {}): AgencyReportState => ({
  workflowId: `report/${plan.id}/2026/${agencyId}`,
  agencyId,
  agencyName: agencyId,
  status,
  submissionId: status === 'requested' || status === 'missing' ? null : `${agencyId}-1`,
  revision: status === 'requested' || status === 'missing' ? null : 1,
  firstSubmittedAt: status === 'requested' || status === 'missing' ? null : AT - 86_400_000,
  lastSubmittedAt: null,
  late: false,
  dueDate: cycle.unitDeadline,
  requestedAt: AT - 10 * 86_400_000,
  returns: status === 'returned' ? 1 : 0,
  remindersSent: 1,
  nextReminderAt: null,
  closed: false,
  ...extra,
});
/** Every task of the agency's scope, on track. */
const fullReport = (agencyId: string) => cycle.agencies.find((a) => a.agencyId === agencyId)!.taskIds.map((taskId) => item(taskId, 'on-track', 50));

describe(consolidate.name, () => {
  it('recognises the successor of a merged lead agency: its status and percent decide, not the coordinator', () => {
    expect(plan.groups.flatMap((g) => g.tasks).find((t) => t.id === '4')?.lead.agencies).toEqual(['so-gd-dt']);
    expect([...leads.get('4')!]).toEqual(['so-gd-dt-qng']);
    const sut = consolidate(cycle, plan, leads, [], [submission('so-gd-dt-qng', [item('4', 'done', 100)]), submission('so-khcn-qng', [item('4', 'late', 30), item('5', 'late', 40)])], AT);
    const task4 = sut.tasks.find((t) => t.taskId === '4')!;
    expect(task4.reports.map((r) => [r.agencyId, r.role])).toEqual([
      ['so-khcn-qng', 'coordinator'],
      ['so-gd-dt-qng', 'lead'],
    ]);
    expect(task4).toMatchObject({ outcome: 'done', percent: 100, leadReported: true });
  });

  it('issue 12 §12: a lead that has not reported is shown as such, with the partners’ answers beside it, never borrowed', () => {
    // Task 5: Sở Công Thương leads and has not reported; Sở KH&CN, a partner, says "late, 40 %".
    expect(leads.get('5')!.has('so-khcn-qng')).toBe(false);
    const sut = consolidate(cycle, plan, leads, [], [submission('so-khcn-qng', [item('4', 'late', 30), item('5', 'late', 40)])], AT);
    const task5 = sut.tasks.find((t) => t.taskId === '5')!;
    expect(task5).toMatchObject({ outcome: 'no-report', percent: null, leadReported: false, reports: [{ agencyId: 'so-khcn-qng', role: 'coordinator', status: 'late', percent: 40 }] });
    expect(sut.totals['no-report']).toBe(sut.tasks.filter((t) => !t.leadReported).length);
  });

  it('counts each member of a collective lead as a lead', () => {
    // Task 1 of kh-nq03-2025 is led by a collective cell; every resolved member leads.
    const nq03 = catalog.plans.get('kh-nq03-2025')!;
    const nq03Cycle = resolveReportCycle(catalog, nq03, { planId: nq03.id, year: 2026 }, calendar);
    const nq03Leads = reportTaskLeads(nq03, catalog.index, nq03Cycle.unitDeadline);
    const collective = nq03.groups.flatMap((g) => g.tasks).find((t) => nq03Leads.get(t.id)!.size > 1 && t.lead.agencies.every((id) => !nq03Leads.get(t.id)!.has(id)))!;
    const [first, second] = [...nq03Leads.get(collective.id)!];
    const sut = consolidate(nq03Cycle, nq03, nq03Leads, [], [submission(first!, [item(collective.id, 'done', 100)]), submission(second!, [item(collective.id, 'on-track', 50)])], AT);
    expect(sut.tasks.find((t) => t.taskId === collective.id)).toMatchObject({ outcome: 'on-track', percent: 75, reports: [{ role: 'lead' }, { role: 'lead' }] });
  });
});

describe('issue 12 §1: the consolidation counts each agency as its report stands at generation time', () => {
  // The 2026 cycle of kh-ai-2025-2030: 19 agencies, 3 submitted, 2 accepted, 1 returned and not sent again.
  const [first, second, returned] = cycle.agencies.map((a) => a.agencyId);
  const states = cycle.agencies.map((a) => {
    if (a.agencyId === first || a.agencyId === second) return state(a.agencyId, 'accepted');
    if (a.agencyId === returned) return state(a.agencyId, 'returned');
    return state(a.agencyId, 'requested');
  });
  const submissions = [submission(first!, fullReport(first!)), submission(second!, fullReport(second!)), submission(returned!, fullReport(returned!), 'returned')];
  const sut = consolidate(cycle, plan, leads, states, submissions, AT);

  it('says 2 accepted, 1 returned, 16 not submitted, and lists the 16 as missing', () => {
    expect(cycle.agencies).toHaveLength(19);
    expect(sut.standing).toEqual({ accepted: 2, submitted: 0, returned: 1, notSubmitted: 16, late: 0, total: 19 });
    expect(sut.missingAgencies).toHaveLength(16);
    expect(sut.returnedAgencies.map((a) => a.agencyId)).toEqual([returned]);
    expect(sut.lateAgencies).toEqual([]);
    // The unit deadline (15/11) has passed: those who have sent nothing are overdue.
    expect(sut.missingAgencies.every((a) => a.overdue && a.standingLabel === 'Chưa gửi báo cáo (quá hạn 15/11/2026)')).toBe(true);
  });

  it('does not count a returned report’s answers', () => {
    const ofReturned = sut.tasks.flatMap((t) => t.reports).filter((r) => r.agencyId === returned);
    expect(ofReturned).toEqual([]);
    expect(sut.agencies.find((a) => a.agencyId === returned)!.counts['no-report']).toBe(cycle.agencies.find((a) => a.agencyId === returned)!.taskIds.length);
  });

  it('marks itself provisional while the cycle is open, and final once every agency has closed', () => {
    expect(sut).toMatchObject({ provisional: true, provisionalNote: 'Số liệu tạm tính đến 09:30 ngày 04/12/2026' });
    const closed = consolidate(cycle, plan, leads, states.map((s) => ({ ...s, closed: true, status: s.status === 'requested' ? 'missing' : s.status })), submissions, AT);
    expect(closed).toMatchObject({ provisional: false, provisionalNote: null, standing: { notSubmitted: 16 } });
    expect(closed.missingAgencies[0]!.standingLabel).toBe('Không gửi báo cáo');
  });

  it('says the same in the DOCX and the XLSX', async () => {
    const xml = await (await JSZip.loadAsync(await renderDocx(sut))).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('(Số liệu tạm tính đến 09:30 ngày 04/12/2026; kỳ báo cáo chưa khóa sổ)');
    expect(text).toContain('Có 2/19 cơ quan, đơn vị gửi báo cáo: 2 cơ quan đã được tiếp nhận báo cáo, 0 cơ quan có báo cáo đang chờ xem xét; 1 cơ quan có báo cáo bị trả lại chưa gửi lại; 16 cơ quan chưa gửi báo cáo;');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(sut)) as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet(XLSX_SHEETS.summary)!;
    expect(summary.getCell('A2').value).toBe('Số liệu tạm tính đến 09:30 ngày 04/12/2026 (kỳ báo cáo chưa khóa sổ)');
    const rows = summary.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(rows).toEqual(expect.arrayContaining([['Đã tiếp nhận', 2], ['Bị trả lại, chưa gửi lại', 1], ['Chưa gửi báo cáo', 16], ['Tổng số cơ quan, đơn vị', 19]]));
  });
});

describe('issue 12 §12: each agency’s summary is in the JSON, the DOCX and the XLSX', () => {
  const [first, second] = cycle.agencies.map((a) => a.agencyId);
  const remark = 'Đơn vị đã bố trí kinh phí năm 2026 cho các nhiệm vụ ứng dụng trí tuệ nhân tạo.';
  const sut = consolidate(cycle, plan, leads, [], [submission(first!, fullReport(first!), 'submitted', remark), submission(second!, fullReport(second!))], AT);

  it('keeps the remark with its agency, and only where there is one', async () => {
    expect(sut.agencies.find((a) => a.agencyId === first)!.summary).toBe(remark);
    expect(sut.agencies.find((a) => a.agencyId === second)!.summary).toBe('');
    expect(JSON.parse(JSON.stringify(sut)).agencies[0].summary).toBe(remark);

    const xml = await (await JSZip.loadAsync(await renderDocx(sut))).file('word/document.xml')!.async('string');
    expect(xml).toContain('V. NHẬN XÉT CHUNG CỦA CÁC CƠ QUAN, ĐƠN VỊ');
    expect(xml).toContain(remark);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(sut)) as unknown as ArrayBuffer);
    const remarks = workbook.getWorksheet(XLSX_SHEETS.remarks)!;
    expect(remarks.getRow(3).values).toEqual([undefined, 'TT', 'Cơ quan, đơn vị', 'Nhận xét chung']);
    expect(remarks.getRow(4).values).toEqual([undefined, 1, cycle.agencies[0]!.agencyName, remark]);
    expect(remarks.rowCount).toBe(4);
  });
});
