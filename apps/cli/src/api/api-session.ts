// Where the CLI finds the API and its session: `dondoc login` stores the token
// (and the API it came from) in the data folder, readable by the owner only.
import type { AppConfig } from '@dondoc/config';
import { readRuntimeFile } from '@dondoc/runtime';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface CliSession {
  readonly apiUrl: string;
  readonly token: string;
  readonly email: string;
  readonly role: string;
  readonly expiresAt: string;
}

const sessionFile = (config: AppConfig) => path.join(path.resolve(config.DONDOC_DATA_DIR), 'cli-session.json');

export function readSession(config: AppConfig): CliSession | undefined {
  const file = sessionFile(config);
  if (!existsSync(file)) return undefined;
  const session = JSON.parse(readFileSync(file, 'utf8')) as CliSession;
  return Date.parse(session.expiresAt) > Date.now() ? session : undefined;
}

export function writeSession(config: AppConfig, session: CliSession): string {
  const file = sessionFile(config);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(session, null, 2)}\n`, { mode: 0o600 });
  return file;
}

export function removeSession(config: AppConfig): void {
  rmSync(sessionFile(config), { force: true });
}

/**
 * The API to talk to: --api, else the one the session was opened on, else the
 * running `dondoc up` stack, else PUBLIC_BASE_URL (the API's public address).
 */
export function apiBaseUrl(config: AppConfig, option: string | undefined): string {
  const url = option ?? readSession(config)?.apiUrl ?? readRuntimeFile(path.resolve(config.DONDOC_DATA_DIR))?.apiUrl ?? config.PUBLIC_BASE_URL;
  return url.replace(/\/+$/, '');
}
