import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

import { TASK_REPORT_STATUS_LABELS } from '@dondoc/contracts';

import type { StandingCounts } from './agency-standing';
import { type AgencyTaskReport, type ConsolidatedReport, ddmmyyyy, type OutcomeCounts, TASK_OUTCOME_LABELS, TASK_OUTCOMES } from './consolidation';

// The consolidated report in the administrative layout of a Sở KH&CN report
// (Nghị định 30/2020/NĐ-CP): agency and national motto side by side, place and
// date, "BÁO CÁO" and its subject, the body, recipients and signature.

const FONT = 'Times New Roman';
const text = (value: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text: value, font: FONT, size: (options.size ?? 13) * 2, bold: options.bold ?? false, italics: options.italics ?? false });
const para = (value: string, options: { bold?: boolean; italics?: boolean; center?: boolean; size?: number } = {}) =>
  new Paragraph({ alignment: options.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED, spacing: { after: 80 }, children: [text(value, options)] });

const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

function grid(header: readonly string[], rows: ReadonlyArray<readonly string[]>, widths: readonly number[]): Table {
  const cell = (value: string, bold: boolean, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      children: value.split('\n').map((line) => new Paragraph({ children: [text(line, { bold, size: 12 })] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, true, widths[i] ?? 10)) }),
      ...rows.map((row) => new TableRow({ children: row.map((v, i) => cell(v, false, widths[i] ?? 10)) })),
    ],
  });
}

export const SUMMARY_HEADER = ['Nhóm / cơ quan', ...TASK_OUTCOMES.map((o) => TASK_OUTCOME_LABELS[o]), 'Tổng số'];
export const TASK_HEADER = ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Tình trạng', 'Tỷ lệ hoàn thành (%)', 'Kết quả, minh chứng', 'Khó khăn, đề xuất'];
export const INDICATOR_HEADER = ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu', 'Kết quả đạt được', 'Cơ quan báo cáo'];
export const LATE_HEADER = ['TT', 'Cơ quan', 'Tình trạng báo cáo'];
export const SUMMARY_REMARKS_HEADER = ['TT', 'Cơ quan, đơn vị', 'Nhận xét chung'];
export const STANDING_HEADER = ['Tình hình gửi báo cáo', 'Số cơ quan'];

export const countsRow = (label: string, counts: OutcomeCounts) => [label, ...TASK_OUTCOMES.map((o) => String(counts[o])), String(counts.total)];

/** The agencies by where their reports stand, as rows (label, number). */
export function standingRows(standing: StandingCounts, provisional: boolean): string[][] {
  return [
    ['Đã tiếp nhận', String(standing.accepted)],
    ['Đã gửi, chờ xem xét', String(standing.submitted)],
    ['Bị trả lại, chưa gửi lại', String(standing.returned)],
    [provisional ? 'Chưa gửi báo cáo' : 'Không gửi báo cáo', String(standing.notSubmitted)],
    ['Tổng số cơ quan, đơn vị', String(standing.total)],
  ];
}

/** The sentence of part I on who has reported. */
export function standingSentence(report: Pick<ConsolidatedReport, 'standing' | 'provisional'>): string {
  const { standing } = report;
  const sent = standing.accepted + standing.submitted;
  return (
    `Có ${sent}/${standing.total} cơ quan, đơn vị gửi báo cáo: ${standing.accepted} cơ quan đã được tiếp nhận báo cáo, ${standing.submitted} cơ quan có báo cáo đang chờ xem xét; ` +
    `${standing.returned} cơ quan có báo cáo bị trả lại chưa gửi lại; ${standing.notSubmitted} cơ quan ${report.provisional ? 'chưa gửi' : 'không gửi'} báo cáo; ` +
    `trong số báo cáo đã gửi, ${standing.late} báo cáo gửi muộn.`
  );
}

/** One agency's answer on a task, with its role and, as partners' answers stand beside the lead's, its own status. */
const answerLine = (r: AgencyTaskReport) =>
  `${r.agencyName} (${r.role === 'lead' ? 'chủ trì' : 'phối hợp'}; ${TASK_REPORT_STATUS_LABELS[r.status].toLowerCase()}, ${r.percent}%): ${r.results}${r.evidence.length ? ` (minh chứng: ${r.evidence.join('; ')})` : ''}`;

/** The rows of each table, shared with the XLSX so both say the same thing. */
export function reportTables(report: ConsolidatedReport) {
  return {
    summary: [countsRow('Toàn kế hoạch', report.totals), ...report.groups.map((g) => countsRow(g.title, g.counts))],
    byAgency: report.agencies.map((a) => countsRow(a.agencyName, a.counts)),
    tasks: report.tasks.map((t) => [
      t.taskId,
      t.name,
      t.lead,
      TASK_OUTCOME_LABELS[t.outcome],
      t.percent === null ? '' : String(t.percent),
      t.reports.map(answerLine).join('\n'),
      t.reports.flatMap((r) => [r.difficulties, r.proposals].filter(Boolean).map((v) => `${r.agencyName}: ${v}`)).join('\n'),
    ]),
    indicators: report.indicators.map((i) => [
      i.indicatorId,
      i.name,
      i.unit,
      i.target,
      i.achieved.map((a) => a.value + (a.note ? ` (${a.note})` : '')).join('\n'),
      i.achieved.map((a) => a.agencyName).join('\n'),
    ]),
    evidence: report.agencies
      .flatMap((a) => a.evidence.map((e) => [a.agencyName, e.fileName, fileSize(e.sizeBytes)]))
      .map((row, index) => [String(index + 1), ...row]),
    lateOrMissing: [...report.lateAgencies, ...report.returnedAgencies, ...report.missingAgencies].map((a, index) => [String(index + 1), a.agencyName, a.standingLabel]),
    summaries: report.agencies.filter((a) => a.summary).map((a, index) => [String(index + 1), a.agencyName, a.summary]),
    standing: standingRows(report.standing, report.provisional),
  };
}

export async function renderDocx(report: ReportDocxInput): Promise<Buffer> {
  const { cycle } = report;
  const tables = reportTables(report);
  const province = cycle.aggregator.province;
  const [y, m, d] = report.generatedOn.split('-');
  const heading = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 40, type: WidthType.PERCENTAGE },
            children: [para(`UBND TỈNH ${province.toUpperCase()}`, { center: true }), para('SỞ KHOA HỌC VÀ CÔNG NGHỆ', { bold: true, center: true }), para('Số:       /BC-SKHCN', { center: true })],
          }),
          new TableCell({
            width: { size: 60, type: WidthType.PERCENTAGE },
            children: [
              para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, center: true }),
              para('Độc lập - Tự do - Hạnh phúc', { bold: true, center: true }),
              para(`${province}, ngày ${d} tháng ${m} năm ${y}`, { italics: true, center: true }),
            ],
          }),
        ],
      }),
    ],
  });
  const late = tables.lateOrMissing;
  const body = [
    heading,
    para('BÁO CÁO', { bold: true, center: true, size: 14 }),
    para(cycle.title, { bold: true, center: true, size: 14 }),
    // A report made before the cycle closed says so under its title.
    ...(report.provisionalNote ? [para(`(${report.provisionalNote}; kỳ báo cáo chưa khóa sổ)`, { italics: true, center: true })] : []),
    para(`Kính gửi: ${cycle.recipients.map((r) => r.agencyName).join('; ')}.`, { center: true }),
    para(
      `Thực hiện ${cycle.planTitle}${cycle.planNumber ? ` (Kế hoạch số ${cycle.planNumber})` : ''}, Sở Khoa học và Công nghệ tổng hợp báo cáo của các cơ quan, đơn vị (${report.agencies.length} cơ quan, đơn vị phải báo cáo; hạn gửi báo cáo ${ddmmyyyy(cycle.unitDeadline)}) như sau:`,
    ),
    para('I. TỔNG HỢP CHUNG', { bold: true }),
    para(
      `Tổng số ${report.totals.total} nhiệm vụ: ${TASK_OUTCOMES.map((o) => `${TASK_OUTCOME_LABELS[o].toLowerCase()} ${report.totals[o]}`).join('; ')}. ` +
        standingSentence(report),
    ),
    grid(STANDING_HEADER, tables.standing, [70, 30]),
    para('1. Theo nhóm nhiệm vụ', { italics: true }),
    grid(SUMMARY_HEADER, tables.summary, [30, 12, 12, 12, 12, 12, 10]),
    para('2. Theo cơ quan, đơn vị', { italics: true }),
    grid(SUMMARY_HEADER, tables.byAgency, [30, 12, 12, 12, 12, 12, 10]),
    para('II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ', { bold: true }),
    grid(TASK_HEADER, tables.tasks, [6, 24, 14, 10, 8, 22, 16]),
    para('III. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', { bold: true }),
    ...(tables.indicators.length ? [grid(INDICATOR_HEADER, tables.indicators, [6, 34, 10, 18, 18, 14])] : [para('Kế hoạch không có chỉ tiêu cụ thể.')]),
    para('IV. CÁC CƠ QUAN, ĐƠN VỊ GỬI MUỘN, BỊ TRẢ LẠI HOẶC CHƯA GỬI BÁO CÁO', { bold: true }),
    ...(late.length ? [grid(LATE_HEADER, late, [8, 62, 30])] : [para('Tất cả cơ quan, đơn vị gửi báo cáo đúng hạn.')]),
    para('V. NHẬN XÉT CHUNG CỦA CÁC CƠ QUAN, ĐƠN VỊ', { bold: true }),
    ...(tables.summaries.length ? [grid(SUMMARY_REMARKS_HEADER, tables.summaries, [6, 30, 64])] : [para('Không có cơ quan, đơn vị nào gửi nhận xét chung.')]),
    // Only where agencies attached files.
    ...(tables.evidence.length ? [para('VI. DANH MỤC TỆP MINH CHỨNG KÈM THEO BÁO CÁO', { bold: true }), grid(EVIDENCE_HEADER, tables.evidence, [6, 40, 40, 14])] : []),
    para('Sở Khoa học và Công nghệ báo cáo để quý cơ quan biết, chỉ đạo./.'),
    para('Nơi nhận:', { bold: true, italics: true, size: 12 }),
    ...cycle.recipients.map((r) => para(`- ${r.agencyName};`, { size: 11 })),
    para('- Lưu: VT.', { size: 11 }),
    para('GIÁM ĐỐC', { bold: true, center: true }),
  ];
  const doc = new Document({
    creator: 'Đôn Đốc',
    title: `BÁO CÁO ${cycle.title}`,
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children: body }],
  });
  return Packer.toBuffer(doc);
}

export type ReportDocxInput = ConsolidatedReport;

export const EVIDENCE_HEADER = ['STT', 'Cơ quan, đơn vị', 'Tệp minh chứng', 'Dung lượng'] as const;

/** "350 KB", "2,4 MB": Vietnamese decimal comma. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}
