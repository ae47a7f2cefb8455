import { ZNS_ERRORS, znsErrorMeaning, znsQuotaResetAt } from './zns-errors';

describe('ZNS error table', () => {
  it('never ends a reminder on ZNS: every code retries, refreshes, waits for the quota or falls back to e-mail', () => {
    const actions = new Set(Object.values(ZNS_ERRORS).map((m) => m.action));
    expect([...actions].sort()).toEqual(['fallback-email', 'refresh-token', 'retry', 'wait-for-quota']);
    expect(znsErrorMeaning(-101).action).toBe('fallback-email');
    expect(znsErrorMeaning(-150)).toEqual({ action: 'fallback-email', reason: 'mã lỗi ZNS chưa biết -150' });
    expect(znsErrorMeaning(-144).action).toBe('wait-for-quota');
  });
});

describe(znsQuotaResetAt.name, () => {
  it('is the next 00:00 in Vietnam (17:00 UTC)', () => {
    expect(new Date(znsQuotaResetAt(Date.parse('2026-12-03T09:25:00Z'))).toISOString()).toBe('2026-12-03T17:00:00.000Z');
    expect(new Date(znsQuotaResetAt(Date.parse('2026-12-03T16:59:59.999Z'))).toISOString()).toBe('2026-12-03T17:00:00.000Z');
    // At midnight itself the quota has just reset: the next reset is a day later.
    expect(new Date(znsQuotaResetAt(Date.parse('2026-12-03T17:00:00Z'))).toISOString()).toBe('2026-12-04T17:00:00.000Z');
    expect(new Date(znsQuotaResetAt(Date.parse('2026-12-31T23:30:00Z'))).toISOString()).toBe('2027-01-01T17:00:00.000Z');
  });
});
