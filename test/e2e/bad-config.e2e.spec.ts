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

describe('a production start with an unsafe setting', () => {
  const secrets = { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40), LINK_SIGNING_SECRET: 'l'.repeat(40), METRICS_TOKEN: 'm'.repeat(40), DATABASE_URL: 'postgres://x@127.0.0.1:1/db' };
  const zalo = { ZALO_APP_ID: 'app', ZALO_SECRET_KEY: 'app-secret', ZALO_OA_SECRET_KEY: 'oa-secret' };
  it.each([
    ['a missing secret', { ...secrets, LINK_SIGNING_SECRET: undefined }, 'LINK_SIGNING_SECRET: required when NODE_ENV=production'],
    ['no metrics token', { ...secrets, METRICS_TOKEN: undefined }, 'METRICS_TOKEN: required when NODE_ENV=production'],
    ['Zalo in development mode', { ...secrets, ...zalo, ZALO_TEMPLATE_IDS: 'escalation=778899' }, 'ZALO_MODE: must be production when NODE_ENV=production'],
    ["the fake server's template ids", { ...secrets, ...zalo, ZALO_MODE: 'production', ZALO_TEMPLATE_IDS: 'escalation=410003' }, "ZALO_TEMPLATE_IDS: names the fake ZNS server's ids"],
  ])('is refused for %s: exit code 2 and the variable named', (_case, env, message) => {
    for (const script of ['apps/api/src/main.js', 'apps/notifier/src/main.js']) {
      const result = spawnSync(process.execPath, [path.join(root, 'dist', script)], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 30_000 });
      expect({ script, status: result.status }).toEqual({ script, status: 2 });
      expect(result.stderr).toContain(message);
    }
  });
});
