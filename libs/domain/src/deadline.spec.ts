import { firstDueMonth, type Deadline } from './deadline';

describe(firstDueMonth.name, () => {
  const cases: Array<[Deadline, ReturnType<typeof firstDueMonth>]> = [
    [{ kind: 'month', raw: '12/2025', year: 2025, month: 12 }, { year: 2025, month: 12 }],
    [{ kind: 'year', raw: '2026', year: 2026 }, { year: 2026, month: 12 }],
    [{ kind: 'year-range', raw: '2025-2026', from: 2025, to: 2026 }, { year: 2026, month: 12 }],
    [
      {
        kind: 'first-then-continued',
        raw: '2025 (và tiếp tục duy trì)',
        first: { kind: 'year', raw: '2025', year: 2025 },
        continuation: 'và tiếp tục duy trì',
      },
      { year: 2025, month: 12 },
    ],
    [{ kind: 'yearly', raw: 'Hằng năm' }, null],
    [{ kind: 'continuous', raw: 'Thường xuyên' }, null],
    [{ kind: 'after-central-guidance', raw: 'Khi Trung ương ban hành' }, null],
  ];

  it.each(cases)('%o falls due in %o', (deadline, expected) => {
    expect(firstDueMonth(deadline)).toEqual(expected);
  });
});
