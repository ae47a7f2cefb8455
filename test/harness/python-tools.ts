import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { repoRoot } from '@dondoc/runtime';

/**
 * The Python of .tools/venv, where scripts/install-tools.mjs installs the independent
 * checkers the conformance tests read our outputs with (holidays, …). Throws with the
 * command to run when they are missing.
 */
export function testPython(requiredPackage: string): string {
  const manifestPath = path.join(repoRoot(), '.tools', 'manifest.json');
  const manifest = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { python?: string; pythonTestPackages?: Record<string, string> }) : {};
  if (!manifest.python || !existsSync(manifest.python) || !manifest.pythonTestPackages?.[requiredPackage]) {
    throw new Error(`the Python test checker "${requiredPackage}" is not installed: run \`npm run setup:tools\``);
  }
  return manifest.python;
}
