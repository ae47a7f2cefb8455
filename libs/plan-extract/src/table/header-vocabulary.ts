// The words plans put in the header of a task table, whatever the issuer:
// "TT"/"STT", "Nhiệm vụ"/"Tên nhiệm vụ"/"Nội dung công việc", "Cơ quan chủ
// trì"/"Đơn vị chủ trì", "phối hợp", "Kết quả"/"Sản phẩm đầu ra", "Thời
// gian"/"Thời hạn"/"Tiến độ". Columns such as "Kinh phí" or "Ghi chú" are
// kept aside. Patterns run on folded text (no diacritics, lower case).
import { foldVietnamese } from '@dondoc/schemas';

export type ColumnRole = 'row' | 'name' | 'lead' | 'coordinators' | 'result' | 'deadline' | 'extra';

/** The roles a task table needs; the others are optional. */
export const REQUIRED_ROLES: readonly ColumnRole[] = ['name', 'lead'];

const VOCABULARY: ReadonlyArray<{ role: ColumnRole; pattern: RegExp }> = [
  { role: 'row', pattern: /^(?:s\s?tt|tt|so thu tu|so tt)\.?$/ },
  { role: 'coordinators', pattern: /phoi hop/ },
  { role: 'lead', pattern: /chu tri|(?:co quan|don vi) (?:thuc hien|dau moi|trien khai)|^don vi thuc hien$/ },
  { role: 'deadline', pattern: /thoi gian|thoi han|tien do|moc hoan thanh|^han hoan thanh/ },
  { role: 'result', pattern: /ket qua|san pham|hinh thuc (?:van ban|san pham)|dau ra/ },
  { role: 'extra', pattern: /kinh phi|ghi chu|nguon von|du toan|chi tieu|don vi tinh/ },
  { role: 'name', pattern: /nhiem vu|noi dung|cong viec|giai phap|ten (?:de an|du an|hoat dong)|hoat dong/ },
];

/** The role a header cell names, or null when it names none of them. */
export function roleOfHeader(text: string): ColumnRole | null {
  const folded = foldVietnamese(text).replace(/[()/,:]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (folded === '') return null;
  for (const { role, pattern } of VOCABULARY) if (pattern.test(folded)) return role;
  return null;
}

/**
 * Phrases that can start a role's header in running text (the text form,
 * where header cells are broken over lines and joined by spaces), longest first.
 */
export const HEADER_PHRASES: ReadonlyArray<{ role: ColumnRole; words: readonly string[] }> = [
  ['row', 'stt'],
  ['row', 'tt'],
  ['name', 'ten nhiem vu'],
  ['name', 'noi dung cong viec'],
  ['name', 'noi dung nhiem vu'],
  ['name', 'nhiem vu giai phap'],
  ['name', 'nhiem vu'],
  ['name', 'noi dung'],
  ['lead', 'co quan chu tri'],
  ['lead', 'don vi chu tri'],
  ['lead', 'chu tri'],
  ['coordinators', 'co quan phoi hop'],
  ['coordinators', 'don vi phoi hop'],
  ['coordinators', 'phoi hop'],
  ['result', 'san pham dau ra'],
  ['result', 'ket qua san pham'],
  ['result', 'ket qua'],
  ['result', 'san pham'],
  ['deadline', 'thoi gian hoan thanh'],
  ['deadline', 'thoi gian thuc hien'],
  ['deadline', 'thoi han hoan thanh'],
  ['deadline', 'thoi han'],
  ['deadline', 'thoi gian'],
  ['deadline', 'tien do'],
  ['extra', 'kinh phi'],
  ['extra', 'ghi chu'],
].map(([role, words]) => ({ role: role as ColumnRole, words: (words as string).split(' ') }));
