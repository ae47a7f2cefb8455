import { type AddressObject, simpleParser } from 'mailparser';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

import { escapeHtml } from './html';
import { renderInbox, renderMessage } from './smtp-sink-pages';

export interface SinkMessage {
  id: string;
  receivedAt: string;
  envelope: { from: string; to: string[] };
  messageId?: string;
  subject: string;
  from: string;
  to: string;
  replyTo?: string;
  text: string;
  html?: string;
  headers: Record<string, string>;
  attachments: Array<{ filename?: string; contentType: string; size: number }>;
  raw: string;
}

export interface SmtpSinkOptions {
  smtpPort?: number;
  webPort?: number;
  host?: string;
  /** Keep every message as an .eml file here so the inbox survives a restart. */
  storeDir?: string;
  /** Answer RCPT TO with a permanent 550 for these addresses (tests of bounces). */
  rejectRecipients?: (address: string) => boolean;
  /** Any other answer to RCPT TO, e.g. a temporary 451 for tests of retries; null accepts. */
  answerRecipient?: (address: string) => { code: number; message: string } | null;
}

/**
 * A real SMTP server that accepts everything and shows it in a web inbox:
 * the local stand-in for the province's mail relay. Tests read `messages`.
 */
export class SmtpSink {
  readonly messages: SinkMessage[] = [];
  private readonly smtp: SMTPServer;
  private readonly web: http.Server;
  private waiters: Array<() => void> = [];
  smtpPort = 0;
  webPort = 0;

  constructor(private readonly options: SmtpSinkOptions = {}) {
    this.smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 25 * 1024 * 1024,
      onRcptTo: (address, _session, callback) => {
        if (options.rejectRecipients?.(address.address)) {
          const error = Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 });
          return callback(error);
        }
        const answer = options.answerRecipient?.(address.address);
        if (answer) return callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          };
          this.accept(raw, envelope)
            .then(() => callback())
            .catch((error: Error) => callback(error));
        });
      },
    });
    // smtp-server re-emits a client's socket errors (ECONNRESET when a notifier is killed mid-message) on the
    // server; with no listener they would crash the process hosting the sink. The message is simply not received.
    this.smtp.on('error', (error: Error & { code?: string }) => {
      if (!['ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(error.code ?? '')) process.emitWarning(`SMTP sink: ${error.message}`);
    });
    this.web = http.createServer((request, response) => this.handleWeb(request, response));
  }

  get smtpUrl(): string {
    return `smtp://${this.options.host ?? '127.0.0.1'}:${this.smtpPort}`;
  }

  get webUrl(): string {
    return `http://${this.options.host ?? '127.0.0.1'}:${this.webPort}`;
  }

  async start(): Promise<this> {
    const host = this.options.host ?? '127.0.0.1';
    if (this.options.storeDir) await this.loadStored(this.options.storeDir);
    await new Promise<void>((resolve, reject) => {
      this.smtp.once('error', reject);
      this.smtp.listen(this.options.smtpPort ?? 0, host, () => resolve());
    });
    this.smtpPort = (this.smtp.server.address() as AddressInfo).port;
    await new Promise<void>((resolve, reject) => {
      this.web.once('error', reject);
      this.web.listen(this.options.webPort ?? 0, host, () => resolve());
    });
    this.webPort = (this.web.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.smtp.close(() => resolve()));
    this.web.closeAllConnections();
    await new Promise<void>((resolve) => this.web.close(() => resolve()));
  }

  /** Resolves once at least `count` messages have arrived (or rejects after `timeoutMs`). */
  async waitForMessages(count: number, timeoutMs = 30_000): Promise<SinkMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} e-mails in the sink, got ${this.messages.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.messages;
  }

  clear(): void {
    this.messages.length = 0;
  }

  private async accept(raw: Buffer, envelope: SinkMessage['envelope'], id: string = randomUUID(), receivedAt = new Date().toISOString()): Promise<void> {
    const parsed = await simpleParser(raw);
    const headers: Record<string, string> = {};
    for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
    const message: SinkMessage = {
      id,
      receivedAt,
      envelope,
      messageId: parsed.messageId,
      subject: parsed.subject ?? '',
      from: parsed.from?.text ?? '',
      to: addressText(parsed.to),
      replyTo: parsed.replyTo?.text,
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : undefined,
      headers,
      attachments: parsed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size })),
      raw: raw.toString('utf8'),
    };
    if (this.options.storeDir && !this.messages.some((m) => m.id === id)) {
      mkdirSync(this.options.storeDir, { recursive: true });
      writeFileSync(path.join(this.options.storeDir, `${receivedAt.replace(/[:.]/g, '-')}_${id}.eml`), raw);
      writeFileSync(path.join(this.options.storeDir, `${receivedAt.replace(/[:.]/g, '-')}_${id}.json`), JSON.stringify(envelope));
    }
    this.messages.push(message);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private async loadStored(dir: string): Promise<void> {
    mkdirSync(dir, { recursive: true });
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.eml')).sort()) {
      const [stamp, idWithExt] = file.split('_');
      const id = idWithExt?.replace(/\.eml$/, '') ?? randomUUID();
      const envelope = JSON.parse(readFileSync(path.join(dir, file.replace(/\.eml$/, '.json')), 'utf8')) as SinkMessage['envelope'];
      const receivedAt = (stamp ?? '').replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');
      await this.accept(readFileSync(path.join(dir, file)), envelope, id, receivedAt);
    }
  }

  private handleWeb(request: http.IncomingMessage, response: http.ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://sink');
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
      response.end(body);
    };
    if (url.pathname === '/api/messages' && request.method === 'GET') {
      return send(200, 'application/json', JSON.stringify(this.messages.map(({ raw: _raw, ...rest }) => rest)));
    }
    if (url.pathname === '/' && request.method === 'GET') return send(200, 'text/html', renderInbox(this.messages));
    const match = /^\/messages\/([\w-]+)(\/html)?$/.exec(url.pathname);
    const message = match && this.messages.find((m) => m.id === match[1]);
    if (message && match) {
      if (match[2]) return send(200, 'text/html', message.html ?? `<pre>${escapeHtml(message.text)}</pre>`);
      return send(200, 'text/html', renderMessage(message));
    }
    send(404, 'text/plain', 'Không tìm thấy');
  }
}

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return Array.isArray(value) ? value.map((v) => v.text).join(', ') : value.text;
}
