// An indicator table (Phụ lục chỉ tiêu) as the readers understood it: groups
// ("I Đến năm 2030") of rows, each with the indicator, its unit, the target
// and the agency that monitors it, before the agency is resolved. Its header
// is told apart from a task table's by its words: "Chỉ tiêu", "Đơn vị (tính)",
// "Kết quả"/"Mục tiêu", "Cơ quan (chủ trì) theo dõi, đánh giá".
import { foldVietnamese } from '@dondoc/schemas';

import type { FieldDoubt } from '../table/extracted-table';

export type IndicatorRole = 'row' | 'name' | 'unit' | 'target' | 'agency';
export type IndicatorField = Exclude<IndicatorRole, 'row'>;

export interface ExtractedIndicator {
  /** The TT cell as printed ("1", "6.1", "-"). */
  readonly label: string;
  /** The numbered row a "-" or "a)" item belongs to, else null. */
  readonly parent: string | null;
  readonly cells: Readonly<Record<IndicatorField, string>>;
  readonly doubts: Readonly<Partial<Record<IndicatorField, FieldDoubt>>>;
  readonly where: string;
}

export interface ExtractedIndicatorGroup {
  /** As printed ("I"); null for a table without groups. */
  readonly number: string | null;
  readonly title: string | null;
  readonly rows: readonly ExtractedIndicator[];
}

export interface ExtractedIndicatorTable {
  readonly groups: readonly ExtractedIndicatorGroup[];
  /** The year the header's target column names ("Mục tiêu đến năm 2030"), if any. */
  readonly headerYear: number | null;
}

const VOCABULARY: ReadonlyArray<{ role: IndicatorRole; pattern: RegExp }> = [
  { role: 'row', pattern: /^(?:s\s?tt|tt)\.?$/ },
  { role: 'agency', pattern: /theo doi|danh gia|giam sat|co quan chu tri|don vi chu tri/ },
  { role: 'unit', pattern: /^(?:don vi(?: tinh| do)?|dvt)$/ },
  { role: 'target', pattern: /ket qua|muc tieu|gia tri|chi tieu (?:den )?nam|ke hoach nam/ },
  { role: 'name', pattern: /^(?:ten )?chi tieu$|^noi dung chi tieu$/ },
];

/** The role an indicator table's header cell names, or null. */
export function indicatorRoleOfHeader(text: string): IndicatorRole | null {
  const folded = foldVietnamese(text).replace(/[()/,:.]+/g, ' ').replace(/\s+/g, ' ').trim();
  for (const { role, pattern } of VOCABULARY) if (pattern.test(folded)) return role;
  return null;
}

/**
 * Header phrases in running text (pdftotext writes the cells one after
 * another, broken over lines), longest first, with the words that may end
 * them ("theo dõi, đánh giá").
 */
export const INDICATOR_HEADER_PHRASES: ReadonlyArray<{ role: IndicatorRole; words: readonly string[] }> = [
  ['row', 'stt'],
  ['row', 'tt'],
  ['name', 'ten chi tieu'],
  ['name', 'chi tieu'],
  ['unit', 'don vi tinh'],
  ['unit', 'dvt'],
  ['unit', 'don vi'],
  ['target', 'ket qua'],
  ['target', 'muc tieu'],
  ['target', 'gia tri'],
  ['agency', 'co quan chu tri theo doi danh gia'],
  ['agency', 'co quan chu tri theo doi'],
  ['agency', 'co quan theo doi danh gia'],
  ['agency', 'co quan theo doi'],
  ['agency', 'co quan chu tri'],
  ['agency', 'don vi chu tri'],
].map(([role, words]) => ({ role: role as IndicatorRole, words: (words as string).split(' ') }));

/** Words that may follow a header phrase in its cell ("đến năm 2030", "theo dõi, đánh giá"). */
export const INDICATOR_HEADER_TAILS = new Set(['den', 'nam', 'theo', 'doi', 'danh', 'gia', 'giam', 'sat', 'thuc', 'hien', 'dat']);

/** A year named in a group heading or the target's header: "Đến năm 2030", "Mục tiêu năm 2025". */
export function yearNamed(text: string): number | null {
  const match = /(?:năm|đến)\s+(\d{4})\b/iu.exec(text);
  return match ? Number(match[1]) : null;
}

/** An indicator row's TT cell: "1", "6.1", "6.1.2"; a sub-item "-", "+", "a)". */
export function indicatorLabel(text: string): { kind: 'row'; label: string } | { kind: 'sub'; label: string } | null {
  const trimmed = text.trim();
  if (/^\d{1,2}(?:\.\d{1,2}){0,2}\.?$/.test(trimmed)) return { kind: 'row', label: trimmed.replace(/\.$/, '') };
  if (/^[-–+•]$/.test(trimmed) || /^[a-zđ]\)$/.test(trimmed)) return { kind: 'sub', label: trimmed === '–' ? '-' : trimmed };
  return null;
}
