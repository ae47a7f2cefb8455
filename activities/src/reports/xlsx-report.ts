import ExcelJS from 'exceljs';

import type { ConsolidatedReport } from './consolidation';
import { EVIDENCE_HEADER, INDICATOR_HEADER, LATE_HEADER, reportTables, STANDING_HEADER, SUMMARY_HEADER, SUMMARY_REMARKS_HEADER, TASK_HEADER } from './docx-report';

/** Excel refuses to open, or silently cuts, a cell longer than this (characters, as UTF-16 units). */
export const XLSX_CELL_LIMIT = 32_767;

/**
 * A text cell that fits Excel: over the limit, cut with a visible note of how
 * long the full text is and where it is (the DOCX and JSON keep it whole).
 */
export function fitXlsxCell(text: string): string {
  if (text.length <= XLSX_CELL_LIMIT) return text;
  const marker = `… [đã cắt bớt: toàn văn ${text.length.toLocaleString('vi-VN')} ký tự, xem bản DOCX hoặc JSON]`;
  let cut = XLSX_CELL_LIMIT - marker.length;
  // Never split a surrogate pair: half a character would be garbage in the cell.
  if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? '')) cut--;
  return `${text.slice(0, cut)}${marker}`;
}

/** Sheet names, in order; the test and downstream spreadsheets refer to them. */
export const XLSX_SHEETS = {
  summary: 'Tong hop',
  tasks: 'Nhiem vu',
  indicators: 'Chi tieu',
  late: 'Cham, khong bao cao',
  remarks: 'Nhan xet chung',
  evidence: 'Minh chung',
} as const;

/**
 * The same tables as the DOCX, one per sheet, with a title row and the header
 * on row 3, so officers can filter and re-use the data.
 */
export async function renderXlsx(report: ConsolidatedReport): Promise<Buffer> {
  const tables = reportTables(report);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Đôn Đốc';
  // A fixed date keeps regenerated files identical when nothing changed.
  workbook.created = new Date(`${report.generatedOn}T00:00:00Z`);
  workbook.modified = workbook.created;

  const sheet = (name: string, title: string, header: readonly string[], rows: ReadonlyArray<readonly (string | number)[]>, widths: readonly number[]) => {
    const ws = workbook.addWorksheet(name);
    ws.getCell('A1').value = title;
    ws.getCell('A1').font = { bold: true, size: 13 };
    // Row 2 says when the counts are from while the cycle is open; the header stays on row 3.
    if (report.provisionalNote) {
      ws.getCell('A2').value = `${report.provisionalNote} (kỳ báo cáo chưa khóa sổ)`;
      ws.getCell('A2').font = { italic: true };
    }
    ws.getRow(3).values = [...header];
    ws.getRow(3).font = { bold: true };
    rows.forEach((row, i) => (ws.getRow(4 + i).values = row.map((v) => (typeof v === 'string' ? fitXlsxCell(v) : v))));
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.views = [{ state: 'frozen', ySplit: 3 }];
    return ws;
  };
  const numeric = (row: readonly string[]) => row.map((v, i) => (i > 0 && /^\d+$/.test(v) ? Number(v) : v));

  const summary = sheet(XLSX_SHEETS.summary, `${report.cycle.title}: tổng hợp theo nhóm nhiệm vụ`, SUMMARY_HEADER, tables.summary.map(numeric), [40, 14, 14, 14, 14, 14, 10]);
  // The per-agency counts follow the per-group ones after a blank row.
  const agencyStart = 4 + tables.summary.length + 1;
  summary.getCell(`A${agencyStart}`).value = 'Theo cơ quan, đơn vị';
  summary.getCell(`A${agencyStart}`).font = { bold: true };
  tables.byAgency.forEach((row, i) => (summary.getRow(agencyStart + 1 + i).values = numeric(row).map((v) => (typeof v === 'string' ? fitXlsxCell(v) : v))));
  // Then, after another blank row, where the agencies' reports stand.
  const standingStart = agencyStart + 1 + tables.byAgency.length + 1;
  summary.getRow(standingStart).values = [...STANDING_HEADER];
  summary.getRow(standingStart).font = { bold: true };
  tables.standing.forEach((row, i) => (summary.getRow(standingStart + 1 + i).values = numeric(row)));

  sheet(XLSX_SHEETS.tasks, `${report.cycle.title}: kết quả thực hiện các nhiệm vụ`, TASK_HEADER, tables.tasks.map((r) => r.map((v, i) => (i === 4 && v !== '' ? Number(v) : v))), [8, 60, 30, 22, 12, 60, 40]);
  sheet(XLSX_SHEETS.indicators, `${report.cycle.title}: kết quả thực hiện các chỉ tiêu`, INDICATOR_HEADER, tables.indicators, [8, 60, 14, 30, 30, 30]);
  sheet(XLSX_SHEETS.late, `${report.cycle.title}: cơ quan chậm hoặc không gửi báo cáo`, LATE_HEADER, tables.lateOrMissing.map((r) => [Number(r[0]), r[1]!, r[2]!]), [6, 60, 30]);
  sheet(XLSX_SHEETS.remarks, `${report.cycle.title}: nhận xét chung của các cơ quan, đơn vị`, SUMMARY_REMARKS_HEADER, tables.summaries.map((r) => [Number(r[0]), r[1]!, r[2]!]), [6, 50, 100]);
  sheet(XLSX_SHEETS.evidence, `${report.cycle.title}: danh mục tệp minh chứng`, EVIDENCE_HEADER, tables.evidence.map((r) => [Number(r[0]), r[1]!, r[2]!, r[3]!]), [6, 50, 50, 14]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
