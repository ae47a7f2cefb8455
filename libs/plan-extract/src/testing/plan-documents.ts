// Plan documents in layouts other than the seeds', built by PDF and Word
// libraries the way issuers' software builds them (tables with ruling lines,
// header rows repeated on every page, merged lead cells), for the tests and
// the benchmark. Each is small and deterministic: same bytes on every run.
import * as path from 'node:path';

import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import pdfmake from 'pdfmake';
import type { Content, TableCell as PdfCell, TDocumentDefinitions } from 'pdfmake/interfaces';

const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'build', 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
(pdfmake as unknown as { setUrlAccessPolicy?: (allow: () => boolean) => void }).setUrlAccessPolicy?.(() => false);
(pdfmake as unknown as { setLocalAccessPolicy?: (allow: (p: string) => boolean) => void }).setLocalAccessPolicy?.((p) => p.startsWith(fontDir));

export async function pdfBytes(definition: TDocumentDefinitions): Promise<Uint8Array> {
  const document = pdfmake.createPdf({ info: { creationDate: new Date(Date.UTC(2026, 0, 1)), producer: 'dondoc tests' }, defaultStyle: { fontSize: 10 }, ...definition });
  return new Uint8Array(await (document as unknown as { getBuffer(): Promise<Buffer> }).getBuffer());
}

/** The opening of a plan: issuer, number, date, title, legal basis, reporting duty. */
function opening(options: { issuer: string; number: string; date: string; title: string; basis: string; reporting: string[] }): Content[] {
  return [
    { columns: [{ text: options.issuer, bold: true }, { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true }] },
    { columns: [{ text: `Số: ${options.number}` }, { text: options.date, italics: true }], margin: [0, 4, 0, 12] },
    { text: 'KẾ HOẠCH', bold: true, alignment: 'center' },
    { text: options.title, bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
    { text: options.basis, margin: [0, 0, 0, 8] },
    { text: 'IV. TỔ CHỨC THỰC HIỆN', bold: true },
    ...options.reporting.map((text) => ({ text })),
    { text: 'PHỤ LỤC', bold: true, alignment: 'center', pageBreak: 'before' as const },
    { text: 'DANH MỤC NHIỆM VỤ', bold: true, alignment: 'center' },
    { text: `(Kèm theo Kế hoạch số ${options.number})`, italics: true, alignment: 'center', margin: [0, 0, 0, 8] },
  ];
}

/**
 * Another issuer (Sở Khoa học và Công nghệ), other column names and order
 * (STT, Nội dung công việc, Đơn vị chủ trì, Thời hạn hoàn thành, Sản phẩm
 * đầu ra, Đơn vị phối hợp, Ghi chú), groups "A."/"B." with numbering that
 * restarts, quarter and day deadlines, a sub-item: drawn with ruling lines.
 */
export function otherIssuerPdf(): Promise<Uint8Array> {
  const row = (cells: string[]): PdfCell[] => cells.map((text) => ({ text }));
  const group = (label: string, title: string): PdfCell[] => [{ text: label, bold: true }, { text: title, bold: true, colSpan: 6 }, '', '', '', '', ''];
  return pdfBytes({
    content: [
      ...opening({
        issuer: 'UBND TỈNH KON TUM\nSỞ KHOA HỌC VÀ CÔNG NGHỆ',
        number: '215/KH-SKHCN',
        date: 'Kon Tum, ngày 12 tháng 3 năm 2026',
        title: 'Triển khai chuyển đổi số trong hoạt động khoa học và công nghệ năm 2026',
        basis: 'Căn cứ Kế hoạch số 3584/KH-UBND ngày 07 tháng 10 năm 2024 của Ủy ban nhân dân tỉnh;',
        reporting: [
          '1. Sở Khoa học và Công nghệ chủ trì, tổng hợp; định kỳ hằng năm (trước ngày 10 tháng 12) báo cáo Ủy ban nhân dân tỉnh.',
          '2. Các đơn vị định kỳ hằng năm (trước ngày 20 tháng 11) báo cáo kết quả gửi Sở Khoa học và Công nghệ tổng hợp.',
        ],
      }),
      {
        table: {
          headerRows: 1,
          widths: [24, '*', 70, 56, 62, 70, 40],
          body: [
            row(['STT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Thời hạn hoàn thành', 'Sản phẩm đầu ra', 'Đơn vị phối hợp', 'Ghi chú']),
            group('A.', 'Hạ tầng và dữ liệu'),
            row(['1', 'Số hóa hồ sơ nhiệm vụ khoa học và công nghệ các cấp', 'Sở KH&CN', 'Quý II/2026', 'Cơ sở dữ liệu', 'Các đơn vị liên quan', '']),
            row(['2', 'Kết nối cơ sở dữ liệu khoa học và công nghệ với nền tảng dữ liệu của tỉnh', 'Trung tâm Nghiên cứu, Ứng dụng và Dịch vụ khoa học và công nghệ tỉnh', 'trước ngày 30/6/2026', 'Kết nối thông suốt', 'Sở Tài chính', 'Vốn sự nghiệp']),
            row(['a)', 'Chuẩn hóa danh mục dùng chung', '', '', '', '', '']),
            group('B.', 'Ứng dụng và nhân lực'),
            row(['1', 'Tập huấn kỹ năng số cho cán bộ quản lý khoa học và công nghệ', 'Sở Nội vụ', 'Hằng năm', 'Lớp tập huấn', 'Sở Khoa học và Công nghệ', '']),
            row(['2', 'Thí điểm trợ lý ảo hỗ trợ thẩm định nhiệm vụ', 'Sở Khoa học và Công nghệ', '12/2026', 'Báo cáo đánh giá', 'Viện Công nghệ số Tây Nguyên', '']),
          ],
        },
      },
      // Its indicator appendix, in this issuer's words: the year in the target's header, an item under a heading row.
      { text: 'PHỤ LỤC II - CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026', bold: true, alignment: 'center', pageBreak: 'before' },
      {
        table: {
          headerRows: 1,
          widths: [24, '*', 50, 60, 90],
          body: [
            row(['STT', 'Tên chỉ tiêu', 'Đơn vị tính', 'Mục tiêu năm 2026', 'Cơ quan theo dõi, đánh giá']),
            row(['1', 'Tỷ lệ hồ sơ nhiệm vụ khoa học và công nghệ được số hóa', '%', '100', 'Sở KH&CN']),
            row(['2', 'Kỹ năng số của cán bộ quản lý khoa học và công nghệ', '', '', '']),
            row(['-', 'Số cán bộ được tập huấn', 'Người', '≥ 50', 'Sở Nội vụ']),
            row(['3', 'Nhiệm vụ được thẩm định với trợ lý ảo', 'Nhiệm vụ', '≥ 10', 'Viện Công nghệ số Tây Nguyên']),
          ],
        },
      },
    ],
  });
}

/** A long table over several pages: pdfmake repeats the header row at the top of each page. */
export function longTablePdf(taskCount: number, options: { groups?: number } = {}): Promise<Uint8Array> {
  const leads = ['Sở Khoa học và Công nghệ', 'Sở Y tế', 'Sở Tài chính', 'Sở Giáo dục và Đào tạo', 'Công an tỉnh', 'Văn phòng UBND tỉnh'];
  const deadlines = ['12/2026', 'Thường xuyên', '2026-2027', 'Hằng năm', 'Sau khi có văn bản hướng dẫn của Trung ương', '2027'];
  const groups = options.groups ?? 1;
  const body: PdfCell[][] = [['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Kết quả', 'Thời gian hoàn thành'].map((text) => ({ text, bold: true }))];
  const perGroup = Math.ceil(taskCount / groups);
  for (let i = 0; i < taskCount; i += 1) {
    if (groups > 1 && i % perGroup === 0) body.push([{ text: ROMAN[i / perGroup]!, bold: true }, { text: `Nhóm nhiệm vụ thứ ${i / perGroup + 1} về chuyển đổi số`, colSpan: 5, bold: true }, '', '', '', '']);
    body.push([
      String(i + 1),
      `Triển khai nhiệm vụ số ${i + 1} về ứng dụng khoa học, công nghệ và đổi mới sáng tạo trong quản lý nhà nước, bảo đảm đồng bộ với kế hoạch phát triển kinh tế - xã hội của địa phương`,
      leads[i % leads.length]!,
      i % 3 === 0 ? 'Các đơn vị, địa phương' : 'Sở Khoa học và Công nghệ, Sở Tài chính',
      i % 2 === 0 ? 'Kế hoạch' : 'Báo cáo',
      deadlines[i % deadlines.length]!,
    ]);
  }
  return pdfBytes({
    content: [
      ...opening({
        issuer: 'ỦY BAN NHÂN DÂN TỈNH KON TUM',
        number: '1207/KH-UBND',
        date: 'Kon Tum, ngày 05 tháng 5 năm 2026',
        title: `Thực hiện các nhiệm vụ chuyển đổi số năm 2026 (${taskCount} nhiệm vụ)`,
        basis: 'Thực hiện Nghị quyết 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị (Nghị quyết 57), Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
        reporting: ['1. Các sở, ngành định kỳ hằng năm (trước ngày 15 tháng 11) báo cáo kết quả gửi Sở Khoa học và Công nghệ để tổng hợp.'],
      }),
      { table: { headerRows: 1, widths: [22, '*', 80, 80, 50, 70], body } },
    ],
  });
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** A Word plan whose lead cell is merged over three tasks (w:vMerge), with the header marked to repeat (w:tblHeader). */
export async function mergedLeadDocx(): Promise<Uint8Array> {
  const cell = (text: string, options: { merge?: 'restart' | 'continue'; span?: number } = {}) =>
    new TableCell({
      children: [new Paragraph({ children: [new TextRun(text)] })],
      ...(options.merge ? { verticalMerge: options.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
      ...(options.span ? { columnSpan: options.span } : {}),
    });
  const header = new TableRow({ tableHeader: true, children: ['TT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'].map((t) => cell(t)) });
  const rows = [
    header,
    new TableRow({ children: [cell('I'), cell('Phát triển hạ tầng số', { span: 4 })] }),
    new TableRow({ children: [cell('1'), cell('Nâng cấp Trung tâm dữ liệu tỉnh'), cell('Sở Thông tin và Truyền thông', { merge: 'restart' }), cell('Sở Tài chính'), cell('2026')] }),
    new TableRow({ children: [cell('2'), cell('Phủ sóng 5G tại các khu công nghiệp'), cell('', { merge: 'continue' }), cell('Các doanh nghiệp viễn thông'), cell('12/2026')] }),
    new TableRow({ children: [cell('3'), cell('Triển khai nền tảng giám sát an toàn thông tin'), cell('', { merge: 'continue' }), cell('Công an tỉnh'), cell('Thường xuyên')] }),
    new TableRow({ children: [cell('II'), cell('Phát triển nhân lực số', { span: 4 })] }),
    new TableRow({ children: [cell('4'), cell('Bồi dưỡng kỹ năng số cho cán bộ, công chức'), cell('Sở Nội vụ'), cell('Các sở, ban, ngành'), cell('Hằng năm')] }),
  ];
  const paragraph = (text: string, bold = false) => new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text, bold })] });
  const document = new Document({
    creator: 'dondoc tests',
    sections: [
      {
        children: [
          paragraph('ỦY BAN NHÂN DÂN TỈNH KON TUM', true),
          paragraph('Số: 98/KH-UBND'),
          paragraph('Kon Tum, ngày 20 tháng 01 năm 2026'),
          paragraph('KẾ HOẠCH', true),
          paragraph('Phát triển hạ tầng và nhân lực số năm 2026', true),
          paragraph('Thực hiện Quyết định số 127/QĐ-TTg ngày 26 tháng 01 năm 2021 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:'),
          paragraph('III. TỔ CHỨC THỰC HIỆN', true),
          paragraph('1. Sở Khoa học và Công nghệ chủ trì, tổng hợp; định kỳ hằng năm (trước ngày 15 tháng 12) báo cáo Bộ Khoa học và Công nghệ, Ủy ban nhân dân tỉnh.'),
          paragraph('2. Các đơn vị định kỳ hằng năm (trước ngày 15 tháng 11) báo cáo kết quả gửi Sở Khoa học và Công nghệ tổng hợp.'),
          paragraph('PHỤ LỤC', true),
          paragraph('CÁC NHIỆM VỤ TRỌNG TÂM'),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
