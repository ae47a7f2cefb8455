import { parseDeadlineText } from './test-deadlines';
import { cyclesOf, type CycleContext } from './cycles';

const context: CycleContext = { reportDay: { day: 15, month: 11 }, startYear: 2025, horizonYear: 2030, guidanceLeadDays: 60 };
const dues = (raw: string, overrides: Partial<CycleContext> = {}) => cyclesOf(parseDeadlineText(raw), { ...context, ...overrides }).map((c) => `${c.kind}:${c.due}`);

describe(cyclesOf.name, () => {
  it('gives a month deadline one cycle at the end of that month', () => {
    expect(dues('12/2025')).toEqual(['deadline:2025-12-31']);
    expect(dues('02/2028')).toEqual(['deadline:2028-02-29']);
  });

  it('gives a year range yearly progress reports and the deadline at its end', () => {
    expect(dues('2026-2028')).toEqual(['progress:2026-11-15', 'progress:2027-11-15', 'deadline:2028-12-31']);
  });

  it('gives yearly duties one deadline per year on the plan report day, 14/12 when the plan says "theo quy định"', () => {
    expect(dues('Hằng năm')).toHaveLength(6);
    expect(dues('Hằng năm', { reportDay: null })[0]).toBe('deadline:2025-12-14');
  });

  it('gives continuous duties a yearly progress cycle', () => {
    expect(dues('Thường xuyên')).toEqual(['2025', '2026', '2027', '2028', '2029', '2030'].map((y) => `progress:${y}-11-15`));
  });

  it('has no cycle for a task waiting for central guidance until the guidance arrives', () => {
    expect(dues('Sau khi có văn bản hướng dẫn của Trung ương')).toEqual([]);
    expect(dues('Sau khi có văn bản hướng dẫn của Trung ương', { guidanceDate: '2026-03-10' })).toEqual(['deadline:2026-05-09']);
  });

  it('gives a first deadline then yearly progress for "2025 (và tiếp tục duy trì…)"', () => {
    expect(dues('2025 (và tiếp tục duy trì cho những năm tiếp theo)')).toEqual([
      'deadline:2025-12-31',
      ...['2026', '2027', '2028', '2029', '2030'].map((y) => `progress:${y}-11-15`),
    ]);
  });
});
