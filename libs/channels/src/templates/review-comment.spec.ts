import { renderNotification, type TemplateValues } from './render';

// A returned report's notice must carry Sở KH&CN's comment in every body,
// next to the deadline (which a due date would otherwise hide the comment behind).
const values = (reviewComment?: string): TemplateValues => ({
  recipientName: 'Nguyễn Văn An',
  recipientTitle: 'Chuyên viên',
  recipientAgency: 'Sở Tài chính',
  agencyName: 'Sở Tài chính',
  taskName: 'Kết quả thực hiện Kế hoạch năm 2026',
  planTitle: 'Kế hoạch thực hiện Nghị quyết 03/NQ-CP',
  dueDate: '2026-12-14',
  distance: { kind: 'ahead', days: 5 },
  deadlineText: 'Gửi báo cáo về Sở Khoa học và Công nghệ trước ngày 14/12/2026',
  ...(reviewComment === undefined ? {} : { reviewComment }),
  link: 'https://dondoc.example/l/t',
  linkExpiresAt: new Date(Date.UTC(2027, 0, 1)),
  reference: 'report/kh/2026/so-tc|2026-12-14|returned-r1',
});

describe(renderNotification.name, () => {
  it('shows the review comment in HTML (escaped) and text, and tells Zalo the report was returned', () => {
    const sut = renderNotification('report-reminder', values('Bổ sung số liệu chỉ tiêu I.1 <đến 30/11>\nvà minh chứng'));
    expect(sut.html).toContain('Ý kiến của Sở Khoa học và Công nghệ:');
    expect(sut.html).toContain('Bổ sung số liệu chỉ tiêu I.1 &lt;đến 30/11&gt;\nvà minh chứng');
    expect(sut.text).toContain('Ý kiến của Sở Khoa học và Công nghệ:\nBổ sung số liệu chỉ tiêu I.1 <đến 30/11>\nvà minh chứng\n\nĐề nghị:');
    // The deadline row still shows the date.
    expect(sut.text).toContain('Thời hạn: 14/12/2026');
    expect(sut.znsData.tinh_trang).toBe('Bị trả lại, cần bổ sung');
  });

  it('leaves reminders without a comment as they were', () => {
    for (const sut of [renderNotification('report-reminder', values()), renderNotification('report-reminder', values('  '))]) {
      expect(sut.html).not.toContain('Ý kiến của Sở');
      expect(sut.text).toContain('Tình trạng: còn 5 ngày\n\nĐề nghị:');
      expect(sut.znsData.tinh_trang).toBe('còn 5 ngày');
    }
  });
});
