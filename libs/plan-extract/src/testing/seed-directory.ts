// The seed agency directory, loaded once for the extraction tests and the benchmark.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { loadAgencyDirectory } from '@dondoc/catalog';
import type { AgencyDirectory } from '@dondoc/domain';

export function seedDirectory(root = process.cwd()): AgencyDirectory {
  const file = path.join(root, 'seeds', 'agencies.yaml');
  const loaded = loadAgencyDirectory({ file, text: readFileSync(file, 'utf8') });
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.directory;
}
