// Which reader a file needs, from its first bytes rather than its name (an
// upload's name can lie), and the limits checked before any parsing.
import { ExtractionError, formatBytes, type ExtractionLimits } from '../extraction-error';
import type { DocumentKind } from './source-document';

const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export function detectFormat(bytes: Uint8Array, fileName: string, limits: ExtractionLimits): DocumentKind {
  if (bytes.length === 0) throw new ExtractionError('empty', `Tệp ${fileName} rỗng (0 byte).`);
  if (bytes.length > limits.maxBytes) {
    throw new ExtractionError('too-large', `Tệp ${fileName} nặng ${formatBytes(bytes.length)}, quá giới hạn ${formatBytes(limits.maxBytes)}.`);
  }
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  if (OLE.every((b, i) => bytes[i] === b)) {
    // Word keeps a password-protected .docx in an OLE container too.
    throw new ExtractionError(
      /\.docx$/i.test(fileName) ? 'encrypted' : 'unsupported-format',
      /\.docx$/i.test(fileName)
        ? `Tệp ${fileName} được đặt mật khẩu (mã hóa); hãy bỏ mật khẩu rồi tải lại.`
        : `Tệp ${fileName} là định dạng Word cũ (.doc); hãy lưu lại thành .docx hoặc PDF.`,
    );
  }
  if (bytes.subarray(0, 4096).includes(0)) {
    throw new ExtractionError('unsupported-format', `Tệp ${fileName} không phải PDF, Word (.docx) hay văn bản (.txt).`);
  }
  return 'text';
}

/** Text as UTF-8 (with or without BOM); anything else is refused rather than read as garbage. */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ExtractionError('unsupported-format', `Tệp ${fileName} không phải văn bản UTF-8; hãy lưu lại với mã UTF-8 (Unicode).`);
  }
}
