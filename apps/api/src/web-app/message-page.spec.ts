import { renderMessagePage } from './message-page';

describe(renderMessagePage.name, () => {
  it('is a Vietnamese page with no script, whose text cannot inject markup', () => {
    const html = renderMessagePage({ title: 'Đường dẫn đã hết hạn', message: 'Liên hệ <script>alert(1)</script>', details: ['Dùng thư mới "nhất"'] });
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<h1>Đường dẫn đã hết hạn</h1>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Liên hệ &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Dùng thư mới &quot;nhất&quot;');
    expect(html).toBe(html.normalize('NFC'));
  });

  it('names whom to contact, with mail and phone links', () => {
    const html = renderMessagePage({
      title: 'x',
      message: 'y',
      contact: { agencyName: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi', name: 'Võ Ngọc Tín', title: 'Chuyên viên', email: 'dondoc@skhcn.example', phone: '0900 000 106' },
    });
    expect(html).toContain('<strong>Sở Khoa học và Công nghệ tỉnh Quảng Ngãi</strong> – Võ Ngọc Tín, Chuyên viên');
    expect(html).toContain('href="mailto:dondoc@skhcn.example"');
    expect(html).toContain('href="tel:0900000106"');
  });
});
