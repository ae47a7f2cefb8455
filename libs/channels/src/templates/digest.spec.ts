import { type DigestItem, renderDigest } from './digest';

const item = (overrides: Partial<DigestItem>): DigestItem => ({
  template: 'escalation',
  readOnly: false,
  report: false,
  taskName: 'Nhiệm vụ',
  planTitle: 'Kế hoạch ứng dụng trí tuệ nhân tạo',
  agencyName: 'Sở Y tế tỉnh Quảng Ngãi',
  dueDate: '2026-11-15',
  deadlineText: 'Năm 2026',
  distance: { kind: 'overdue', days: 19, workingDays: 15, since: '2026-11-16' },
  link: 'https://dondoc.example/l/a.b',
  reference: 'task/a|2026-11-15|overdue-15wd',
  ...overrides,
});

const values = (items: DigestItem[]) => ({
  recipientName: 'Võ Ngọc Tín',
  recipientTitle: 'Chuyên viên',
  recipientAgency: 'Sở Khoa học và Công nghệ',
  day: '2026-12-04',
  items,
  listLink: 'https://dondoc.example/l/list.sig',
  linkExpiresAt: new Date(Date.UTC(2027, 0, 3)),
  reference: 'digest|2026-12-04|email|abc',
});

describe(renderDigest.name, () => {
  const items = [
    item({ taskName: 'Sắp đến hạn sau', template: 'reminder-before', distance: { kind: 'ahead', days: 7 }, dueDate: '2026-12-11', reference: 'r1', link: 'https://dondoc.example/l/r1' }),
    item({ taskName: 'Quá hạn ít', distance: { kind: 'overdue', days: 4, workingDays: 4, since: '2026-12-01' }, reference: 'r2', readOnly: true, link: 'https://dondoc.example/l/r2' }),
    item({ taskName: 'Đến hạn hôm nay', template: 'reminder-due', distance: { kind: 'today' }, dueDate: '2026-12-04', reference: 'r3', link: 'https://dondoc.example/l/r3' }),
    item({ taskName: 'Quá hạn nhiều <nhất>', template: 'catch-up', reference: 'r4', link: 'https://dondoc.example/l/r4' }),
    item({ taskName: 'Báo cáo năm 2026', template: 'report-reminder', report: true, readOnly: true, reviewComment: 'Bổ sung số liệu', reference: 'r5', link: 'https://dondoc.example/l/r5', distance: { kind: 'overdue', days: 2, workingDays: 2, since: '2026-12-03' } }),
  ];

  it('groups overdue first, most days late first, then upcoming, due today first; each with its status and link', () => {
    const sut = renderDigest(values(items));
    expect(sut.subject).toBe('[Đôn Đốc] Nhắc việc ngày 04/12/2026: 3 việc quá hạn, 2 việc sắp đến hạn');
    const order = ['Quá hạn nhiều <nhất>', 'Quá hạn ít', 'Báo cáo năm 2026', 'Đến hạn hôm nay', 'Sắp đến hạn sau'];
    const positions = order.map((name) => sut.text.indexOf(`. ${name}\n`));
    expect(positions.every((p, i) => p > 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);
    expect(sut.text.indexOf('QUÁ HẠN (3)')).toBeLessThan(sut.text.indexOf('SẮP ĐẾN HẠN (2)'));
    expect(sut.text).toContain('1. Quá hạn nhiều <nhất>\n   Tình hình thực hiện nhiệm vụ\n');
    expect(sut.text).toContain('   Thời hạn: 15/11/2026 – quá hạn 19 ngày (15 ngày làm việc) kể từ ngày 16/11/2026\n   Cập nhật tiến độ: https://dondoc.example/l/r4\n');
    expect(sut.text).toContain('2. Quá hạn ít\n   Nhiệm vụ đã quá hạn (bản sao để theo dõi)\n');
    expect(sut.text).toContain('   Xem nhiệm vụ: https://dondoc.example/l/r2\n');
    expect(sut.text).toContain('   Ý kiến của Sở Khoa học và Công nghệ: Bổ sung số liệu\n   Xem báo cáo: https://dondoc.example/l/r5\n');
    expect(sut.text).toContain('4. Đến hạn hôm nay\n   Nhiệm vụ đến hạn hôm nay\n');
    expect(sut.text).toContain('Thời hạn: 04/12/2026 – đến hạn hôm nay');
    expect(sut.html).toContain('<strong>Quá hạn nhiều &lt;nhất&gt;</strong>');
    expect(sut.html).toContain('href="https://dondoc.example/l/r4"');
    expect(sut.html).toContain('Quá hạn (3)');
  });

  it('gives Zalo the counts and the link to the list', () => {
    expect(renderDigest(values(items)).znsData).toEqual({ ten_nguoi_nhan: 'Võ Ngọc Tín', ngay: '04/12/2026', so_qua_han: '3', so_sap_den_han: '2', duong_dan: 'https://dondoc.example/l/list.sig' });
  });

  it('lists a reminder that reaches the person under two roles once, with the acting link', () => {
    const copy = item({ readOnly: true, link: 'https://dondoc.example/l/view' });
    const lead = item({ link: 'https://dondoc.example/l/act' });
    const sut = renderDigest(values([copy, lead]));
    expect(sut.overdue).toBe(1);
    expect(sut.text).toContain('https://dondoc.example/l/act');
    expect(sut.text).not.toContain('https://dondoc.example/l/view');
    expect(sut.subject).toBe('[Đôn Đốc] Nhắc việc ngày 04/12/2026: 1 việc quá hạn');
  });
});
