// Maps a field path (from zod or from a semantic check) back to the place in
// the YAML text where a person would fix it.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

import type { FieldPath, SourcePosition } from '../diagnostics/diagnostic';

export type Locator = (path: FieldPath, at?: 'key' | 'value') => SourcePosition;

/**
 * Builds a locator for a parsed document. A path that exists points at its key
 * (where the eye looks for a field) or, for a list item, at the item; with
 * `at: 'value'`, at the value. A path that does not exist (a missing field)
 * points at the deepest part that does: the key of the object that lacks it.
 */
export function createLocator(doc: Document, lineCounter: LineCounter): Locator {
  const position = (node: Node | null | undefined): SourcePosition | null => {
    const offset = node?.range?.[0];
    if (offset === undefined) return null;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const start: SourcePosition = position(asNode(doc.contents)) ?? { line: 1, column: 1 };

  return (path, at = 'key') => {
    let node = resolve(doc, asNode(doc.contents));
    let found: SourcePosition = start;
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) return found;
        const value = resolve(doc, asNode(pair.value));
        const keyPosition = position(asNode(pair.key)) ?? found;
        found = last && at === 'value' ? (position(value) ?? keyPosition) : keyPosition;
        node = value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = resolve(doc, asNode(node.items[segment]));
        if (!item) return found;
        found = position(item) ?? found;
        node = item;
      } else {
        return found;
      }
    }
    return found;
  };
}

function asNode(value: unknown): Node | null {
  return value !== null && typeof value === 'object' && 'range' in value ? (value as Node) : null;
}

function resolve(doc: Document, node: Node | null): Node | null {
  return isAlias(node) ? (asNode(node.resolve(doc)) ?? node) : node;
}
