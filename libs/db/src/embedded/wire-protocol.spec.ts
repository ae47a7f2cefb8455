import {
  errorResponse,
  PROTOCOL_3_0,
  ProtocolViolationError,
  readyForQuery,
  ReplyTail,
  simpleQuery,
  SSL_REQUEST,
  syncMessage,
  takeFrame,
} from './wire-protocol';

function startupMessage(code: number, body = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + body.length, 0);
  header.writeInt32BE(code, 4);
  return Buffer.concat([header, body]);
}

describe(takeFrame.name, () => {
  it('reads an untyped startup-phase request and keeps what follows', () => {
    const input = Buffer.concat([startupMessage(SSL_REQUEST), Buffer.from([1, 2])]);
    const framed = takeFrame(input, true);
    expect(framed?.frame).toEqual({ kind: 'startup', code: SSL_REQUEST, bytes: startupMessage(SSL_REQUEST) });
    expect([...(framed?.rest ?? [])]).toEqual([1, 2]);
  });

  it('reads a startup message with parameters', () => {
    const body = Buffer.from('user\0postgres\0\0');
    const framed = takeFrame(startupMessage(PROTOCOL_3_0, body), true);
    expect(framed?.frame).toMatchObject({ kind: 'startup', code: PROTOCOL_3_0 });
    expect(framed?.rest.length).toBe(0);
  });

  it('reads typed messages one at a time after startup', () => {
    const input = Buffer.concat([simpleQuery('select 1'), syncMessage()]);
    const first = takeFrame(input, false);
    expect(first?.frame).toMatchObject({ kind: 'message', type: 'Q' });
    const second = takeFrame(first?.rest ?? Buffer.alloc(0), false);
    expect(second?.frame).toMatchObject({ kind: 'message', type: 'S' });
    expect(second?.rest.length).toBe(0);
  });

  it('waits for the rest of a message split across packets', () => {
    const query = simpleQuery('select 42');
    expect(takeFrame(query.subarray(0, 3), false)).toBeNull();
    expect(takeFrame(query.subarray(0, query.length - 1), false)).toBeNull();
    expect(takeFrame(startupMessage(PROTOCOL_3_0).subarray(0, 7), true)).toBeNull();
  });

  it('rejects a length that cannot be right', () => {
    const broken = Buffer.from([0x51, 0, 0, 0, 2]);
    expect(() => takeFrame(broken, false)).toThrow(ProtocolViolationError);
  });
});

describe(errorResponse.name, () => {
  it('encodes severity, SQLSTATE and message as PostgreSQL does', () => {
    const bytes = errorResponse('55P03', 'busy');
    expect(String.fromCharCode(bytes[0] ?? 0)).toBe('E');
    expect(bytes.readInt32BE(1)).toBe(bytes.length - 1);
    expect(bytes.subarray(5).toString('latin1')).toBe('SERROR\0VERROR\0C55P03\0Mbusy\0\0');
  });
});

describe(ReplyTail.name, () => {
  it('finds the closing ReadyForQuery even when it is split across chunks', () => {
    const tail = new ReplyTail();
    const reply = Buffer.concat([Buffer.from('C\0\0\0\rSELECT 1\0', 'latin1'), readyForQuery('T')]);
    tail.push(reply.subarray(0, reply.length - 2));
    tail.push(reply.subarray(reply.length - 2));
    expect(tail.readyStatus()).toBe('T');
  });

  it('reports null when the reply ends with anything else', () => {
    const tail = new ReplyTail();
    tail.push(Buffer.from('1\0\0\0\x04', 'latin1'));
    expect(tail.readyStatus()).toBeNull();
    expect(new ReplyTail().readyStatus()).toBeNull();
  });
});
