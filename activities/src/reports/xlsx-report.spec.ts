import { WorkingCalendar } from '@dondoc/calendar';
import type { ReportSubmission } from '@dondoc/db';
import { loadSeedCatalog, reportTaskLeads, resolveReportCycle } from '@dondoc/plan-sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import path from 'node:path';

import { consolidate } from './consolidation';
import { renderDocx } from './docx-report';
import { fitXlsxCell, renderXlsx, XLSX_CELL_LIMIT, XLSX_SHEETS } from './xlsx-report';

describe(fitXlsxCell.name, () => {
  it('keeps a text that fits, to the last character', () => {
    const text = 'ạ'.repeat(XLSX_CELL_LIMIT);
    expect(fitXlsxCell(text)).toBe(text);
  });

  it('cuts a longer text to the limit with a visible note of the full length', () => {
    const sut = fitXlsxCell('ạ'.repeat(XLSX_CELL_LIMIT + 1));
    expect(sut).toHaveLength(XLSX_CELL_LIMIT);
    expect(sut).toMatch(/^ạ+… \[đã cắt bớt: toàn văn 32\.768 ký tự, xem bản DOCX hoặc JSON\]$/);
  });

  it('never leaves half of a character outside the Basic Multilingual Plane', () => {
    const sut = fitXlsxCell('😀'.repeat(XLSX_CELL_LIMIT));
    expect(sut.length).toBeLessThanOrEqual(XLSX_CELL_LIMIT);
    expect(sut.replace(/… \[.*$/u, '')).toMatch(/^(😀)+$/u);
  });
});

describe(renderXlsx.name, () => {
  // kh-ai task 1 has seventeen reporters: at 3,000 characters each, its results cell is over 50,000.
  const catalog = loadSeedCatalog(path.join(__dirname, '..', '..', '..', 'seeds'));
  const plan = catalog.plans.get('kh-ai-2025-2030')!;
  const cycle = resolveReportCycle(catalog, plan, { planId: plan.id, year: 2026 }, new WorkingCalendar({ overrides: catalog.calendarOverrides }));
  const reporters = cycle.agencies.filter((a) => a.taskIds.includes('1'));
  const results = (agencyId: string) => `Kết quả của ${agencyId}: ${'triển khai ứng dụng trí tuệ nhân tạo; '.repeat(80)}hết.`;
  const submissions = reporters.map(
    (a): ReportSubmission => ({
      id: a.agencyId,
      planId: plan.id,
      year: 2026,
      cycleKey: '2026',
      agencyId: a.agencyId,
      revision: 1,
      status: 'submitted',
      payload: { tasks: [{ taskId: '1', status: 'on-track', percent: 50, results: results(a.agencyId), evidence: [], difficulties: '', proposals: '' }], indicators: [], summary: '' },
      submittedBy: 'x',
      submittedAt: new Date(0),
      reviewedBy: null,
      reviewedAt: null,
      reviewComment: null,
    }),
  );
  const report = consolidate(cycle, plan, reportTaskLeads(plan, catalog.index, cycle.unitDeadline), [], submissions, Date.UTC(2026, 11, 1));

  it('cuts an over-long cell in the XLSX and keeps the full text in the DOCX and the JSON', async () => {
    const full = report.tasks
      .find((t) => t.taskId === '1')!
      .reports.map((r) => `${r.agencyName} (${r.role === 'lead' ? 'chủ trì' : 'phối hợp'}; đang thực hiện, đúng tiến độ, 50%): ${r.results}`)
      .join('\n');
    expect(reporters.length).toBeGreaterThan(10);
    expect(full.length).toBeGreaterThan(XLSX_CELL_LIMIT);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(report)) as unknown as ArrayBuffer);
    const cell = String(workbook.getWorksheet(XLSX_SHEETS.tasks)!.getRow(4).getCell(6).value);
    expect(cell).toHaveLength(XLSX_CELL_LIMIT);
    expect(cell).toBe(fitXlsxCell(full));
    expect(cell.endsWith(`toàn văn ${full.length.toLocaleString('vi-VN')} ký tự, xem bản DOCX hoặc JSON]`)).toBe(true);

    const xml = await (await JSZip.loadAsync(await renderDocx(report))).file('word/document.xml')!.async('string');
    // Each reporter's whole text is in the DOCX: its opening words and its last word.
    for (const r of reporters) expect(xml).toContain(`Kết quả của ${r.agencyId}: triển khai`);
    expect(xml.split('nhân tạo; hết.').length - 1).toBe(reporters.length);
    expect(JSON.parse(JSON.stringify(report)).tasks[0].reports.map((r: { results: string }) => r.results)).toEqual(reporters.map((a) => results(a.agencyId)));
  });
});
