import { fileSize } from './docx-report';

describe(fileSize.name, () => {
  it('writes sizes the Vietnamese way', () => {
    expect(fileSize(10)).toBe('1 KB');
    expect(fileSize(350 * 1024)).toBe('350 KB');
    expect(fileSize(2.44 * 1024 * 1024)).toBe('2,4 MB');
  });
});
