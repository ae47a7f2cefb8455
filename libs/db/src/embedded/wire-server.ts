// A PostgreSQL wire-protocol server in front of one PGlite instance, so that
// every process of the product talks to the embedded database with the same
// `pg` driver it would use against a real server.
//
// Why not PGLiteSocketServer from @electric-sql/pglite-socket 0.2.17: its
// multiplexer queues individual protocol messages from all connections and
// only keeps a connection's messages together inside an explicit transaction.
// Parse/Bind/Execute/Sync batches of two connections then interleave in the
// single PGlite session ("unnamed prepared statement does not exist", or rows
// of the other connection's query); see electric-sql/pglite#1046. We reproduced
// it with two pg pools against a data directory. Here a connection holds the
// whole session from its first message until PGlite is idle again.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

import type { PGlite } from '@electric-sql/pglite';

import { SessionLock } from './session-lock';
import { WireConnection, type SharedSession } from './wire-connection';
import { errorResponse } from './wire-protocol';

export interface WireServerOptions {
  readonly host: string;
  /** 0 lets the operating system pick a free port. */
  readonly port: number;
  readonly maxConnections: number;
  /** How long a request waits for the session before it fails with SQLSTATE 55P03. */
  readonly lockTimeoutMs: number;
  readonly onConnectionError: (error: unknown, connectionId: number) => void;
}

export class PgliteWireServer {
  private server: Server | null = null;
  private readonly connections = new Set<WireConnection>();
  private nextConnectionId = 1;
  private readonly session: SharedSession;
  private startupReply: Promise<Uint8Array> | null = null;

  constructor(
    db: PGlite,
    private readonly options: WireServerOptions,
  ) {
    const exec = (message: Uint8Array, onData: (chunk: Uint8Array) => void): Promise<void> =>
      db.runExclusive(() => db.execProtocolRawStream(message, { onRawData: onData }));
    this.session = {
      lock: new SessionLock(),
      lockTimeoutMs: options.lockTimeoutMs,
      exec,
      inTransaction: () => db.isInTransaction(),
      onConnectionError: options.onConnectionError,
      // PGlite ignores the startup parameters and its reply does not depend on
      // them, so the first reply serves every later connection without
      // touching the session. Every connection waits for the first one, so no
      // query can be running while it is computed.
      startupReply: (message) => {
        this.startupReply ??= collect(exec, message).catch((error: unknown) => {
          this.startupReply = null;
          throw error;
        });
        return this.startupReply;
      },
    };
  }

  /** Starts listening and returns the bound address (the real port when 0 was asked). */
  async start(): Promise<AddressInfo> {
    if (this.server) throw new Error('the embedded PostgreSQL server is already started');
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => {
        server.off('error', reject);
        resolve();
      });
    }).catch((error: unknown) => {
      this.server = null;
      throw error;
    });
    return server.address() as AddressInfo;
  }

  /** Stops accepting, disconnects every client and waits until the session is idle. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const connections = [...this.connections];
    for (const connection of connections) connection.destroy();
    await Promise.all(connections.map((c) => c.finishedAfterClose()));
    await closed;
  }

  private accept(socket: Socket): void {
    if (this.connections.size >= this.options.maxConnections) {
      // 53300 too_many_connections, as PostgreSQL reports it, instead of a bare socket close.
      socket.on('error', () => undefined);
      socket.end(errorResponse('53300', 'sorry, too many clients already', 'FATAL'));
      return;
    }
    const connection = new WireConnection(this.nextConnectionId++, socket, this.session);
    this.connections.add(connection);
    socket.on('close', () => this.connections.delete(connection));
  }
}

async function collect(exec: SharedSession['exec'], message: Uint8Array): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await exec(message, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}
