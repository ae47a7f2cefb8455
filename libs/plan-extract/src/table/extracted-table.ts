// The task table as the readers understood it, before agencies and deadlines
// are resolved: groups of rows, each row's cells by role, and what the reader
// was unsure of (a merged cell copied down, a row split over pages, a column
// boundary guessed in text without positions).
import type { ColumnRole } from './header-vocabulary';

export type FieldRole = Exclude<ColumnRole, 'row' | 'extra'>;
export const FIELD_ROLES: readonly FieldRole[] = ['name', 'lead', 'coordinators', 'result', 'deadline'];

export interface FieldDoubt {
  /** 0–1: how sure the reader is of the cell's extent. */
  readonly confidence: number;
  /** Vietnamese reason for a reviewer. */
  readonly note: string;
}

export interface ExtractedRow {
  /** The TT cell as printed ("1", "1.", "a)", "-"). */
  readonly label: string;
  readonly cells: Readonly<Partial<Record<FieldRole, string>>>;
  /** Columns outside the catalog (kinh phí, ghi chú), header text → cell text. */
  readonly extras: Readonly<Record<string, string>>;
  readonly doubts: Readonly<Partial<Record<FieldRole, FieldDoubt>>>;
  /** Where the row starts, for the report: "trang 3" or "dòng 812". */
  readonly where: string;
}

export interface ExtractedGroup {
  /** As printed ("I", "A", "1"); null for a table without groups. */
  readonly number: string | null;
  readonly title: string;
  readonly rows: readonly ExtractedRow[];
  readonly where: string;
}

export interface ExtractedTable {
  /** Roles in the order of the header. */
  readonly columns: readonly ColumnRole[];
  /** The header cells as printed, by role. */
  readonly headers: Readonly<Partial<Record<ColumnRole, string>>>;
  readonly groups: readonly ExtractedGroup[];
  /** The title printed above the table (the appendix heading), when there is one. */
  readonly title: string | null;
  readonly notes: readonly string[];
}
