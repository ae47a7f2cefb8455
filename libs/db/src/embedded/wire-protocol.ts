// The few pieces of the PostgreSQL frontend/backend protocol the embedded
// server has to understand itself: where one client message ends, which
// startup-phase requests to answer without PGlite, and how to recognise the
// end of a backend reply. Everything else is passed to PGlite untouched.
// https://www.postgresql.org/docs/current/protocol-message-formats.html

/** Startup-phase request codes (the second int32 of an untyped message). */
export const PROTOCOL_3_0 = 196_608;
export const SSL_REQUEST = 80_877_103;
export const GSSENC_REQUEST = 80_877_104;
export const CANCEL_REQUEST = 80_877_102;

export type Frame =
  | { readonly kind: 'startup'; readonly code: number; readonly bytes: Buffer }
  | { readonly kind: 'message'; readonly type: string; readonly bytes: Buffer };

export interface Framed {
  readonly frame: Frame;
  readonly rest: Buffer;
}

/** A single message larger than this is a broken or hostile client, not a query. */
const MAX_MESSAGE_BYTES = 1 << 30;

/**
 * Splits the next complete client message off `buffer`, or returns null when more bytes are needed.
 * Before the startup message is accepted, messages have no type byte (`startupPhase`).
 */
export function takeFrame(buffer: Buffer, startupPhase: boolean): Framed | null {
  if (startupPhase) {
    if (buffer.length < 8) return null;
    const length = checkedLength(buffer.readInt32BE(0), 8);
    if (buffer.length < length) return null;
    return {
      frame: { kind: 'startup', code: buffer.readInt32BE(4), bytes: buffer.subarray(0, length) },
      rest: buffer.subarray(length),
    };
  }
  if (buffer.length < 5) return null;
  const length = 1 + checkedLength(buffer.readInt32BE(1), 4);
  if (buffer.length < length) return null;
  return {
    frame: { kind: 'message', type: String.fromCharCode(buffer[0] ?? 0), bytes: buffer.subarray(0, length) },
    rest: buffer.subarray(length),
  };
}

function checkedLength(length: number, minimum: number): number {
  if (length < minimum || length > MAX_MESSAGE_BYTES) {
    throw new ProtocolViolationError(`invalid message length ${length}`);
  }
  return length;
}

export class ProtocolViolationError extends Error {
  override readonly name = 'ProtocolViolationError';
}

/** ErrorResponse, so that a client sees an ordinary SQL error with a SQLSTATE. */
export function errorResponse(sqlState: string, message: string, severity: 'ERROR' | 'FATAL' = 'ERROR'): Buffer {
  const fields = Buffer.concat([
    field('S', severity),
    field('V', severity),
    field('C', sqlState),
    field('M', message),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write('E', 0, 'latin1');
  header.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([header, fields]);
}

function field(code: string, value: string): Buffer {
  return Buffer.concat([Buffer.from(code, 'latin1'), Buffer.from(value, 'utf8'), Buffer.from([0])]);
}

export type TransactionStatus = 'I' | 'T' | 'E';

export function readyForQuery(status: TransactionStatus): Buffer {
  return Buffer.from([0x5a, 0, 0, 0, 5, status.charCodeAt(0)]);
}

/** Sync ends an extended-protocol batch; sent on behalf of a client that vanished mid-batch. */
export function syncMessage(): Buffer {
  return Buffer.from([0x53, 0, 0, 0, 4]);
}

export function simpleQuery(text: string): Buffer {
  const body = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write('Q', 0, 'latin1');
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

const READY_FOR_QUERY_LENGTH = 6;

/**
 * Remembers the last bytes of a backend reply so the server can tell whether
 * the reply ended with ReadyForQuery, and in which transaction status.
 * ReadyForQuery is always the final message of a reply to Sync or Query.
 */
export class ReplyTail {
  private tail: Buffer = Buffer.alloc(0);

  push(chunk: Uint8Array): void {
    this.tail = Buffer.concat([this.tail, chunk]).subarray(-READY_FOR_QUERY_LENGTH);
  }

  /** The status of the closing ReadyForQuery, or null when the reply did not end with one. */
  readyStatus(): TransactionStatus | null {
    const t = this.tail;
    if (t.length !== READY_FOR_QUERY_LENGTH || t[0] !== 0x5a || t.readInt32BE(1) !== 5) return null;
    const status = String.fromCharCode(t[5] ?? 0);
    return status === 'I' || status === 'T' || status === 'E' ? status : null;
  }
}
