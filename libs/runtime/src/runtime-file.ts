import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where a running `dondoc up` can be reached; CLI commands use it when no URL is configured. */
export interface RuntimeInfo {
  readonly pid: number;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly temporalAddress: string;
  readonly apiUrl: string;
}

const fileIn = (dataDir: string) => path.join(dataDir, 'runtime.json');

export function writeRuntimeFile(dataDir: string, info: RuntimeInfo): void {
  writeFileSync(fileIn(dataDir), `${JSON.stringify(info, null, 2)}\n`);
}

export function removeRuntimeFile(dataDir: string): void {
  rmSync(fileIn(dataDir), { force: true });
}

/** The running stack's addresses, or undefined when none runs (a file left by a killed run is ignored). */
export function readRuntimeFile(dataDir: string): RuntimeInfo | undefined {
  const file = fileIn(dataDir);
  if (!existsSync(file)) return undefined;
  const info = JSON.parse(readFileSync(file, 'utf8')) as RuntimeInfo;
  try {
    process.kill(info.pid, 0);
    return info;
  } catch {
    return undefined;
  }
}
