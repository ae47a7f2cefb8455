import { pino } from 'pino';
import { Writable } from 'node:stream';

import { REDACTION, redactRequest, redactResponse, redactUrl } from './redaction';

describe(redactUrl.name, () => {
  it('masks link tokens in the query string and in link paths, and keeps the rest', () => {
    expect(redactUrl('/agencies/so-khcn/deadlines.ics?token=eyJhbGciOi.sig&x=1')).toBe('/agencies/so-khcn/deadlines.ics?token=***&x=1');
    expect(redactUrl('/links/report-progress?x=1&token=abc.def')).toBe('/links/report-progress?x=1&token=***');
    expect(redactUrl('/l/eyJwdXJwb3NlIjoi.c2ln?utm=mail')).toBe('/l/***?utm=mail');
    expect(redactUrl('/reset-password/abc123')).toBe('/reset-password/***');
    expect(redactUrl('/tasks?plan=kh-ai-2025-2030')).toBe('/tasks?plan=kh-ai-2025-2030');
  });
});

describe('request and response lines', () => {
  it('drop route params and mask a redirect’s Location', () => {
    expect(redactRequest({ url: '/l/abc.def', params: { splat: ['l', 'abc.def'] }, method: 'GET' })).toEqual({ url: '/l/***', method: 'GET' });
    expect(redactResponse({ statusCode: 303, headers: { location: '/l/abc.def' } })).toEqual({ statusCode: 303, headers: { location: '/l/***' } });
    expect(redactResponse({ statusCode: 200, headers: {} })).toEqual({ statusCode: 200, headers: {} });
  });
});

describe('REDACTION', () => {
  it('masks Authorization, cookies and token fields in what a pino logger writes', () => {
    let written = '';
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => ((written += chunk.toString()), done()) });
    const logger = pino({ redact: { ...REDACTION, paths: [...REDACTION.paths] } }, sink);
    logger.info({ req: { headers: { authorization: 'Bearer eyJsecret', cookie: 'dondoc_link=abc' } }, body: { token: 'tok-123', password: 'hunter2' } }, 'x');
    expect(written).not.toMatch(/eyJsecret|dondoc_link=abc|tok-123|hunter2/);
    expect(written).toContain('***');
  });
});
