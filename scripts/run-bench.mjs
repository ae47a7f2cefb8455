#!/usr/bin/env node
// Runs every compiled benchmark (dist/bench/*.bench.js) one after another, so
// they never compete for the two cores. Each writes bench/results/<name>.json.
//   npm run bench              all of them
//   npm run bench -- simulate  only those whose name contains "simulate"
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'dist', 'bench');
const filter = process.argv[2] ?? '';
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.bench.js') && f.includes(filter)).sort() : [];
if (files.length === 0) {
  console.error(`no benchmark matching "${filter}" in ${dir} (run npm run build first)`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const result = spawnSync(process.execPath, ['--expose-gc', path.join(dir, file)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
