// docs/configuration.md is what operators read: every variable the schema knows is
// listed once, with the default the schema really applies.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { loadConfig } from './load-config';
import { environmentSchema } from './schema';

const doc = readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'configuration.md'), 'utf8');
const documented = new Map(
  [...doc.matchAll(/^\| `([A-Z_]+)` \| (?:`(.*)`|\(unset\)) \| (.+) \|$/gm)].map(([, name, fallback, meaning]) => [name!, { fallback, meaning: meaning! }]),
);

describe('docs/configuration.md', () => {
  it('lists every variable of the schema, and no other', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(environmentSchema.shape).sort());
    expect(doc.match(/^\| `[A-Z_]+` \|/gm)).toHaveLength(documented.size); // no name twice
  });

  it('gives each variable the default the schema applies, and a meaning', () => {
    const defaults = loadConfig({}) as Record<string, unknown>;
    for (const [name, { fallback, meaning }] of documented) {
      expect({ name, fallback: fallback ?? null }).toEqual({ name, fallback: defaults[name] === undefined ? null : String(defaults[name]) });
      expect(meaning.length).toBeGreaterThan(10);
    }
  });
});
