import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { DataDirInUseError, lockDataDir } from './data-dir-lock';

describe(lockDataDir.name, () => {
  let dir: string;
  let dataDir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-lock-'));
    dataDir = path.join(dir, 'pglite');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second owner while the first holds the folder', async () => {
    const lock = await lockDataDir(dataDir);
    await expect(lockDataDir(dataDir)).rejects.toThrow(DataDirInUseError);
    await lock.release();
    expect(existsSync(lock.file)).toBe(false);
    await (await lockDataDir(dataDir)).release();
  });

  it('takes over a lock left by a process that is gone', async () => {
    // Far above any pid_max, so no such process exists.
    writeFileSync(`${dataDir}.lock`, '2147483646\n');
    const lock = await lockDataDir(dataDir);
    await lock.release();
  });
});
