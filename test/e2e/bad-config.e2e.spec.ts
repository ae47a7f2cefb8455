import { repoRoot } from '@dondoc/runtime';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = repoRoot();

describe('a bad environment variable', () => {
  it.each([
    ['dondoc up', ['apps/cli/src/main.js', 'up']],
    ['the worker', ['apps/worker/src/main.js']],
    ['the API', ['apps/api/src/main.js']],
  ])('stops %s with every problem listed and exit code 2', (_name, [script, ...args]) => {
    const result = spawnSync(process.execPath, [path.join(root, 'dist', script!), ...args], {
      env: { PATH: process.env.PATH, API_PORT: 'eighty', REDIS_URL: 'http://localhost:6379', DATABASE_URL: 'postgres://x@127.0.0.1:1/db' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Invalid configuration (2 problems)');
    expect(result.stderr).toMatch(/API_PORT: .*\(got "eighty"\)/);
    expect(result.stderr).toContain('REDIS_URL: must be a URL starting with redis:// or rediss:// (got "http://localhost:6379")');
  });
});
