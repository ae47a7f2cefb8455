// One client connection to the embedded server. Messages are handled strictly
// in arrival order; each request runs while the connection holds the shared
// session (see session-lock.ts) and gives it back once PGlite reports the
// session idle, so requests of different connections never interleave.
import type { Socket } from 'node:net';

import { SessionAbandonedError, SessionLock, SessionLockTimeoutError } from './session-lock';
import {
  CANCEL_REQUEST,
  errorResponse,
  type Frame,
  GSSENC_REQUEST,
  PROTOCOL_3_0,
  readyForQuery,
  ReplyTail,
  simpleQuery,
  SSL_REQUEST,
  syncMessage,
  takeFrame,
} from './wire-protocol';

/** What a connection needs from the server: the single PGlite session and its lock. */
export interface SharedSession {
  readonly lock: SessionLock;
  readonly lockTimeoutMs: number;
  exec(message: Uint8Array, onData: (chunk: Uint8Array) => void): Promise<void>;
  inTransaction(): boolean;
  /** PGlite's answer to a startup message (authentication ok, parameters, ReadyForQuery). */
  startupReply(message: Uint8Array): Promise<Uint8Array>;
  /** Told about a connection dropped for a protocol violation or an internal failure. */
  onConnectionError(error: unknown, connectionId: number): void;
}

export class WireConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private startupPhase = true;
  /** Set after a request was refused mid-batch: the rest of the batch is dropped up to its Sync. */
  private discardUntilSync = false;
  private closed = false;
  private work: Promise<void> = Promise.resolve();
  private markFinished: () => void = () => undefined;
  private readonly finished = new Promise<void>((resolve) => (this.markFinished = resolve));

  constructor(
    readonly id: number,
    private readonly socket: Socket,
    private readonly session: SharedSession,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.onClose());
    // 'close' always follows 'error'; the listener only keeps the error from being thrown.
    socket.on('error', () => undefined);
  }

  /** Resolves once the socket is closed, its last message handled and the session given back. */
  finishedAfterClose(): Promise<void> {
    return this.finished;
  }

  destroy(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    try {
      for (let framed = takeFrame(this.buffer, this.startupPhase); framed; framed = takeFrame(this.buffer, this.startupPhase)) {
        this.buffer = framed.rest;
        const { frame } = framed;
        // Framing changes as soon as the startup message is seen, before it is even handled.
        if (frame.kind === 'startup' && frame.code === PROTOCOL_3_0) this.startupPhase = false;
        this.schedule(() => this.handle(frame));
      }
    } catch (error) {
      this.fail(error);
    }
  }

  private schedule(step: () => Promise<void>): void {
    this.work = this.work
      .then(() => (this.closed ? undefined : step()))
      .catch((error: unknown) => this.fail(error));
  }

  private fail(error: unknown): void {
    this.session.onConnectionError(error, this.id);
    this.socket.destroy();
  }

  private async handle(frame: Frame): Promise<void> {
    if (frame.kind === 'startup') return this.handleStartup(frame.code, frame.bytes);
    if (frame.type === 'X') {
      this.socket.end();
      return;
    }
    if (this.discardUntilSync) {
      if (frame.type === 'S') {
        this.discardUntilSync = false;
        this.write(readyForQuery('I'));
      }
      return;
    }
    await this.request(frame.bytes, frame.type);
  }

  private async handleStartup(code: number, bytes: Buffer): Promise<void> {
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
      // 'N': no encryption; a local, loopback-only server.
      this.write(Buffer.from('N', 'latin1'));
    } else if (code === CANCEL_REQUEST) {
      // PGlite runs one statement to completion; there is nothing to cancel.
      this.socket.end();
    } else if (code === PROTOCOL_3_0) {
      // Connecting must not wait for the session: a pool opens connections
      // while another connection of the same process holds a transaction.
      this.write(await this.session.startupReply(bytes));
    } else {
      this.socket.end(errorResponse('08P01', `unsupported frontend protocol ${code}`, 'FATAL'));
    }
  }

  /** Runs one client message against PGlite while holding the session. */
  private async request(bytes: Buffer, type: string): Promise<void> {
    const { lock } = this.session;
    try {
      await lock.acquire(this.id, this.session.lockTimeoutMs);
    } catch (error) {
      if (error instanceof SessionLockTimeoutError) return this.refuse(error, type);
      if (error instanceof SessionAbandonedError) return;
      throw error;
    }
    const tail = new ReplyTail();
    await this.session.exec(bytes, (chunk) => {
      tail.push(chunk);
      this.write(chunk);
    });
    if (tail.readyStatus() === 'I' && !this.session.inTransaction()) lock.release(this.id);
  }

  /** Answers a request that never got the session with an ordinary SQL error, keeping the protocol in step. */
  private refuse(error: SessionLockTimeoutError, type: string): void {
    // 55P03 lock_not_available: what PostgreSQL reports when lock_timeout expires.
    this.write(errorResponse('55P03', error.message));
    if (type === 'Q' || type === 'S') this.write(readyForQuery('I'));
    else this.discardUntilSync = true;
  }

  private write(chunk: Uint8Array): void {
    if (!this.closed && this.socket.writable) this.socket.write(chunk);
  }

  private onClose(): void {
    this.closed = true;
    this.session.lock.abandon(this.id);
    // Runs after the in-flight message: a client that vanished mid-batch or
    // mid-transaction must not leave the shared session half-used.
    this.work = this.work.then(() => this.resetSession()).finally(() => this.markFinished());
  }

  private async resetSession(): Promise<void> {
    const { lock } = this.session;
    if (!lock.isHeldBy(this.id)) return;
    const ignore = (): void => undefined;
    try {
      await this.session.exec(syncMessage(), ignore);
      if (this.session.inTransaction()) await this.session.exec(simpleQuery('ROLLBACK'), ignore);
    } catch {
      // The session is released regardless; PGlite reports its own state on the next request.
    } finally {
      lock.release(this.id);
    }
  }
}
