import { width, wrap, wrapClipped } from './wrap-text';

describe(wrap.name, () => {
  it('breaks between words and keeps Vietnamese letters one column wide', () => {
    expect(wrap('Sở Khoa học và Công nghệ', 10)).toEqual(['Sở Khoa', 'học và', 'Công nghệ']);
    expect(width('Sở Khoa học và Công nghệ'.normalize('NFD'))).toBe(24);
  });

  it('cuts a word longer than a line and keeps explicit line breaks', () => {
    expect(wrap('CSDL-quốc-gia-dùng-chung', 10)).toEqual(['CSDL-quốc-', 'gia-dùng-c', 'hung']);
    expect(wrap('12/2025\n[tháng]', 20)).toEqual(['12/2025', '[tháng]']);
  });
});

describe(wrapClipped.name, () => {
  it('ends the last kept line with an ellipsis when text is cut', () => {
    expect(wrapClipped('một hai ba bốn năm sáu', 7, 2)).toEqual(['một hai', 'ba bốn…']);
    expect(wrapClipped('một hai', 7, 2)).toEqual(['một hai']);
  });
});
