// Cross-checks our lunar calendar against @dqcai/vn-lunar, an independent
// implementation from precomputed tables (UTC+7 from 1968, when Vietnam's
// lunar calendar left Chinese time; earlier years are out of our range).
// The package's CommonJS entry is obfuscated and hangs once transformed, so
// its clean ESM build is loaded by path.
import { fromDayNumber } from './civil-day';
import { lunarDateOf, solarDateOfLunar } from './lunar-calendar';

type VnLunar = typeof import('@dqcai/vn-lunar');
const oracle = jest.requireActual<VnLunar>('../../../node_modules/@dqcai/vn-lunar/lib/index.mjs');

describe('lunar calendar against @dqcai/vn-lunar', () => {
  it('starts every month, leap months included, on the same day from 1968 to 2199', () => {
    const mismatches: string[] = [];
    for (let year = 1968; year <= 2199; year += 1) {
      for (const month of oracle.getYearInfo(year)) {
        const expected = fromDayNumber(month.jd);
        let actual: string;
        try {
          actual = solarDateOfLunar({ day: 1, month: month.month, year: month.year, leap: month.leap });
        } catch (error) {
          actual = String(error);
        }
        if (actual !== expected) mismatches.push(`${month.toString()}: ${actual} vs ${expected}`);
      }
    }
    // The new moon of 7/8 May 2054 falls 22 s after midnight in UTC+7, closer
    // than either method can tell (ΔT alone is uncertain by more than that).
    expect(mismatches).toEqual(['1/4/2054: 2054-05-08 vs 2054-05-07']);
  });

  it('gives the same lunar date for every day from 2021 to 2050', () => {
    const mismatches: string[] = [];
    for (let day = new Date(Date.UTC(2021, 0, 1)); day.getUTCFullYear() <= 2050; day.setUTCDate(day.getUTCDate() + 1)) {
      const iso = day.toISOString().slice(0, 10);
      const expected = oracle.getLunarDate(day.getUTCDate(), day.getUTCMonth() + 1, day.getUTCFullYear());
      const actual = lunarDateOf(iso);
      const same =
        actual.day === expected.day &&
        actual.month === expected.month &&
        actual.year === expected.year &&
        actual.leap === expected.leap;
      if (!same) mismatches.push(`${iso}: ${JSON.stringify(actual)} vs ${expected.toString()}`);
    }
    expect(mismatches).toEqual([]);
  });
});
