// The built notifier as a child process (what production runs), pointed at
// the test's Redis, SMTP sink and database schema.
import { freePort } from '@dondoc/runtime';
import { type CapturedProcess, spawnCaptured } from '@dondoc/test-harness';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { LINK_SECRET } from './notifier-harness';

const root = path.resolve(__dirname, '../../../..');
export const NOTIFIER_MAIN = path.join(root, 'dist/apps/notifier/src/main.js');

/** Compiles the notifier and the libraries it uses into dist/ (swc, about 2 s; no workflow bundle needed). */
export function buildNotifier(): void {
  execFileSync(path.join(root, 'node_modules/.bin/swc'), ['apps/notifier', 'libs', '-d', 'dist', '--config-file', '.swcrc', '--quiet'], { cwd: root, stdio: 'inherit' });
}

export interface NotifierProcessEnv {
  readonly redisUrl: string;
  readonly smtpUrl: string;
  readonly databaseUrl: string;
  readonly schema: string;
  readonly extra?: Record<string, string>;
}

export async function spawnNotifier(env: NotifierProcessEnv): Promise<CapturedProcess> {
  const url = new URL(env.databaseUrl);
  // The test's private schema, through the startup "options" parameter PostgreSQL honours.
  url.searchParams.set('options', `-c search_path=${env.schema}`);
  const child = spawnCaptured(process.execPath, ['--enable-source-maps', NOTIFIER_MAIN], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info', // it says it is ready, and stopped, at level info
      REDIS_URL: env.redisUrl,
      SMTP_URL: env.smtpUrl,
      DATABASE_URL: url.toString(),
      DONDOC_SEEDS_DIR: path.join(root, 'seeds'),
      LINK_SIGNING_SECRET: LINK_SECRET,
      // Nothing listens there: outcome signals fail (logged) and delivery goes on, as it must.
      TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
      ...env.extra,
    },
  });
  await child.waitForOutput(/delivering by email/, 20_000);
  return child;
}
