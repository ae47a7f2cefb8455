// What every reader hands on, whatever the file format: the body as lines of
// text in reading order (for the plan's metadata and reporting duty) and the
// tables it found. PDF and DOCX give real grids; pdftotext-style text has no
// positions left, so its tables come as a stream of lines to be segmented.

export type DocumentKind = 'pdf' | 'docx' | 'text';

/** One line of body text with where it came from, for messages ("trang 3", "dòng 120"). */
export interface SourceLine {
  readonly text: string;
  /** 1-based page (PDF), or 1 for formats without pages. */
  readonly page: number;
  /** 1-based line of the text file; null for PDF and DOCX. */
  readonly line: number | null;
}

/** A table cell. A cell merged from the one above (DOCX vMerge, a PDF cell without a top border) has `mergedAbove`. */
export interface GridCell {
  readonly text: string;
  /** 0-based grid column where the cell starts. */
  readonly column: number;
  /** Grid columns the cell spans (DOCX gridSpan, a PDF cell without inner borders). */
  readonly span: number;
  readonly mergedAbove: boolean;
}

export interface GridRow {
  readonly cells: readonly GridCell[];
  readonly page: number;
  /** First page row of a table that continues from the page before. */
  readonly startsPage: boolean;
  /** Marked by the document as the header repeated on every page (DOCX w:tblHeader). */
  readonly repeatedHeader?: boolean;
}

export interface GridTable {
  readonly rows: readonly GridRow[];
  /** Number of grid columns. */
  readonly columns: number;
  readonly page: number;
}

export interface SourceDocument {
  readonly kind: DocumentKind;
  readonly pages: number;
  readonly lines: readonly SourceLine[];
  /** Tables with a grid (PDF, DOCX); empty for text. */
  readonly tables: readonly GridTable[];
  /** Findings of the reader worth telling the admin (legacy encoding, pages without text). */
  readonly notes: readonly string[];
}

/** Text of a cell or line as the catalog keeps it: NFC, single spaces, trimmed. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/[\u00a0\s]+/g, ' ').trim();
}
