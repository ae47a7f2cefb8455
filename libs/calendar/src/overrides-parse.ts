// Turns the text of seeds/calendar/<year>.yaml, or data from elsewhere (an API,
// a workflow input), into validated overrides. Pure: no file system, so it may
// run inside workflow code.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';

import { CalendarOverridesError, formatFieldPath, type OverridesIssue } from './overrides-error';
import { calendarOverridesSchema, type CalendarOverrides } from './overrides.schema';

const vietnameseMessages = z.locales.vi().localeError;

/** Validates plain data (e.g. JSON received by a workflow); throws {@link CalendarOverridesError}. */
export function validateCalendarOverrides(value: unknown, origin = '<data>'): CalendarOverrides {
  return validate(value, origin, () => ({}));
}

/**
 * Parses and validates the YAML text of an overrides file; errors point at
 * `origin:line:column` and the field.
 */
export function parseCalendarOverrides(yamlText: string, origin = '<inline>'): CalendarOverrides {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new CalendarOverridesError(
      origin,
      doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { path: '', message: `lỗi cú pháp YAML: ${error.message}`, line, column: col };
      }),
    );
  }
  return validate(doc.toJS(), origin, (path) => locate(doc, lineCounter, path));
}

function validate(
  value: unknown,
  origin: string,
  position: (path: ReadonlyArray<PropertyKey>) => Pick<OverridesIssue, 'line' | 'column'>,
): CalendarOverrides {
  if (value === null || value === undefined) {
    throw new CalendarOverridesError(origin, [{ path: '', message: 'tệp trống', line: 1, column: 1 }]);
  }
  const result = calendarOverridesSchema.safeParse(value, { error: vietnameseMessages });
  if (result.success) return result.data;
  throw new CalendarOverridesError(
    origin,
    result.error.issues.map((issue) => ({
      path: formatFieldPath(issue.path),
      message: issue.message,
      ...position(issue.path),
    })),
  );
}

/** The deepest node on the path that exists: a missing field points at the object lacking it. */
function locate(doc: Document, lineCounter: LineCounter, path: ReadonlyArray<PropertyKey>): { line: number; column: number } {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment];
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function rangeStart(node: unknown): number | undefined {
  return node !== null && typeof node === 'object' && 'range' in node ? (node as Node).range?.[0] : undefined;
}
