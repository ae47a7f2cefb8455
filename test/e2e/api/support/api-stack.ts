// One stack per e2e file: the Temporal dev server, a private Redis, a fresh
// PostgreSQL schema, and the BUILT worker and API as child processes, the way
// `dondoc up` runs them; with `delivery`, also the built notifier, an SMTP sink
// and the fake Zalo ZNS, so reminders are followed into the mailbox. Jest
// cannot load NestJS 12 (ESM-only) in-process, so the API is only ever tested
// over HTTP.
import { hashPassword, type StaffRole } from '@dondoc/auth';
import { FakeZnsServer } from '@dondoc/channels';
import { UserRepository } from '@dondoc/db';
import { freePort, repoRoot, type RunningRedisServer, type SmtpSink } from '@dondoc/runtime';
import { type CapturedProcess, spawnCaptured, startDevServer, startTestRedis, startTestSmtpSink } from '@dondoc/test-harness';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { createTestDatabase, type TestDatabase } from '../../../../libs/db/src/testing';
import { responseCheckFor } from './openapi-responses';

const root = repoRoot();
const dist = (app: string) => path.join(root, 'dist', 'apps', app, 'src', 'main.js');

export interface ApiStack {
  readonly url: string;
  readonly temporal: TestWorkflowEnvironment;
  readonly redis: RunningRedisServer;
  readonly database: TestDatabase;
  readonly env: NodeJS.ProcessEnv;
  readonly linkSecret: string;
  readonly api: CapturedProcess;
  readonly worker: CapturedProcess;
  /** With `delivery`: the notifier, the mailbox it sends to and the fake ZNS it calls. */
  readonly delivery: { readonly notifier: CapturedProcess; readonly mail: SmtpSink; readonly zns: FakeZnsServer } | null;
  /** Creates a staff user directly in the database (the CLI's `user add` is tested on its own). */
  addUser(email: string, role: StaffRole, agencyId?: string): Promise<{ email: string; password: string }>;
  /** Logs in and returns the bearer token. */
  login(user: { email: string; password: string }): Promise<string>;
  stop(): Promise<void>;
}

export interface ApiStackOptions {
  /** Run the notifier too, delivering to an SMTP sink and a fake Zalo ZNS. */
  readonly delivery?: boolean;
}

/** `extraEnv` adds to (or overrides) the variables every process of the stack gets, e.g. DONDOC_DATA_DIR, SMTP_URL or DONDOC_SEEDS_DIR. */
export async function startApiStack(label: string, extraEnv: NodeJS.ProcessEnv = {}, options: ApiStackOptions = {}): Promise<ApiStack> {
  const [temporal, redis, database, apiPort] = await Promise.all([startDevServer(), startTestRedis(), createTestDatabase({ label }), freePort()]);
  const [mail, zns] = options.delivery ? await Promise.all([startTestSmtpSink(), startFakeZns(`http://127.0.0.1:${apiPort}/webhooks/zns`)]) : [];
  const url = `http://127.0.0.1:${apiPort}`;
  const linkSecret = randomBytes(32).toString('hex');
  // search_path in the URL: every process of this stack works in the suite's own schema.
  const databaseUrl = `${database.url}?options=${encodeURIComponent(`-c search_path=${database.schema}`)}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    // info, as production runs: every request is logged, so the check for leaked tokens at stop() sees them all.
    LOG_LEVEL: process.env.DONDOC_E2E_LOG_LEVEL ?? 'info',
    TEMPORAL_ADDRESS: temporal.address,
    REDIS_URL: redis.url,
    DATABASE_URL: databaseUrl,
    API_PORT: String(apiPort),
    PUBLIC_BASE_URL: url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LINK_SIGNING_SECRET: linkSecret,
    // Suites read counts right after changing them; the cache itself is unit-tested (cached-for.spec).
    METRICS_CACHE_SECONDS: '0',
    DONDOC_SEEDS_DIR: path.join(root, 'seeds'),
    ...(mail && zns ? { SMTP_URL: mail.smtpUrl, ...znsEnv(zns) } : {}),
    ...extraEnv,
  };
  // The worker and the notifier say they are ready at level info.
  const backgroundEnv = { ...env, LOG_LEVEL: process.env.DONDOC_E2E_LOG_LEVEL ?? 'info' };
  const worker = spawnCaptured(process.execPath, ['--enable-source-maps', dist('worker')], { env: backgroundEnv, cwd: root });
  const api = spawnCaptured(process.execPath, ['--enable-source-maps', dist('api')], { env, cwd: root });
  const notifier = options.delivery ? spawnCaptured(process.execPath, ['--enable-source-maps', dist('notifier')], { env: backgroundEnv, cwd: root }) : undefined;
  const children = [api, worker, ...(notifier ? [notifier] : [])];
  const stop = async () => {
    const leaks = leakedTokens(children.map((c) => c.output()));
    for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGTERM');
    await Promise.race([Promise.all(children.map((c) => c.exited)), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    await Promise.allSettled([temporal.teardown(), redis.stop(), database.destroy(), mail?.stop(), zns?.stop()]);
    // No process may write a credential it was handed (issue 17): sessions, link and calendar tokens.
    if (leaks.length) throw new Error(`tokens issued in this suite appear in the logs:\n  ${leaks.join('\n  ')}`);
  };
  try {
    await worker.waitForOutput(/worker polling/, 60_000);
    await notifier?.waitForOutput(/delivering by email and zalo/, 60_000);
    await waitForHttp(`${url}/health/live`, api, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const users = new UserRepository(database.db);
  return {
    url,
    temporal,
    redis,
    database,
    env,
    linkSecret,
    api,
    worker,
    delivery: notifier && mail && zns ? { notifier, mail, zns } : null,
    async addUser(email, role, agencyId) {
      const password = `pw-${randomBytes(9).toString('base64url')}`;
      await users.create({ email, role, agencyId: agencyId ?? null, passwordHash: await hashPassword(password) });
      return { email, password };
    },
    async login(user) {
      const response = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
      if (response.status !== 200) throw new Error(`login of ${user.email} failed: ${response.status} ${await response.text()}`);
      const { token } = (await response.json()) as { token: string };
      rememberTokens(token);
      return token;
    },
    stop,
  };
}

const FAKE_ZNS = { appId: 'e2e-app', secretKey: 'e2e-app-secret', oaSecretKey: 'e2e-oa-secret' };

function startFakeZns(webhookUrl: string): Promise<FakeZnsServer> {
  return new FakeZnsServer({ ...FAKE_ZNS, webhookUrl }).start();
}

function znsEnv(zns: FakeZnsServer): NodeJS.ProcessEnv {
  return {
    ZALO_ZNS_BASE_URL: zns.url,
    ZALO_OAUTH_BASE_URL: zns.url,
    ZALO_APP_ID: FAKE_ZNS.appId,
    ZALO_SECRET_KEY: FAKE_ZNS.secretKey,
    ZALO_OA_SECRET_KEY: FAKE_ZNS.oaSecretKey,
    ZALO_REFRESH_TOKEN: zns.state.issueRefreshToken(),
  };
}

async function waitForHttp(url: string, process: CapturedProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (process.child.exitCode !== null) throw new Error(`the API exited (code ${process.child.exitCode}):\n${process.output()}`);
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms; output:\n${process.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface Reply<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** One HTTP call to the API; JSON in and out unless a string body and content type are given. */
export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  route: string,
  options: { token?: string; body?: unknown; contentType?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = options.contentType ?? 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  rememberTokens(options.token, route);
  const response = await fetch(`${base}${route}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  rememberTokens(text);
  const parsed = (response.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as T) : (text as T);
  // The document must describe what the server did (issue 16): a mismatch fails the test that saw it.
  const problems = (await responseCheckFor(base)).problems(method, route, response.status, response.headers.get('content-type'), parsed);
  if (problems.length) throw new Error(`response does not match /docs/openapi.json:\n  ${problems.join('\n  ')}`);
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Every credential the suite handled: bearer sessions, ?token= values, tokens in responses (login, links, feeds). */
const issuedTokens = new Set<string>();
const TOKEN_IN_TEXT = /(?:"token"\s*:\s*"|[?&]token=|\/l\/)([A-Za-z0-9._~%-]{24,})/g;

/** Collects the tokens of a request or a response body. */
export function rememberTokens(...texts: Array<string | undefined>): void {
  for (const text of texts) {
    if (!text) continue;
    if (/^[A-Za-z0-9._-]{24,}$/.test(text)) issuedTokens.add(text);
    for (const match of text.matchAll(TOKEN_IN_TEXT)) issuedTokens.add(decodeURIComponent(match[1]!));
  }
}

/** Lines of the given outputs that contain an issued token (token shortened in the report). */
function leakedTokens(outputs: readonly string[]): string[] {
  const leaks: string[] = [];
  for (const token of issuedTokens) {
    for (const output of outputs) {
      const line = output.split('\n').find((l) => l.includes(token));
      if (line) leaks.push(`${token.slice(0, 12)}…: ${line.slice(0, 200)}`);
    }
  }
  return leaks;
}

/** `/tasks/<id>` with the slashes of the workflow id encoded. */
export const taskPath = (workflowId: string, action?: string) => `/tasks/${encodeURIComponent(workflowId)}${action ? `/${action}` : ''}`;

/** Polls until `check` returns a value (not undefined), for visibility's eventual consistency. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
