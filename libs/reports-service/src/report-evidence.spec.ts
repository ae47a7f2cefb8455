import { InvalidInputError, TooLargeError, UnsupportedTypeError } from '@dondoc/domain';

import { checkEvidenceHeaders, EVIDENCE_FILE_LIMIT } from './report-evidence';

describe(checkEvidenceHeaders.name, () => {
  it('keeps a Vietnamese name in NFC and the bare content type', () => {
    const decomposed = 'Biên bản.pdf'.normalize('NFD');
    expect(checkEvidenceHeaders(` ${decomposed} `, 'application/pdf; charset=binary')).toEqual({ fileName: 'Biên bản.pdf', contentType: 'application/pdf' });
    expect(checkEvidenceHeaders('ẢNH.JPEG', 'image/jpeg').fileName).toBe('ẢNH.JPEG');
  });

  it('refuses names that could be paths, or none (400)', () => {
    for (const name of [undefined, '', '../etc/passwd.pdf', 'a\\b.pdf', 'x\u0000.pdf', `${'a'.repeat(197)}.pdf`]) {
      expect(() => checkEvidenceHeaders(name, 'application/pdf')).toThrow(InvalidInputError);
    }
  });

  it('takes only documents and images, with the extension of their type (415)', () => {
    expect(() => checkEvidenceHeaders('a.txt', 'text/plain')).toThrow(UnsupportedTypeError);
    expect(() => checkEvidenceHeaders('a.pdf', undefined)).toThrow('không nhận kiểu "không rõ"');
    expect(() => checkEvidenceHeaders('a.docx', 'application/pdf')).toThrow('cần đuôi .pdf');
    expect(() => checkEvidenceHeaders('a.xlsx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toThrow(UnsupportedTypeError);
  });

  it('refuses a declared length over the per-file limit before reading the body (413)', () => {
    expect(() => checkEvidenceHeaders('a.png', 'image/png', EVIDENCE_FILE_LIMIT)).not.toThrow();
    expect(() => checkEvidenceHeaders('Hồ sơ.png', 'image/png', EVIDENCE_FILE_LIMIT + 1)).toThrow(new TooLargeError('Tệp minh chứng "Hồ sơ.png" vượt quá 10 MB; vui lòng nén hoặc chia nhỏ tệp.'));
  });
});
