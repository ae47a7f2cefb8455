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
  let admin: string;
  const replicas: CapturedProcess[] = [];

  beforeAll(async () => {
    stack = await startApiStack('security', { TRUST_PROXY: '1', METRICS_TOKEN: metricsToken });
    user = await stack.addUser('canbo@security.example', 'viewer');
    // Before the rate-limit tests use up this machine's login count.
    admin = await stack.login(await stack.addUser('admin@security.example', 'admin'));
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
    // One count for all eleven (the socket's address, which the admin's sign-in in beforeAll used once too):
    // the limit is reached; were the header believed, each forged address would have its own fresh count.
    const allowed = statuses.indexOf(429);
    expect(allowed).toBeGreaterThan(0);
    expect(statuses).toEqual([...Array(allowed).fill(200), ...Array(11 - allowed).fill(429)]);
    expect(allowed).toBeLessThanOrEqual(10);
  });

  it('serves /metrics only to the bearer of METRICS_TOKEN', async () => {
    expect((await call(stack.url, 'GET', '/metrics')).status).toBe(401);
    expect((await call(stack.url, 'GET', '/metrics', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const scraped = await call<string>(stack.url, 'GET', '/metrics', { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(scraped.status).toBe(200);
    expect(scraped.body).toContain('dondoc_task_workflows');
  });

  describe('calendar links', () => {
    const keyA = randomBytes(32).toString('hex');
    const keyB = randomBytes(32).toString('hex');
    type Link = { id: string; url: string };
    const feedPath = (url: string) => url.slice(url.indexOf('/agencies/'));

    it('survive a key rotation: a link signed with key A works after B becomes current, and is refused (401) once A is removed', async () => {
      const onlyA = await startReplica(stack, { LINK_SIGNING_SECRET: '', LINK_SIGNING_KEYS: `kA=${keyA}` });
      const both = await startReplica(stack, { LINK_SIGNING_SECRET: '', LINK_SIGNING_KEYS: `kA=${keyA},kB=${keyB}`, LINK_SIGNING_KEY_ID: 'kB' });
      const onlyB = await startReplica(stack, { LINK_SIGNING_SECRET: '', LINK_SIGNING_KEYS: `kB=${keyB}` });
      replicas.push(onlyA.process, both.process, onlyB.process);
      const signedWithA = (await call<Link>(onlyA.url, 'POST', '/agencies/so-khcn-qng/calendar-link', { token: admin })).body;
      expect((await call(both.url, 'GET', feedPath(signedWithA.url))).status).toBe(200);
      const signedWithB = (await call<Link>(both.url, 'POST', '/agencies/so-khcn-qng/calendar-link', { token: admin })).body;
      const refused = await call<{ message: string }>(onlyB.url, 'GET', feedPath(signedWithA.url));
      expect(refused.status).toBe(401);
      expect(refused.body.message).toContain('khóa ký đã được thay');
      expect((await call(onlyB.url, 'GET', feedPath(signedWithB.url))).status).toBe(200);
    });

    it('are revoked one by one: a revoked link gets 401 while another agency\'s feed keeps working', async () => {
      const own = (await call<Link>(stack.url, 'POST', '/agencies/so-tai-chinh-qng/calendar-link', { token: admin })).body;
      const other = (await call<Link>(stack.url, 'POST', '/agencies/so-y-te-qng/calendar-link', { token: admin })).body;
      expect((await call(stack.url, 'GET', feedPath(own.url))).status).toBe(200);
      expect((await call(stack.url, 'DELETE', `/agencies/so-tai-chinh-qng/calendar-links/${own.id}`, { token: admin })).status).toBe(204);
      const revoked = await call<{ message: string }>(stack.url, 'GET', feedPath(own.url));
      expect(revoked.status).toBe(401);
      expect(revoked.body.message).toContain('đã bị thu hồi');
      expect((await call(stack.url, 'GET', feedPath(other.url))).status).toBe(200);
      const listed = await call<{ items: Array<{ id: string; revokedAt: string | null; revokedBy: string | null; lastUsedAt: string | null }> }>(stack.url, 'GET', '/agencies/so-tai-chinh-qng/calendar-links', { token: admin });
      expect(listed.body.items).toEqual([expect.objectContaining({ id: own.id, revokedBy: 'admin@security.example', lastUsedAt: expect.any(String) })]);
      expect((await call(stack.url, 'DELETE', `/agencies/so-tai-chinh-qng/calendar-links/${own.id}`, { token: admin })).status).toBe(404);
    });
  });
});
