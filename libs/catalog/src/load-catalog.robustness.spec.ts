// Any damage to a seed file must end in diagnostics, never in an exception:
// every field of the valid fixtures is in turn deleted or replaced by a value
// of the wrong shape, and each result must load to located errors.
import { isMap, isSeq, parseDocument, type Document } from 'yaml';

import { hasErrors, type FieldPath } from '@dondoc/schemas';

import { loadAgencyDirectory, loadPlan } from './load-catalog';
import { readFixture } from './test-fixtures';

function paths(doc: Document): FieldPath[] {
  const found: FieldPath[] = [];
  const walk = (node: unknown, path: FieldPath) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = String((pair.key as { value?: unknown } | null)?.value);
        found.push([...path, key]);
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        found.push([...path, index]);
        walk(item, [...path, index]);
      });
    }
  };
  walk(doc.contents, []);
  return found;
}

const REPLACEMENTS: unknown[] = [null, 42, 'so-khong-co', [], ['x'], { sai: 1 }];

function mutations(text: string): string[] {
  const out: string[] = [];
  for (const path of paths(parseDocument(text))) {
    const deleted = parseDocument(text);
    deleted.deleteIn(path);
    out.push(deleted.toString());
    for (const value of REPLACEMENTS) {
      const replaced = parseDocument(text);
      replaced.setIn(path, value);
      out.push(replaced.toString());
    }
  }
  return out;
}

describe('loading damaged seed files', () => {
  const directory = loadAgencyDirectory(readFixture('agencies/valid.yaml'));

  it.each([
    ['plans/valid.yaml', (text: string) => loadPlan({ file: 'plan.yaml', text }, directory.references)],
    ['agencies/valid.yaml', (text: string) => loadAgencyDirectory({ file: 'agencies.yaml', text })],
  ])('never throws on a damaged %s, and places every problem', (fixture, load) => {
    const variants = mutations(readFixture(fixture).text);
    expect(variants.length).toBeGreaterThan(200);
    for (const text of variants) {
      const result = load(text);
      // A file that does not load always says why.
      expect(result.ok || hasErrors(result.diagnostics)).toBe(true);
      for (const diagnostic of result.diagnostics) {
        expect(diagnostic.line).toBeGreaterThanOrEqual(1);
        expect(diagnostic.column).toBeGreaterThanOrEqual(1);
        expect(diagnostic.message).not.toBe('');
      }
    }
  });
});
