import { renderNotification, type TemplateValues } from './render';

// Issue 12 §7: a returned report has its own notice: it says the report was
// received and returned, with Sở KH&CN's comment and the new deadline, never
// "chưa nhận được báo cáo" as a reminder does.
const returned: TemplateValues = {
  recipientName: 'Nguyễn Văn An',
  recipientTitle: 'Chuyên viên',
  recipientAgency: 'Sở Tài chính',
  agencyName: 'Sở Tài chính',
  taskName: 'Kết quả thực hiện Kế hoạch năm 2026',
  planTitle: 'Kế hoạch thực hiện Nghị quyết 03/NQ-CP',
  dueDate: '2026-12-11',
  distance: { kind: 'ahead', days: 5 },
  deadlineText: 'Gửi báo cáo về Sở Khoa học và Công nghệ trước ngày 11/12/2026',
  reviewComment: 'Bổ sung số liệu chỉ tiêu I.1',
  deadlineNote: 'Hạn gửi lại báo cáo: 11/12/2026 (5 ngày làm việc kể từ ngày trả lại).',
  link: 'https://dondoc.example/l/t',
  linkExpiresAt: new Date(Date.UTC(2027, 0, 1)),
  reference: 'report/kh/2026/so-tc|2026-12-11|returned-r1',
};

describe('report-returned template', () => {
  it('says the report was returned for correction, with the comment and the new deadline, in every body', () => {
    const sut = renderNotification('report-returned', returned);
    expect(sut.subject).toBe('[Đôn Đốc] Báo cáo đã được trả lại để chỉnh sửa: Kế hoạch thực hiện Nghị quyết 03/NQ-CP');
    for (const body of [sut.text, sut.html]) {
      expect(body).toContain('Báo cáo đã được trả lại để chỉnh sửa');
      expect(body).toContain('Hạn gửi lại: 11/12/2026');
      expect(body).toContain('Bổ sung số liệu chỉ tiêu I.1');
      expect(body).toContain('Hạn gửi lại báo cáo: 11/12/2026 (5 ngày làm việc kể từ ngày trả lại).');
      expect(body).not.toContain('chưa nhận được');
    }
    expect(sut.text).toContain('Chỉnh sửa và gửi lại báo cáo: https://dondoc.example/l/t');
    expect(sut.znsData.tinh_trang).toBe('Bị trả lại, cần bổ sung');
  });

  it('is NFC Vietnamese', () => {
    const sut = renderNotification('report-returned', returned);
    expect(sut.subject.normalize('NFC')).toBe(sut.subject);
    expect(sut.text.normalize('NFC')).toBe(sut.text);
  });
});
