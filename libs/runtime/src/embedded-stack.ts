import type { AppConfig } from '@dondoc/config';
import path from 'node:path';

import { ConsoleEcho, describeExit } from './console-echo';
import { loadOrCreateDevSecrets } from './dev-secrets';
import { ManagedProcess } from './managed-process';
import { isPortOpen } from './ports';
import { startRedisServer } from './redis-server';
import { SmtpSink } from './smtp-sink';
import { startTemporalDevServer } from './temporal-dev-server';
import { removeRuntimeFile, writeRuntimeFile } from './runtime-file';
import { repoRoot, temporalCliPath } from './tools';

export interface EmbeddedStackUrls {
  api: string;
  apiDocs: string;
  temporalUi: string;
  inbox: string;
}

export interface EmbeddedStack {
  urls: EmbeddedStackUrls;
  notes: string[];
  /** Resolves when a child gives up (exits repeatedly); the caller then stops the stack. */
  failed: Promise<string>;
  /** Where the stack's data lives (DATABASE_URL, or the embedded PGlite's address). */
  databaseUrl: string;
  stop(): Promise<void>;
}

type Stopper = { name: string; stop: () => Promise<void> };

const FAKE_OA_SECRET_KEY = 'dondoc-dev-fake-zns-oa-secret';

/**
 * Brings up everything `npm start` needs on one machine, reusing what is already
 * running (Temporal at TEMPORAL_ADDRESS, Redis at REDIS_URL, a DATABASE_URL) and
 * starting faithful local stand-ins for the rest. Stops in reverse order.
 */
export async function startEmbeddedStack(config: AppConfig, echo: NodeJS.WritableStream): Promise<EmbeddedStack> {
  const root = repoRoot();
  const dataDir = path.resolve(root, config.DONDOC_DATA_DIR);
  const logDir = path.join(dataDir, 'logs');
  const stoppers: Stopper[] = [];
  const notes: string[] = [];
  const terminal = new ConsoleEcho(echo);
  const say = (line: string) => terminal.say(line);
  /** A path as the operator reads it: relative to the checkout when inside it. */
  const shown = (file: string) => (path.relative(root, file).startsWith('..') ? file : path.relative(root, file));

  let shuttingDown = false;
  const stopAll = async () => {
    shuttingDown = true;
    terminal.flush();
    for (const { name, stop } of stoppers.reverse()) {
      say(`stopping ${name}`);
      await stop().catch((error: Error) => say(`${name} did not stop cleanly: ${error.message}`));
    }
    stoppers.length = 0;
  };

  try {
    // Temporal: an existing cluster or the dev server on SQLite (state survives restarts).
    const [temporalHost, temporalPortText] = config.TEMPORAL_ADDRESS.split(':');
    const temporalPort = Number(temporalPortText);
    let temporalUi = `(Temporal UI of the cluster at ${config.TEMPORAL_ADDRESS})`;
    if (await isPortOpen(temporalPort, temporalHost)) {
      notes.push(`using the Temporal server already running at ${config.TEMPORAL_ADDRESS}`);
    } else {
      const temporalCli = temporalCliPath(root);
      say(`starting Temporal dev server (${shown(path.join(dataDir, 'temporal.sqlite'))})`);
      const temporal = await startTemporalDevServer({
        cli: temporalCli,
        dbFile: path.join(dataDir, 'temporal.sqlite'),
        port: temporalPort,
        uiPort: config.TEMPORAL_UI_PORT,
        namespace: config.TEMPORAL_NAMESPACE,
        logDir,
      });
      stoppers.push({ name: 'Temporal dev server', stop: temporal.stop });
      temporalUi = `http://localhost:${config.TEMPORAL_UI_PORT}`;
    }

    // Redis: the configured one when reachable, else our own with append-only persistence.
    let redisUrl = config.REDIS_URL;
    const redis = new URL(config.REDIS_URL);
    if (await isPortOpen(Number(redis.port || 6379), redis.hostname)) {
      notes.push(`using Redis at ${config.REDIS_URL}`);
    } else {
      const server = await startRedisServer({ dir: path.join(dataDir, 'redis'), persistent: true, logDir });
      stoppers.push({ name: 'Redis', stop: server.stop });
      redisUrl = server.url;
      notes.push(`started redis-server with append-only persistence at ${redisUrl}`);
    }

    // Database: DATABASE_URL, or PGlite served over the Postgres protocol.
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      const { startEmbeddedPostgres } = await import('@dondoc/db');
      const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pglite') });
      stoppers.push({ name: 'embedded PostgreSQL (PGlite)', stop: embedded.stop });
      databaseUrl = embedded.url;
      notes.push(`embedded PostgreSQL (PGlite) in ${shown(path.join(dataDir, 'pglite'))}, served at ${databaseUrl}`);
    }

    // SMTP: the local sink with its web inbox unless a real relay is configured.
    const smtp = new URL(config.SMTP_URL);
    let inbox = `(mail goes to the relay ${smtp.hostname})`;
    if (['127.0.0.1', 'localhost'].includes(smtp.hostname) && Number(smtp.port) === config.SMTP_SINK_PORT) {
      const sink = await new SmtpSink({ smtpPort: config.SMTP_SINK_PORT, webPort: config.SMTP_SINK_WEB_PORT, storeDir: path.join(dataDir, 'mail') }).start();
      stoppers.push({ name: 'SMTP sink', stop: () => sink.stop() });
      inbox = `http://localhost:${sink.webPort}`;
    }

    // Zalo ZNS: the fake server unless a real Official Account is configured.
    const api = `http://localhost:${config.API_PORT}`;
    const zaloEnv: NodeJS.ProcessEnv = {};
    if (!config.ZALO_APP_ID) {
      const { FakeZnsServer } = await import('@dondoc/channels');
      const fake = await new FakeZnsServer({
        port: config.ZALO_FAKE_PORT,
        appId: 'dondoc-dev',
        // Fixed, so the refresh token the notifier stored survives a restart of the fake.
        secretKey: 'dondoc-dev-fake-zns-secret',
        // Distinct from the app secret, as on Zalo: the API must check webhooks with this one.
        oaSecretKey: FAKE_OA_SECRET_KEY,
        failureRate: config.ZALO_FAKE_FAILURE_RATE,
        // The API's delivery-status endpoint; the fake drops the call when nothing answers.
        webhookUrl: `${api}/webhooks/zns`,
      }).start();
      stoppers.push({ name: 'fake Zalo ZNS', stop: () => fake.stop() });
      const url = `http://localhost:${fake.port}`;
      Object.assign(zaloEnv, { ZALO_ZNS_BASE_URL: url, ZALO_OAUTH_BASE_URL: url, ZALO_APP_ID: 'dondoc-dev', ZALO_SECRET_KEY: 'dondoc-dev-fake-zns-secret', ZALO_OA_SECRET_KEY: FAKE_OA_SECRET_KEY, ZALO_REFRESH_TOKEN: fake.state.issueRefreshToken() });
      notes.push(`fake Zalo ZNS (messages sent by the notifier): ${url}${config.ZALO_FAKE_FAILURE_RATE > 0 ? ` (${Math.round(config.ZALO_FAKE_FAILURE_RATE * 100)} % of sends answer -100)` : ''}`);
    }

    const { secrets, file: secretsFile, created } = loadOrCreateDevSecrets(dataDir);
    if (!config.JWT_SECRET || !config.LINK_SIGNING_SECRET) {
      notes.push(`${created ? 'generated' : 'using'} development secrets in ${shown(secretsFile)} (set JWT_SECRET and LINK_SIGNING_SECRET in production)`);
    }

    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      TEMPORAL_ADDRESS: config.TEMPORAL_ADDRESS,
      REDIS_URL: redisUrl,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: config.JWT_SECRET ?? secrets.JWT_SECRET,
      LINK_SIGNING_SECRET: config.LINK_SIGNING_SECRET ?? secrets.LINK_SIGNING_SECRET,
      DONDOC_DATA_DIR: dataDir,
      ...zaloEnv,
    };
    let reportFailure: (reason: string) => void = () => {};
    const failed = new Promise<string>((resolve) => (reportFailure = resolve));
    for (const app of ['worker', 'api', 'notifier']) {
      const supervisor = superviseApp(app, path.join(root, 'dist', 'apps', app, 'src', 'main.js'), { env: childEnv, logDir, terminal, giveUp: reportFailure, shuttingDown: () => shuttingDown });
      stoppers.push({ name: app, stop: supervisor.stop });
    }
    writeRuntimeFile(dataDir, { pid: process.pid, databaseUrl, redisUrl, temporalAddress: config.TEMPORAL_ADDRESS, apiUrl: api });
    stoppers.unshift({ name: 'runtime file', stop: async () => removeRuntimeFile(dataDir) });
    notes.push(`logs of every process (JSON lines): ${shown(logDir)}/`);
    return { urls: { api, apiDocs: `${api}/docs`, temporalUi, inbox }, notes, failed, databaseUrl, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

interface SuperviseOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly logDir: string;
  readonly terminal: ConsoleEcho;
  readonly giveUp: (reason: string) => void;
  /** True once the stack is stopping: an app that ends then is not restarted. */
  readonly shuttingDown: () => boolean;
}

/** Runs an app and restarts it when it crashes, giving up after 5 crashes within a minute. */
function superviseApp(name: string, script: string, options: SuperviseOptions) {
  let current: ManagedProcess | undefined;
  let stopping = false;
  const ending = () => stopping || options.shuttingDown();
  const crashes: number[] = [];
  const launch = () => {
    const child = new ManagedProcess({ name, command: process.execPath, args: ['--enable-source-maps', script], env: options.env, logDir: options.logDir, onLine: (line) => options.terminal.line(name, line) });
    current = child;
    void child.whenExited().then(() => {
      if (ending()) return;
      const how = describeExit(child.exitStatus?.code ?? null, child.exitStatus?.signal ?? null);
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && crashes[0]! < now - 60_000) crashes.shift();
      if (crashes.length >= 5) return options.giveUp(`${name} ended ${crashes.length} times within a minute (last by ${how}); see ${path.join(options.logDir, `${name}.log`)}`);
      options.terminal.say(`${name} ended (${how}); restarting in 1 s`);
      setTimeout(() => ending() || launch(), 1_000);
    });
  };
  launch();
  return {
    stop: async () => {
      stopping = true;
      await current?.stop();
    },
  };
}
