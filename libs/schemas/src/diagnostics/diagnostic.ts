// One problem found in a seed file, located precisely enough that the person
// who typed the file can go straight to it: file:line:column, the field path,
// and a message in Vietnamese (the readers are provincial civil servants).

export type PathSegment = string | number;
export type FieldPath = readonly PathSegment[];

export type Severity = 'error' | 'warning';

/** Stable machine-readable kinds of problems; messages may be reworded, codes may not. */
export type DiagnosticCode =
  // syntax and shape (libs/schemas)
  | 'yaml-syntax'
  | 'yaml-warning'
  | 'empty-file'
  | 'missing-field'
  | 'wrong-type'
  | 'unknown-field'
  | 'invalid-value'
  | 'empty-value'
  | 'invalid-date'
  | 'invalid-deadline'
  // meaning across entries and files (libs/catalog)
  | 'duplicate-id'
  | 'duplicate-alias'
  | 'duplicate-reference'
  | 'unknown-agency'
  | 'not-an-agency'
  | 'group-cycle'
  | 'reorganisation-conflict'
  | 'id-format'
  | 'file-name-mismatch'
  | 'agency-name-mismatch'
  | 'name-instead-of-id';

export interface SourcePosition {
  /** 1-based */
  readonly line: number;
  /** 1-based, in characters */
  readonly column: number;
}

export interface Diagnostic extends SourcePosition {
  readonly file: string;
  /** "groups[2].tasks[4].deadline"; "" for the file as a whole. */
  readonly path: string;
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
}

/** A problem found before it is placed in a file: the checks know paths, the loader knows lines. */
export interface Finding {
  readonly path: FieldPath;
  readonly code: DiagnosticCode;
  readonly message: string;
  /** @defaultValue 'error' */
  readonly severity?: Severity;
  /** Point at the key (default) or at the value of the last path segment. */
  readonly at?: 'key' | 'value';
}

export function formatPath(path: FieldPath): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text === '' ? segment : `${text}.${segment}`),
    '',
  );
}

/** `seeds/plans/x.yaml:120:9 groups[2].tasks[4].deadline: không hiểu thời hạn "13/2025" (…)` */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
  const prefix = diagnostic.severity === 'warning' ? 'cảnh báo: ' : '';
  return diagnostic.path === ''
    ? `${where}: ${prefix}${diagnostic.message}`
    : `${where} ${diagnostic.path}: ${prefix}${diagnostic.message}`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.path.localeCompare(b.path);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
