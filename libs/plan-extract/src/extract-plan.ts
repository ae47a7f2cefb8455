// One extraction: bytes in, draft and report out. Detect the format, read
// the document, find its task table, resolve agencies and deadlines against
// the directory, write the draft YAML and check it as `plan validate` would.
// Any document that cannot be read raises an ExtractionError; nothing else
// is written or changed.
import type { AgencyDirectory } from '@dondoc/domain';

import { AgencySpellings } from './agencies/agency-spellings';
import { AgencyResolver } from './agencies/resolve-agencies';
import { decodeText, detectFormat } from './document/detect-format';
import { detectLegacyEncoding } from './document/legacy-encoding';
import { readDocx } from './document/read-docx';
import { readPdf } from './document/read-pdf';
import type { DocumentKind, SourceDocument } from './document/source-document';
import { buildDraft, type DraftPlan, type FieldReview } from './draft/build-draft';
import { validateDraft, type DraftValidation } from './draft/validate-draft';
import { writeDraftYaml } from './draft/write-draft-yaml';
import { DEFAULT_EXTRACTION_LIMITS, ExtractionError, type ExtractionLimits } from './extraction-error';
import { readMetadata } from './metadata/read-metadata';
import { readReporting } from './metadata/read-reporting';
import type { ExtractedIndicatorTable } from './indicators/indicator-table';
import { readGridIndicators } from './indicators/read-grid-indicators';
import { readTextIndicators } from './indicators/read-text-indicators';
import { formatReport } from './report/format-report';
import type { ExtractedTable } from './table/extracted-table';
import { readGridTable } from './table/read-grid-table';
import { readTextTables } from './text-table/read-text-table';

export interface ExtractionInput {
  readonly bytes: Uint8Array;
  /** For messages and the draft's header; the format is read from the bytes. */
  readonly fileName: string;
}

export interface ExtractionOptions {
  readonly directory: AgencyDirectory;
  readonly limits?: ExtractionLimits;
  /** Year assumed when the document prints none. */
  readonly currentYear: number;
}

export interface ExtractionResult {
  readonly source: { readonly fileName: string; readonly kind: DocumentKind; readonly pages: number };
  readonly draft: { readonly plan: DraftPlan; readonly yaml: string };
  /** Every field with its confidence below 1; those under REVIEW_BELOW need a look. */
  readonly fields: readonly FieldReview[];
  readonly unresolvedAgencies: ReadonlyArray<{ readonly name: string; readonly taskIds: readonly string[] }>;
  readonly table: ExtractedTable;
  readonly validation: DraftValidation;
  readonly notes: readonly string[];
  /** The readable report (`--report`). */
  readonly reportText: string;
}

export async function extractPlan(input: ExtractionInput, options: ExtractionOptions): Promise<ExtractionResult> {
  const limits = options.limits ?? DEFAULT_EXTRACTION_LIMITS;
  const kind = detectFormat(input.bytes, input.fileName, limits);
  const spellings = AgencySpellings.fromDirectory(options.directory);
  const resolver = new AgencyResolver(spellings);

  let document: SourceDocument;
  let tables: ExtractedTable[];
  let indicators: ExtractedIndicatorTable[];
  if (kind === 'text') {
    const text = decodeText(input.bytes, input.fileName).normalize('NFC');
    refuseLegacy(text, input.fileName);
    const lines = text.split(/\r?\n|\f/);
    document = { kind, pages: 1 + (text.match(/\f/g) ?? []).length, lines: lines.map((t, i) => ({ text: t, page: 1, line: i + 1 })), tables: [], notes: [] };
    tables = readTextTables(lines, spellings);
    indicators = readTextIndicators(lines, spellings);
  } else {
    document = kind === 'pdf' ? await readPdf(input.bytes, limits) : await readDocx(input.bytes);
    refuseLegacy(document.lines.map((l) => l.text).join('\n'), input.fileName);
    const title = appendixTitle(document);
    tables = document.tables.flatMap((grid) => readGridTable(grid, title) ?? []);
    indicators = document.tables.flatMap((grid) => readGridIndicators(grid) ?? []);
  }
  const table = tables.filter((t) => t.groups.length > 0).sort((a, b) => rowsOf(b) - rowsOf(a))[0];
  if (!table) {
    throw new ExtractionError(
      'no-task-table',
      `Không tìm thấy bảng nhiệm vụ trong ${input.fileName}: cần một bảng có dòng tiêu đề gồm cột nhiệm vụ (“Nhiệm vụ”, “Nội dung”) và cột cơ quan chủ trì (“Cơ quan chủ trì”, “Đơn vị chủ trì”).`,
    );
  }
  const bodyLines = kind === 'text' ? document.lines : document.lines;
  const metadata = readMetadata(bodyLines);
  const reporting = readReporting(bodyLines);
  const indicatorTableSeen = bodyLines.some((l) => /PHỤ LỤC[^\n]*CHỈ TIÊU/u.test(l.text)) || document.tables.some((t) => t.rows[0]?.cells.some((c) => /^chỉ tiêu$/iu.test(c.text.trim())));
  const built = buildDraft({ table, metadata, reporting, resolver, fallbackYear: options.currentYear, indicators, indicatorTableSeen });
  const yaml = writeDraftYaml(built.plan, built.fields, input.fileName);
  const validation = validateDraft(yaml, `${built.plan.id}.yaml`, options.directory);
  const notes = [...document.notes, ...table.notes, ...(tables.length > 1 ? [`Văn bản có ${tables.length} bảng nhiệm vụ; đã lấy bảng dài nhất.`] : [])];
  const result = {
    source: { fileName: input.fileName, kind, pages: document.pages },
    draft: { plan: built.plan, yaml },
    fields: built.fields,
    unresolvedAgencies: built.unresolvedAgencies,
    table,
    validation,
    notes,
  };
  return { ...result, reportText: formatReport(result) };
}

function rowsOf(table: ExtractedTable): number {
  return table.groups.reduce((n, g) => n + g.rows.length, 0);
}

function refuseLegacy(text: string, fileName: string): void {
  const legacy = detectLegacyEncoding(text);
  if (legacy) {
    throw new ExtractionError(
      'legacy-encoding',
      `Chữ trong ${fileName} dùng bảng mã cũ ${legacy} (${legacy === 'TCVN3' ? 'phông .VnTime, ABC' : 'phông VNI-Times'}), không phải Unicode; hãy chuyển mã sang Unicode (ví dụ công cụ chuyển mã của Unikey) rồi tải lại.`,
    );
  }
}

/** "CÁC NHIỆM VỤ …" printed under "PHỤ LỤC": the title of a table without groups. */
function appendixTitle(document: SourceDocument): string | null {
  const lines = document.lines.map((l) => l.text);
  const start = lines.findIndex((t) => /^PHỤ LỤC\b/u.test(t));
  if (start < 0) return null;
  const parts = [lines[start]!.replace(/^PHỤ LỤC\s*[IVXLC\d]*\s*[-–:.]?\s*/u, '')];
  for (let i = start + 1; i < Math.min(lines.length, start + 4); i += 1) {
    if (lines[i]!.startsWith('(')) break;
    parts.push(lines[i]!);
  }
  const title = parts.join(' ').replace(/\s+/g, ' ').trim();
  return title === '' ? null : title;
}
