// Acceptance (issue 18): malformed, encrypted, scanned and oversized
// documents each fail with their own clear error, and so do legacy-encoded
// text and files that are no plan document at all.
import { extractPlan } from './extract-plan';
import { ExtractionError, type ExtractionErrorCode } from './extraction-error';
import { otherIssuerPdf, pdfBytes } from './testing/plan-documents';
import { seedDirectory } from './testing/seed-directory';

const directory = seedDirectory();
// The first PDF loads pdf.js (and Jest compiles its 2 MB worker): seconds on a busy machine. Speed is the benchmark's business.
jest.setTimeout(60_000);
const PIXEL_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function failure(bytes: Uint8Array, fileName: string, limits?: { maxBytes: number; maxPages: number }): Promise<ExtractionError> {
  try {
    await extractPlan({ bytes, fileName }, { directory, currentYear: 2026, ...(limits ? { limits } : {}) });
  } catch (error) {
    if (error instanceof ExtractionError) return error;
    throw error;
  }
  throw new Error(`${fileName} was extracted`);
}

const expectError = (error: ExtractionError, code: ExtractionErrorCode, message: RegExp) => {
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
};

describe('documents that cannot be extracted', () => {
  it('a malformed PDF (cut short) says the file is damaged', async () => {
    const whole = await otherIssuerPdf();
    expectError(await failure(whole.subarray(0, 600), 'hong.pdf'), 'malformed', /PDF bị hỏng/);
  });

  it('an encrypted PDF asks for the password to be removed', async () => {
    const bytes = await pdfBytes({ content: ['KẾ HOẠCH'], userPassword: 'mat-khau', ownerPassword: 'chu' } as Parameters<typeof pdfBytes>[0]);
    expectError(await failure(bytes, 'mat-khau.pdf'), 'encrypted', /đặt mật khẩu/);
  });

  it('a scanned PDF (an image, no text layer) asks for OCR or the original', async () => {
    const bytes = await pdfBytes({ content: [{ image: PIXEL_PNG, width: 500, height: 700 }] });
    expectError(await failure(bytes, 'ban-quet.pdf'), 'no-text-layer', /không có lớp chữ.*OCR/);
  });

  it('an oversized file is refused before it is parsed, naming the limit', async () => {
    const bytes = new Uint8Array(2048).fill(0x41);
    expectError(await failure(bytes, 'lon.txt', { maxBytes: 1024, maxPages: 300 }), 'too-large', /2 KB, quá giới hạn 1 KB/);
  });

  it('a PDF with more pages than allowed is refused', async () => {
    const bytes = await otherIssuerPdf();
    expectError(await failure(bytes, 'dai.pdf', { maxBytes: 10 * 1024 * 1024, maxPages: 1 }), 'too-large', /3 trang, quá giới hạn 1 trang/);
  });

  it('text typed in TCVN3 (.VnTime) is detected and the admin told to convert it', async () => {
    // "Kế hoạch triển khai thực hiện nhiệm vụ chuyển đổi số" as TCVN3 bytes shown in Latin-1.
    const tcvn3 = 'KÕ ho¹ch triÓn khai thùc hiÖn nhiÖm vô chuyÓn ®æi sè cña c¸c së, ban, ngµnh vµ ñy ban nh©n d©n c¸c huyÖn. ';
    expectError(await failure(new TextEncoder().encode(tcvn3.repeat(10)), 'cu.txt'), 'legacy-encoding', /bảng mã cũ TCVN3/);
  });

  it('text typed in VNI is detected too', async () => {
    const vni = 'Keá hoaïch trieån khai thöïc hieän nhieäm vuï chuyeån ñoåi soá cuûa caùc sôû, ban, ngaønh. ';
    expectError(await failure(new TextEncoder().encode(vni.repeat(10)), 'vni.txt'), 'legacy-encoding', /bảng mã cũ VNI/);
  });

  it('a password-protected Word file (an OLE container named .docx) is reported as encrypted', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    expectError(await failure(bytes, 'bao-mat.docx'), 'encrypted', /mật khẩu/);
  });

  it('a zip that is not a Word document, and a binary file, are refused by name', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
    expectError(await failure(zip, 'khong-phai.docx'), 'malformed', /Không mở được tệp Word/);
    expectError(await failure(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'anh.png'), 'unsupported-format', /không phải PDF, Word/);
  });

  it('a document without a task table says which columns it looked for', async () => {
    const bytes = new TextEncoder().encode('KẾ HOẠCH\nTriển khai một việc\n\nNội dung không có bảng nào.\n');
    expectError(await failure(bytes, 'khong-bang.txt'), 'no-task-table', /Cơ quan chủ trì/);
  });
});
