import { redactRequest, redactResponse, redactUrl } from './redact';

describe(redactUrl.name, () => {
  it('masks the token of /l/<token> and of ?token=', () => {
    expect(redactUrl('/l/eyJwdXJwb3Nl.c2lnbmF0dXJl')).toBe('/l/***');
    expect(redactUrl('/l/abc?x=1')).toBe('/l/***?x=1');
    expect(redactUrl('/links/report-progress?token=abc.def&x=1')).toBe('/links/report-progress?token=***&x=1');
    expect(redactUrl('/agencies/a/deadlines.ics?x=1&token=abc')).toBe('/agencies/a/deadlines.ics?x=1&token=***');
  });

  it('masks absolute /l/ links, a redirect’s Location, and drops route params', () => {
    expect(redactUrl('https://dondoc.example/l/abc.def')).toBe('https://dondoc.example/l/***');
    expect(redactResponse({ statusCode: 303, headers: { location: '/l/abc.def' } })).toEqual({ statusCode: 303, headers: { location: '/l/***' } });
    expect(redactRequest({ url: '/l/abc.def', params: { splat: ['l', 'abc.def'] }, method: 'GET' })).toEqual({ url: '/l/***', method: 'GET' });
  });

  it('leaves other addresses alone', () => {
    expect(redactUrl('/lien-ket/nhiem-vu')).toBe('/lien-ket/nhiem-vu');
    expect(redactUrl('/links/x')).toBe('/links/x');
  });
});
