import { type RunningRedisServer, startRedisServer } from '@dondoc/runtime';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A private redis-server on a free port, so a suite never touches another run's data. */
export function startTestRedis(): Promise<RunningRedisServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-redis-'));
  return startRedisServer({ dir, persistent: false, logDir: dir });
}
