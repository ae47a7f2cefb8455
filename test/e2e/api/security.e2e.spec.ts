// Behind a TLS proxy (deploy/README.md): rate limits count per client address as
// the trusted proxy reports it, in Redis, shared by every API replica; a forged
// X-Forwarded-For changes nothing when no proxy is trusted; /metrics wants its token.
import { freePort, repoRoot } from '@dondoc/runtime';
import { type CapturedProcess, spawnCaptured } from '@dondoc/test-harness';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { type ApiStack, call, startApiStack } from './support/api-stack';

const apiMain = path.join(repoRoot(), 'dist', 'apps', 'api', 'src', 'main.js');
const metricsToken = randomBytes(24).toString('hex');

/** Another API process on the stack's Redis, database and Temporal: a second replica, or one configured otherwise. */
async function startReplica(stack: ApiStack, env: NodeJS.ProcessEnv): Promise<{ url: string; process: CapturedProcess }> {
  const port = await freePort();
  const replica = spawnCaptured(process.execPath, [apiMain], { env: { ...stack.env, ...env, API_PORT: String(port) }, cwd: repoRoot() });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if ((await fetch(`${url}/health/live`).catch(() => undefined))?.ok) return { url, process: replica };
    if (i > 300 || replica.child.exitCode !== null) throw new Error(`replica did not start:\n${replica.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('rate limits and metrics behind a proxy (API e2e)', () => {
  let stack: ApiStack;
  let user: { email: string; password: string };
  const replicas: CapturedProcess[] = [];

  beforeAll(async () => {
    stack = await startApiStack('security', { TRUST_PROXY: '1', METRICS_TOKEN: metricsToken });
    user = await stack.addUser('canbo@security.example', 'viewer');
  });
  afterAll(async () => {
    for (const replica of replicas) replica.child.kill('SIGTERM');
    await Promise.all(replicas.map((r) => r.exited));
    await stack?.stop();
  });

  const login = (base: string, forwardedFor?: string) => call(base, 'POST', '/auth/login', { body: user, ...(forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {}) });

  it('counts 10 logins a minute per client across two replicas: the 11th from one address is 429, another address still signs in', async () => {
    const second = await startReplica(stack, {});
    replicas.push(second.process);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await login(i % 2 === 0 ? stack.url : second.url, '203.0.113.7')).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    const refused = await login(second.url, '203.0.113.7');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(stack.url, '203.0.113.8')).status).toBe(200);
  });

  it('believes no X-Forwarded-For when no proxy is trusted: forged addresses share the socket address\'s count', async () => {
    const untrusting = await startReplica(stack, { TRUST_PROXY: 'false' });
    replicas.push(untrusting.process);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await login(untrusting.url, `198.51.100.${i + 1}`)).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
  });

  it('serves /metrics only to the bearer of METRICS_TOKEN', async () => {
    expect((await call(stack.url, 'GET', '/metrics')).status).toBe(401);
    expect((await call(stack.url, 'GET', '/metrics', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const scraped = await call<string>(stack.url, 'GET', '/metrics', { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(scraped.status).toBe(200);
    expect(scraped.body).toContain('dondoc_task_workflows');
  });
});
