// The yaml package reports syntax errors in English with a code; the people
// editing seeds read Vietnamese. The English text stays in brackets for the
// developer who has to dig deeper.
import type { ErrorCode } from 'yaml';

const VIETNAMESE: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT: 'thụt lề sai: các khoá cùng cấp phải thẳng cột',
  TAB_AS_INDENT: 'thụt lề bằng phím Tab; chỉ được dùng dấu cách',
  DUPLICATE_KEY: 'khoá bị lặp lại trong cùng một khối',
  MISSING_CHAR: 'thiếu ký tự: dấu nháy đóng, dấu "-" đầu mục danh sách, hoặc "]" / "}"',
  MULTILINE_IMPLICIT_KEY: 'dòng này không có dạng "khoá: giá trị": thiếu dấu hai chấm, hoặc thụt lề sai',
  BLOCK_AS_IMPLICIT_KEY: 'thụt lề sai, hoặc giá trị có dấu ": " mà không đặt trong dấu nháy',
  UNEXPECTED_TOKEN: 'ký tự không đúng chỗ',
  BAD_SCALAR_START: 'giá trị bắt đầu bằng ký tự đặc biệt; hãy đặt trong dấu nháy',
  MULTIPLE_DOCS: 'tệp có nhiều tài liệu YAML (dấu ---); mỗi tệp chỉ được một',
  BAD_DQ_ESCAPE: 'dấu gạch chéo ngược (\\) sai trong chuỗi nháy kép',
  BLOCK_IN_FLOW: 'khối nhiều dòng nằm trong [...] hoặc {...}',
  BAD_ALIAS: 'tham chiếu (*) sai',
  MULTIPLE_ANCHORS: 'một giá trị có nhiều neo (&)',
  KEY_OVER_1024_CHARS: 'khoá dài quá 1024 ký tự',
};

export function describeYamlError(code: ErrorCode, englishMessage: string): string {
  const detail = englishMessage.split('\n')[0]?.trim() ?? '';
  return `lỗi cú pháp YAML: ${VIETNAMESE[code] ?? 'không đọc được'} (${code}: ${detail})`;
}
