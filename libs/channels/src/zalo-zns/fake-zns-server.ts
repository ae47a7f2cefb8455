// A local stand-in for Zalo's ZNS and OAuth endpoints, used by `npm start`
// and the tests: same paths, headers, bodies and error codes as the real API,
// plus a message log at / (HTML) and /api/messages (JSON), and an optional
// delivery webhook like Zalo's `user_received_message`.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { renderFakeZnsLog } from './fake-zns-page';
import { type FakeZnsBehaviour, type FakeZnsMessage, FakeZnsState } from './fake-zns-state';
import { zaloWebhookSignature } from './webhook-signature';
import { DEFAULT_ZNS_TEMPLATE_IDS, type ZnsTemplate } from './zns-templates';

export interface FakeZnsServerOptions extends FakeZnsBehaviour {
  port?: number;
  host?: string;
  appId?: string;
  /** The app secret: checked on the token refresh. */
  secretKey?: string;
  /** The OA secret key: signs the webhook calls, as Zalo does (not the app secret). */
  oaSecretKey?: string;
  templateIds?: Readonly<Record<ZnsTemplate, string>>;
  /** @defaultValue 90000 (25 h, like Zalo) */
  accessTokenTtlSeconds?: number;
  /** POSTed a `user_received_message` event for each accepted message. */
  webhookUrl?: string;
  /** Injected for deterministic failure rates in tests. @defaultValue Math.random */
  random?: () => number;
}

export class FakeZnsServer {
  readonly state: FakeZnsState;
  private readonly server: http.Server;
  private readonly webhooks = new Set<Promise<void>>();
  port = 0;

  constructor(private readonly options: FakeZnsServerOptions = {}) {
    this.state = new FakeZnsState(
      {
        appId: options.appId ?? 'fake-app',
        secretKey: options.secretKey ?? 'fake-secret-key',
        oaSecretKey: options.oaSecretKey ?? 'fake-oa-secret-key',
        templateIds: options.templateIds ?? DEFAULT_ZNS_TEMPLATE_IDS,
        accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 90_000,
        random: options.random ?? Math.random,
      },
      { failureRate: options.failureRate ?? 0, forcedErrors: { ...options.forcedErrors }, dailyQuota: options.dailyQuota ?? 10_000, replyDelayMs: options.replyDelayMs ?? 0 },
    );
    this.server = http.createServer((request, response) => {
      this.handle(request, response).catch((error: Error) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(error.message);
      });
    });
  }

  get url(): string {
    return `http://${this.options.host ?? '127.0.0.1'}:${this.port}`;
  }

  get messages(): readonly FakeZnsMessage[] {
    return this.state.log;
  }

  /** Accepted messages only. */
  get delivered(): readonly FakeZnsMessage[] {
    return this.state.log.filter((m) => m.error === 0);
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.webhooks]);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake-zns');
    const send = (status: number, body: unknown, type = 'application/json') => {
      response.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const route = `${request.method} ${url.pathname}`;
    if (route === 'POST /message/template') {
      const body = await readBody(request);
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return send(200, { error: -122, message: 'Body format is invalid' });
      }
      const answer = this.state.send(header(request, 'access_token'), parsed);
      if (answer.error === 0 && this.options.webhookUrl) this.notify(String(answer.data?.msg_id), parsed.tracking_id);
      const hold = this.state.behaviour.replyDelayMs;
      if (hold > 0) await new Promise((resolve) => setTimeout(resolve, hold));
      return send(200, answer);
    }
    if (route === 'POST /v4/oa/access_token') {
      return send(200, this.state.exchange(new URLSearchParams(await readBody(request)), header(request, 'secret_key')));
    }
    if (route === 'GET /message/quota') {
      if (!this.state.accessTokenValid(header(request, 'access_token'))) return send(200, { error: -124, message: 'Access token is invalid' });
      return send(200, { error: 0, message: 'Success', data: this.state.quota() });
    }
    if (route === 'GET /message/status') {
      const found = this.state.log.find((m) => m.msgId !== null && m.msgId === url.searchParams.get('message_id'));
      return send(200, found ? { error: 0, message: 'Success', data: { delivery_time: found.at, status: 1 } } : { error: -107, message: 'Message id is invalid' });
    }
    if (route === 'GET /api/messages') return send(200, this.state.log);
    if (route === 'GET /') return send(200, renderFakeZnsLog(this.state.log, this.state.quota()), 'text/html');
    send(404, { error: -106, message: 'Method is not supported' });
  }

  /** Zalo's `user_received_message` event, signed like Zalo signs it. */
  private notify(msgId: string, trackingId: unknown): void {
    const target = this.options.webhookUrl;
    if (!target) return;
    const timestamp = String(Date.now());
    const raw = JSON.stringify({
      app_id: this.state.identity.appId,
      event_name: 'user_received_message',
      timestamp,
      message: { msg_id: msgId, tracking_id: typeof trackingId === 'string' ? trackingId : undefined, delivery_time: timestamp },
    });
    const call = fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-ZEvent-Signature': zaloWebhookSignature(this.state.identity.appId, raw, timestamp, this.state.identity.oaSecretKey) },
      body: raw,
      signal: AbortSignal.timeout(5_000),
    })
      .then(() => undefined)
      // The real Zalo retries later; the fake only drops it. The API must cope with either.
      .catch(() => undefined);
    this.webhooks.add(call);
    void call.finally(() => this.webhooks.delete(call));
  }
}

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
