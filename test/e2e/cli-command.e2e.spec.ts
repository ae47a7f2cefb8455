// Issue 13 §6: `dondoc` is a command. package.json declares it in `bin`, so
// `npx dondoc …` works in the checkout and `npm install -g` installs it; the bin
// script runs the built CLI on the pinned Node 24 when started by an older Node.
import { repoRoot } from '@dondoc/runtime';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = repoRoot();
const run = (command: string, args: string[], cwd: string) => spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH, HOME: process.env.HOME } });

/** A `node` on PATH older than the CLI needs (22.12), outside this checkout's node_modules, if the machine has one. */
function olderNode(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || dir.startsWith(root)) continue;
    const candidate = path.join(dir, 'node');
    try {
      const [major, minor] = execFileSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim().split('.').map(Number) as [number, number];
      if (major < 22 || (major === 22 && minor < 12)) return candidate;
    } catch {
      // not there
    }
  }
  return null;
}

describe('the dondoc command', () => {
  it('package.json declares it', () => {
    expect(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).bin).toEqual({ dondoc: 'bin/dondoc.mjs' });
  });

  it('npx dondoc runs the CLI in the checkout, with its exit codes', () => {
    const help = run('npx', ['--no-install', 'dondoc', '--help'], root);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: dondoc [options] [command]');
    const calendar = run('npx', ['--no-install', 'dondoc', 'calendar', '2026'], root);
    expect(calendar).toMatchObject({ status: 0, stdout: expect.stringContaining('Lịch nghỉ năm 2026') });
    const refused = run('npx', ['--no-install', 'dondoc', 'calendar', '1288'], root);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("value '1288' is invalid for argument 'year'. năm phải từ 2021 đến 2199");
  });

  it('npm install -g installs a dondoc that runs from any folder', () => {
    const prefix = mkdtempSync(path.join(os.tmpdir(), 'dondoc-global-'));
    try {
      const installed = run('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', root], root);
      expect(installed.status).toBe(0);
      const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'dondoc-cwd-'));
      const calendar = run(path.join(prefix, 'bin', 'dondoc'), ['calendar', '2026', '--seeds', path.join(root, 'seeds', 'calendar')], elsewhere);
      expect(calendar).toMatchObject({ status: 0, stdout: expect.stringContaining('công bố: ') });
      rmSync(elsewhere, { recursive: true, force: true });
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });

  const old = olderNode();
  (old ? it : it.skip)(`started by an older Node (${old ?? 'none on this machine'}), it runs the CLI on the pinned Node 24`, () => {
    const result = run(old!, [path.join(root, 'bin', 'dondoc.mjs'), 'calendar', '2026'], root);
    expect(result).toMatchObject({ status: 0, stdout: expect.stringContaining('Lịch nghỉ năm 2026') });
  });
});
