import { freeText, freeTextProblem } from './free-text';

describe(freeTextProblem.name, () => {
  it('takes Vietnamese text with tabs, newlines and CRLF line ends', () => {
    expect(freeTextProblem('Tạm dừng để rà soát\n\t– theo Công văn 12/SKHCN\r\n')).toBeNull();
  });

  it('names the control character and where it is', () => {
    expect(freeTextProblem('tạm dừng\u0000')).toBe('Chứa ký tự điều khiển U+0000 ở vị trí 9; chỉ được dùng xuống dòng và tab.');
    expect(freeTextProblem('a\u001bb')).toMatch(/U\+001B ở vị trí 2/);
    expect(freeTextProblem('a\rb')).toMatch(/U\+000D/);
    expect(freeTextProblem('\u007f')).toMatch(/U\+007F/);
    expect(freeTextProblem('\u0085')).toMatch(/U\+0085/);
  });

  it('refuses half a surrogate pair (invalid UTF-8 once stored)', () => {
    expect(freeTextProblem('x\ud800')).toMatch(/surrogate/);
    expect(freeTextProblem('😀')).toBeNull();
  });
});

describe(freeText.name, () => {
  const reason = freeText(20, 'Cần lý do.');

  it('trims, requires, limits, and refuses control characters with the same rule', () => {
    expect(reason.parse('  Rà soát  ')).toBe('Rà soát');
    expect(reason.safeParse('   ').error?.issues[0]?.message).toBe('Cần lý do.');
    expect(reason.safeParse('x'.repeat(21)).error?.issues[0]?.message).toBe('Tối đa 20 ký tự.');
    expect(reason.safeParse('tạm dừng\u0000').error?.issues[0]?.message).toMatch(/^Chứa ký tự điều khiển U\+0000/);
    expect(freeText(20).parse('')).toBe('');
  });
});
