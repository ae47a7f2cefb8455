// A cell of a plan names agencies twice: in the words of the document (`text`)
// and as directory ids (`agencies`). A typo in either goes unnoticed unless the
// two are compared: each id's name or alias must occur in the text (case and
// spacing aside, and "Các Sở: Khoa học và Công nghệ, Nội vụ" naming "Sở Nội vụ"
// counts). A text that names it only without some diacritics, or not at all,
// is a warning with "có phải … không?"; a display name written where an id
// belongs gets the id it stands for.
import { foldVietnamese, type FieldPath, type Finding, normaliseName } from '@dondoc/schemas';

import type { ReferenceEntry, ReferenceIndex } from '../reference-index';
import { field, id, items, text } from './raw-data';

/** Words that open the name of a kind of body; a list such as "Các Sở: A, B" drops them before each name. */
const BODY_KIND = /^(?:sở|ban|bộ|cục|chi cục|trường|viện|đài|báo|hội|liên đoàn|ủy ban nhân dân|ubnd)\s+/u;

interface Cell {
  readonly value: unknown;
  readonly path: FieldPath;
}

export function checkAgencyNames(data: unknown, references: ReferenceIndex): Finding[] {
  const cells: Cell[] = [
    ...items(field(data, 'indicators')).map((indicator, i) => ({ value: field(indicator, 'monitoringAgency'), path: ['indicators', i, 'monitoringAgency'] })),
    ...items(field(data, 'groups')).flatMap((group, g) =>
      items(field(group, 'tasks')).flatMap((task, t) => (['lead', 'coordinators'] as const).map((role) => ({ value: field(task, role), path: ['groups', g, 'tasks', t, role] }))),
    ),
  ];
  const reporting = field(data, 'reporting');
  const singles: Cell[] = [
    { value: field(data, 'issuer'), path: ['issuer'] },
    { value: field(reporting, 'unitsReportTo'), path: ['reporting', 'unitsReportTo'] },
    ...items(field(reporting, 'aggregatorReportsTo')).map((value, i) => ({ value, path: ['reporting', 'aggregatorReportsTo', i] })),
  ];
  return [
    ...cells.flatMap((cell) => [...checkCell(cell, references), ...items(field(cell.value, 'agencies')).flatMap((value, i) => nameForId(value, [...cell.path, 'agencies', i], references))]),
    ...singles.flatMap(({ value, path }) => nameForId(value, path, references)),
  ];
}

function checkCell({ value, path }: Cell, references: ReferenceIndex): Finding[] {
  const raw = field(value, 'text');
  const cellText = typeof raw === 'number' ? String(raw) : text(raw);
  if (cellText === undefined || cellText.trim() === '') return [];
  const entries = items(field(value, 'agencies'));
  const listed = entries.flatMap((entry) => id(entry) ?? []);
  return entries.flatMap((raw, i): Finding[] => {
    const agencyId = id(raw);
    const entry = agencyId === undefined ? undefined : references.get(agencyId);
    if (!entry) return []; // unknown ids are reported by the reference check
    const spellings = [entry.name, ...entry.aliases];
    if (spellings.some((s) => named(normaliseName(cellText), normaliseName(s)))) return [];
    const misspelt = spellings.find((s) => named(foldVietnamese(cellText), foldVietnamese(s)));
    if (misspelt) {
      return [
        {
          path: [...path, 'text'],
          at: 'value',
          code: 'agency-name-mismatch',
          severity: 'warning',
          message: `"${cellText}" viết tên ${agencyId} khác dấu với danh mục; có phải "${corrected(cellText, misspelt)}" không?`,
        },
      ];
    }
    const other = otherNamed(cellText, listed, references);
    const hint = other ? `có phải "${other.id}" (${other.name}) không?` : `có phải ghi nhầm mã, hoặc thiếu tên cơ quan trong ô không?`;
    return [
      {
        path: [...path, 'agencies', i],
        at: 'value',
        code: 'agency-name-mismatch',
        severity: 'warning',
        message: `"${cellText}" không nêu tên ${agencyId} (${entry.name}); ${hint}`,
      },
    ];
  });
}

/** A display name (or any spelling the directory knows) where an id belongs: the id it stands for. */
function nameForId(value: unknown, path: FieldPath, references: ReferenceIndex): Finding[] {
  if (typeof value !== 'string' || id(value) !== undefined || value.trim() === '') return [];
  const near = references.suggest(value);
  if (!near) return [];
  return [{ path, at: 'value', code: 'name-instead-of-id', message: `"${value}" là tên, ở đây cần mã cơ quan; có phải "${near.id}" (${near.name}) không?` }];
}

/** Whether `text` names `spelling` as whole words, or (in "Các Sở: A, B") without its opening kind word. */
function named(text: string, spelling: string): boolean {
  if (containsWords(text, spelling)) return true;
  const core = spelling.replace(BODY_KIND, '');
  return core !== spelling && core.split(' ').length >= 2 && containsWords(text, core);
}

function containsWords(text: string, words: string): boolean {
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, 'u').test(text);
}

/** The cell's text with the misspelt name replaced by the directory's spelling (same words, right diacritics). */
function corrected(cellText: string, spelling: string): string {
  const folded = foldVietnamese(spelling);
  const words = cellText.normalize('NFC').split(/(\s+)/);
  // Find the run of words whose folded form is the spelling's, and put the spelling in its place.
  for (let start = 0; start < words.length; start += 2) {
    for (let end = start; end < words.length; end += 2) {
      const run = words.slice(start, end + 1).join('');
      if (foldVietnamese(run).replace(/[^\p{L}\p{N} ]/gu, '') === folded.replace(/[^\p{L}\p{N} ]/gu, '')) {
        return [...words.slice(0, start), spelling, ...words.slice(end + 1)].join('');
      }
    }
  }
  return spelling;
}

/** An agency or group the text does name, though it is not among the cell's ids: the likely intended one. */
function otherNamed(cellText: string, listed: readonly string[], references: ReferenceIndex): ReferenceEntry | null {
  const candidate = references.suggest(cellText);
  return candidate && !listed.includes(candidate.id) ? candidate : null;
}
