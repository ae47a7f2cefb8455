// PGlite does not stop a second process from opening the same data folder
// (its postmaster.pid holds a fake pid), and two writers corrupt it. A lock
// file beside the folder, naming the owning process, refuses the second one;
// a lock left by a process that no longer exists is taken over.
import { open, readFile, unlink } from 'node:fs/promises';

export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
}

export interface DataDirLock {
  readonly file: string;
  release(): Promise<void>;
}

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const file = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return { file, release: () => releaseIfOurs(file) };
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
    }
    const owner = await readOwner(file);
    if (owner !== null && isRunning(owner)) {
      throw new DataDirInUseError(
        `the embedded database in ${dataDir} is already in use by process ${owner}` +
          (owner === process.pid ? ' (this process)' : '') +
          `; stop it first, or delete ${file} if that process is not a Đôn Đốc server`,
      );
    }
    await unlink(file).catch((error: unknown) => {
      if (!isCode(error, 'ENOENT')) throw error;
    });
  }
  throw new DataDirInUseError(`cannot take the lock ${file}: another process keeps creating it`);
}

async function releaseIfOurs(file: string): Promise<void> {
  if ((await readOwner(file)) === process.pid) await unlink(file).catch(() => undefined);
}

async function readOwner(file: string): Promise<number | null> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Signal 0 checks existence only; EPERM means it exists under another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, 'EPERM');
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
