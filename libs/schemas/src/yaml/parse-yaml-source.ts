// Reads YAML text into plain data while keeping the parsed document, so every
// later problem, from zod or from a cross-check, can be placed at a line and
// column. Syntax problems are all reported; data is returned only without them.
import { isAlias, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';

import type { Diagnostic, Finding } from '../diagnostics/diagnostic';
import { formatPath } from '../diagnostics/diagnostic';
import { createLocator, type Locator } from './locator';
import { describeYamlError } from './yaml-error-messages';

/** A seed file's text and the name to show in messages (usually its path relative to the repository). */
export interface SourceText {
  readonly file: string;
  readonly text: string;
}

export interface YamlSource {
  readonly file: string;
  /** Plain data, or undefined when the text is not valid YAML or holds nothing. */
  readonly data: unknown;
  readonly diagnostics: readonly Diagnostic[];
  readonly locate: Locator;
  /** Places a finding of a check in this file. */
  place(finding: Finding): Diagnostic;
}

// A seed file is small; a document that expands aliases beyond this is a mistake or an attack.
const MAX_ALIAS_COUNT = 1000;

export function parseYamlSource({ file, text }: SourceText): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locate = createLocator(doc, lineCounter);
  const place = (finding: Finding): Diagnostic => ({
    file,
    ...locate(finding.path, finding.at),
    path: formatPath(finding.path),
    code: finding.code,
    severity: finding.severity ?? 'error',
    message: finding.message,
  });
  const atOffset = (error: YAMLError, severity: Diagnostic['severity']): Diagnostic => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return {
      file,
      line,
      column: col,
      path: '',
      code: severity === 'error' ? 'yaml-syntax' : 'yaml-warning',
      severity,
      message: describeYamlError(error.code, error.message),
    };
  };

  const diagnostics = firstPerLine([...doc.errors.map((e) => atOffset(e, 'error')), ...doc.warnings.map((w) => atOffset(w, 'warning'))]);
  diagnostics.push(...unresolvedAliases(doc, lineCounter, file));
  if (diagnostics.some((d) => d.severity === 'error')) return { file, data: undefined, diagnostics, locate, place };
  if (doc.contents === null) {
    const empty: Diagnostic = { file, line: 1, column: 1, path: '', code: 'empty-file', severity: 'error', message: 'tệp trống, không có dữ liệu' };
    return { file, data: undefined, diagnostics: [...diagnostics, empty], locate, place };
  }
  try {
    return { file, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), diagnostics, locate, place };
  } catch (error) {
    // toJS fails only on alias abuse, which the checks above do not catch.
    const detail = error instanceof Error ? error.message : String(error);
    const failure: Diagnostic = { file, line: 1, column: 1, path: '', code: 'yaml-syntax', severity: 'error', message: `lỗi cú pháp YAML: không đọc được (${detail})` };
    return { file, data: undefined, diagnostics: [...diagnostics, failure], locate, place };
  }
}

/** The parser often reports one mistake several times on the same line; the first report is the telling one. */
function firstPerLine(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<number>();
  return diagnostics.filter((diagnostic) => {
    if (seen.has(diagnostic.line)) return false;
    seen.add(diagnostic.line);
    return true;
  });
}

function unresolvedAliases(doc: ReturnType<typeof parseDocument>, lineCounter: LineCounter, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(doc, {
    Alias(_key, node) {
      if (!isAlias(node) || node.resolve(doc) !== undefined) return;
      const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
      found.push({
        file,
        line,
        column: col,
        path: '',
        code: 'yaml-syntax',
        severity: 'error',
        message: `lỗi cú pháp YAML: tham chiếu *${node.source} không trỏ tới neo &${node.source} nào phía trên`,
      });
    },
  });
  return found;
}
