import { quietHoursDelay, vietnamIsoDate } from './quiet-hours';

// 2026-03-09 in Vietnam (UTC+7): hh:mm local → epoch ms.
const at = (hhmm: string) => Date.parse(`2026-03-09T${hhmm}:00+07:00`);

describe(quietHoursDelay.name, () => {
  const lunch = { from: '11:30', to: '13:30' };

  it('is zero outside quiet hours and without them', () => {
    expect(quietHoursDelay(lunch, at('11:29'))).toBe(0);
    expect(quietHoursDelay(lunch, at('13:30'))).toBe(0);
    expect(quietHoursDelay(null, at('12:00'))).toBe(0);
  });

  it('waits until the quiet hours end, in Vietnamese time', () => {
    expect(quietHoursDelay(lunch, at('11:30'))).toBe(2 * 3_600_000);
    expect(quietHoursDelay(lunch, at('13:00'))).toBe(30 * 60_000);
  });

  it('handles quiet hours across midnight', () => {
    const night = { from: '21:00', to: '07:00' };
    expect(quietHoursDelay(night, at('22:00'))).toBe(9 * 3_600_000);
    expect(quietHoursDelay(night, at('06:00'))).toBe(3_600_000);
    expect(quietHoursDelay(night, at('12:00'))).toBe(0);
  });

  it('takes today from the Vietnamese calendar', () => {
    expect(vietnamIsoDate(Date.parse('2026-03-09T18:00:00Z'))).toBe('2026-03-10');
  });
});
