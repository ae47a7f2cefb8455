import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface DevSecrets {
  JWT_SECRET: string;
  LINK_SIGNING_SECRET: string;
}

/**
 * Development secrets for the embedded runtime, generated once and kept in the
 * data folder so signed links and sessions survive a restart. Never for production.
 */
export function loadOrCreateDevSecrets(dataDir: string): { secrets: DevSecrets; file: string; created: boolean } {
  const file = path.join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) return { secrets: JSON.parse(readFileSync(file, 'utf8')) as DevSecrets, file, created: false };
  mkdirSync(dataDir, { recursive: true });
  const secrets: DevSecrets = { JWT_SECRET: randomBytes(32).toString('hex'), LINK_SIGNING_SECRET: randomBytes(32).toString('hex') };
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return { secrets, file, created: true };
}
