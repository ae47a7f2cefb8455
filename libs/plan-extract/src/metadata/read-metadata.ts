// The plan's own details, taken from the body where the document states
// them: the title under "KẾ HOẠCH", "Kế hoạch số …/KH-UBND", the date line
// ("ngày 07 tháng 10 năm 2024", blanks kept as printed), the issuer, and the
// documents it implements ("Thực hiện …", "Căn cứ …").
import type { SourceLine } from '../document/source-document';

export interface PlanMetadata {
  readonly title: string | null;
  /** "3584/KH-UBND"; null when the number is left blank or absent. */
  readonly number: string | null;
  readonly issued: { readonly year: number | null; readonly date: string | null; readonly text: string | null };
  /** The issuing body as printed ("Ủy ban nhân dân tỉnh"), to be resolved. */
  readonly issuerText: string | null;
  readonly legalBasis: readonly string[];
  /** Upper-case lines at the top (the issuing body's letterhead), lowest level last. */
  readonly letterhead: readonly string[];
}

const NUMBER = /(?:Kế hoạch số|Số)\s*:?\s*(\d+[A-Za-z]?)\s*\/\s*(KH-[\p{L}\d-]+)/u;
const DATE = /ngày\s+(\d{0,2})\s*tháng\s+(\d{0,2})\s*năm\s+(\d{4})/u;

export function readMetadata(lines: readonly SourceLine[]): PlanMetadata {
  const texts = lines.map((l) => l.text);
  const body = texts.join('\n');
  return {
    title: readTitle(texts),
    number: NUMBER.exec(body) ? `${NUMBER.exec(body)![1]}/${NUMBER.exec(body)![2]}` : null,
    issued: readIssued(body),
    issuerText: readIssuer(body),
    legalBasis: readLegalBasis(texts),
    letterhead: texts
      .slice(0, 8)
      .flatMap((t) => t.split(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập.*$/u))
      .map((t) => t.trim())
      .filter((t) => t.length > 3 && t === t.toLocaleUpperCase('vi') && /\p{Lu}/u.test(t)),
  };
}

function readTitle(texts: readonly string[]): string | null {
  const start = texts.findIndex((t) => /^KẾ HOẠCH\b/u.test(t.trim()));
  if (start < 0) return null;
  const rest = texts[start]!.trim().replace(/^KẾ HOẠCH\s*/u, '');
  const parts = rest === '' ? [] : [rest];
  let blanks = 0;
  for (let i = start + 1; i < Math.min(texts.length, start + 10); i += 1) {
    const text = texts[i]!.trim();
    // Text extracted from PDF puts blank lines inside the title; two in a row end it.
    if (text === '') {
      blanks += 1;
      if (blanks >= 2) break;
      continue;
    }
    blanks = 0;
    if ((parts.length > 0 && /^(?:Thực hiện|Căn cứ|Để|Nhằm|Theo)(?=\s)/u.test(text)) || /^(?:I\.|Phần\s)/u.test(text) || /^[-–_*]+$/.test(text)) break;
    parts.push(text);
  }
  if (parts.length === 0) return null;
  const title = parts.join(' ').replace(/\s+/g, ' ').trim();
  return `Kế hoạch ${title.charAt(0).toUpperCase()}${title.slice(1)}`;
}

function readIssued(body: string): PlanMetadata['issued'] {
  // The date printed with the plan's own number (the appendix's "Kèm theo Kế hoạch số … ngày …") or in the header.
  const anchored = /(?:Kế hoạch số[^\n]*?|, )(ngày\s+\d{0,2}\s*tháng\s+\d{0,2}\s*năm\s+\d{4})/u.exec(body);
  const match = anchored?.[1] ? DATE.exec(anchored[1]) : DATE.exec(body);
  if (!match) return { year: null, date: null, text: null };
  const [day, month, year] = [match[1] ? Number(match[1]) : null, match[2] ? Number(match[2]) : null, Number(match[3])];
  const date = day && month ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;
  return { year, date, text: match[0] };
}

function readIssuer(body: string): string | null {
  const match = /(Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(tỉnh|thành phố)(?:\s+[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*)*)?\s+ban hành/u.exec(body);
  if (match) return match[0].replace(/\s+ban hành$/u, '');
  const header = /^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+(TỈNH|THÀNH PHỐ)\s*([\p{Lu}\s]*)$/mu.exec(body);
  return header ? 'Ủy ban nhân dân tỉnh' : null;
}

const DOCUMENT_KIND = '(?:Nghị quyết|Quyết định|Chỉ thị|Kết luận|Luật|Nghị định|Thông tư|Kế hoạch|Chương trình|Công văn)';
/** A document named with its number inside a cited one: "… Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW ngày …". */
const NESTED = new RegExp(`(?:thực hiện|triển khai|theo) (${DOCUMENT_KIND} (?:số )?\\d+[\\p{L}\\d/-]*-[\\p{L}\\d/-]+ .*)$`, 'u');

/**
 * "Thực hiện Nghị quyết 03/NQ-CP … (Nghị quyết 03/NQ-CP), Ủy ban …" and each
 * "Căn cứ …;" line, and the documents those name as what they implement
 * (the plan rests on them too).
 */
function readLegalBasis(texts: readonly string[]): string[] {
  const joined = texts.join(' ').replace(/\s+/g, ' ');
  const found: string[] = [];
  const implementing = new RegExp(`Thực hiện (${DOCUMENT_KIND}[^;]*?)(?: \\([^()]*\\))?,\\s*(?:Ủy ban|Uỷ ban|UBND)`, 'u').exec(joined);
  if (implementing?.[1]) found.push(implementing[1].trim());
  for (const match of joined.matchAll(new RegExp(`Căn cứ (${DOCUMENT_KIND}[^;]*?)\\s*;`, 'gu'))) {
    if (match[1]) found.push(match[1].trim());
  }
  const nested = found.flatMap((basis) => {
    const inner = NESTED.exec(basis)?.[1];
    return inner ? [inner.trim()] : [];
  });
  return [...new Set([...found, ...nested])];
}
