#!/usr/bin/env node
// `dondoc` as a command (`npx dondoc …` in the checkout, `npm install -g` from it):
// runs the built CLI, on the Node 24 the project pins (the `node` dev dependency)
// when the Node that started this script is older than the CLI needs (require of
// ES modules, Node 22.12). npm itself may be older: the engines field says so.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// A global install links to the checkout: resolve the link to find the build beside it.
const root = path.dirname(path.dirname(realpathSync(fileURLToPath(import.meta.url))));
const cli = path.join(root, 'dist', 'apps', 'cli', 'src', 'main.js');
if (!existsSync(cli)) {
  process.stderr.write(`Đôn Đốc CLI chưa được build (thiếu ${cli}): chạy "npm run build" trong ${root}.\n`);
  process.exit(2);
}

const [wantMajor, wantMinor] = [22, 12];
const [major, minor] = process.versions.node.split('.').map(Number);
const recentEnough = major > wantMajor || (major === wantMajor && minor >= (wantMinor ?? 0));
const pinned = path.join(root, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
if (!recentEnough && !existsSync(pinned)) {
  process.stderr.write(`Đôn Đốc cần Node.js ${wantMajor}.${wantMinor ?? 0} trở lên (đang chạy ${process.versions.node}); chạy "npm install" trong ${root} để có Node 24 kèm theo.\n`);
  process.exit(2);
}

if (recentEnough) {
  // Same process: no second start-up, signals and exit code as usual.
  process.argv.splice(1, 1, cli);
  await import(cli);
} else {
  const run = spawnSync(pinned, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.error) throw run.error;
  process.exit(run.status ?? (run.signal ? 1 : 0));
}
