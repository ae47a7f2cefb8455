import { renderAggregateReport } from './aggregate-report';

const values = {
  recipientAgencies: ['Bộ Khoa học và Công nghệ', 'Ủy ban nhân dân tỉnh Kon Tum'],
  senderAgency: 'Sở Khoa học và Công nghệ tỉnh Kon Tum',
  reportTitle: 'kết quả thực hiện Kế hoạch <AI> năm 2026',
  planTitle: 'Kế hoạch ứng dụng trí tuệ nhân tạo',
  deadline: '2026-12-14',
  attachments: [
    { fileName: 'bao-cao.docx', description: 'báo cáo (DOCX)' },
    { fileName: 'bao-cao.xlsx', description: 'số liệu tổng hợp (XLSX)' },
  ],
  reference: 'report/kh-ai/2026|aggregate',
};

describe(renderAggregateReport.name, () => {
  it('addresses every recipient and lists the deadline and each attachment, in text and HTML', () => {
    const rendered = renderAggregateReport(values);
    expect(rendered.subject).toBe('[Đôn Đốc] Báo cáo kết quả thực hiện Kế hoạch <AI> năm 2026');
    expect(rendered.text.split('\n')[0]).toBe('Kính gửi: Bộ Khoa học và Công nghệ; Ủy ban nhân dân tỉnh Kon Tum.');
    expect(rendered.text).toContain('Hạn báo cáo: 14/12/2026');
    expect(rendered.text).toContain('- bao-cao.docx: báo cáo (DOCX)\n- bao-cao.xlsx: số liệu tổng hợp (XLSX)\n');
    expect(rendered.html).toContain('<li>bao-cao.xlsx: số liệu tổng hợp (XLSX)</li>');
    expect(rendered.html).toContain('Mã báo cáo: report/kh-ai/2026|aggregate');
  });

  it('says "Báo cáo" once when the title of an ad-hoc request starts with it', () => {
    expect(renderAggregateReport({ ...values, reportTitle: 'Báo cáo đột xuất tình hình thực hiện quý IV' }).subject).toBe('[Đôn Đốc] Báo cáo đột xuất tình hình thực hiện quý IV');
    expect(renderAggregateReport({ ...values, reportTitle: 'báo cáo nhanh' }).subject).toBe('[Đôn Đốc] báo cáo nhanh');
    // A title that merely contains the words keeps its prefix.
    expect(renderAggregateReport({ ...values, reportTitle: 'Tình hình báo cáo năm 2026' }).subject).toBe('[Đôn Đốc] Báo cáo Tình hình báo cáo năm 2026');
  });

  it('escapes the HTML but not the text, and keeps the subject on one line', () => {
    const rendered = renderAggregateReport({ ...values, reportTitle: 'năm 2026\nBcc: x@y.example' });
    expect(rendered.subject).toBe('[Đôn Đốc] Báo cáo năm 2026 Bcc: x@y.example');
    expect(renderAggregateReport(values).html).toContain('Kế hoạch &lt;AI&gt; năm 2026');
    expect(renderAggregateReport(values).text).toContain('Báo cáo: kết quả thực hiện Kế hoạch <AI> năm 2026');
  });
});
