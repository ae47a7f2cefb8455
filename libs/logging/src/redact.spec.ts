import { redactUrl } from './redact';

describe(redactUrl.name, () => {
  it('masks the token of /l/<token> and of ?token=', () => {
    expect(redactUrl('/l/eyJwdXJwb3Nl.c2lnbmF0dXJl')).toBe('/l/***');
    expect(redactUrl('/l/abc?x=1')).toBe('/l/***?x=1');
    expect(redactUrl('/links/report-progress?token=abc.def&x=1')).toBe('/links/report-progress?token=***&x=1');
    expect(redactUrl('/agencies/a/deadlines.ics?x=1&token=abc')).toBe('/agencies/a/deadlines.ics?x=1&token=***');
  });

  it('leaves other addresses alone', () => {
    expect(redactUrl('/lien-ket/nhiem-vu')).toBe('/lien-ket/nhiem-vu');
    expect(redactUrl('/links/x')).toBe('/links/x');
  });
});
