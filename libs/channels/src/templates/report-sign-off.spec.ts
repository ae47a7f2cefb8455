import { renderReportSignOff, type ReportSignOffValues } from './report-sign-off';

const values: ReportSignOffValues = {
  kind: 'request',
  reportTitle: 'Kết quả thực hiện Kế hoạch ứng dụng trí tuệ nhân tạo năm 2026',
  planTitle: 'Kế hoạch ứng dụng trí tuệ nhân tạo',
  senderAgency: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi',
  recipientAgencies: ['Bộ Khoa học và Công nghệ', 'Ủy ban nhân dân tỉnh Quảng Ngãi'],
  deadline: '2026-12-15',
  generation: 3,
  standing: { accepted: 15, submitted: 1, returned: 1, notSubmitted: 2, total: 19 },
  link: 'https://dondoc.example/bao-cao/kh-ai-2025-2030/2026',
  command: 'dondoc report approve kh-ai-2025-2030 2026 --generation 3 --by <tên>',
  reference: 'report/kh-ai-2025-2030/2026|sign-off',
};

describe(renderReportSignOff.name, () => {
  it('asks Sở KH&CN to approve, says the report waits for it, and links to the report page', () => {
    const sut = renderReportSignOff(values);
    expect(sut.subject).toBe('[Đôn Đốc] Đề nghị phê duyệt trước khi gửi: Báo cáo Kết quả thực hiện Kế hoạch ứng dụng trí tuệ nhân tạo năm 2026');
    for (const body of [sut.text, sut.html]) {
      expect(body).toContain('(lần tổng hợp thứ 3) chỉ được gửi Bộ Khoa học và Công nghệ; Ủy ban nhân dân tỉnh Quảng Ngãi sau khi được phê duyệt');
      expect(body).toContain('15 đã tiếp nhận, 1 chờ xem xét, 1 bị trả lại, 2 không gửi báo cáo (tổng số 19 cơ quan, đơn vị)');
      expect(body).toContain('15/12/2026');
      expect(body).toContain('https://dondoc.example/bao-cao/kh-ai-2025-2030/2026');
      expect(body).toContain('dondoc report approve kh-ai-2025-2030 2026 --generation 3');
    }
    expect(sut.html).toContain('href="https://dondoc.example/bao-cao/kh-ai-2025-2030/2026"');
  });

  it('tells the head that the report has not been approved and will not leave on its own', () => {
    const sut = renderReportSignOff({ ...values, kind: 'escalation' });
    expect(sut.subject).toBe('[Đôn Đốc] Chưa được phê duyệt, sắp đến hạn gửi: Báo cáo Kết quả thực hiện Kế hoạch ứng dụng trí tuệ nhân tạo năm 2026');
    expect(sut.text).toContain('Hệ thống không tự gửi báo cáo khi chưa được phê duyệt.');
    expect(sut.text).toContain('Đề nghị: đồng chí chỉ đạo xem xét, phê duyệt báo cáo để gửi đúng hạn.');
  });
});
