import { DEFAULT_OFFICE_HOURS, officeMinutes } from './office-hours';

describe(officeMinutes.name, () => {
  it('turns the default hours into minutes after midnight', () => {
    expect(officeMinutes(DEFAULT_OFFICE_HOURS)).toEqual([
      { start: 450, end: 690 },
      { start: 810, end: 1020 },
    ]);
  });

  it('lets the last period run to the end of the day', () => {
    expect(officeMinutes({ timeZone: 'Asia/Ho_Chi_Minh', periods: [{ start: '00:00', end: '24:00' }] })).toEqual([{ start: 0, end: 1440 }]);
  });

  it.each([
    [{ timeZone: 'Asia/Ho_Chi_Minh', periods: [{ start: '24:00', end: '24:00' }] }, /"24:00" is not a time/],
    [{ timeZone: 'Asia/Hanoi_Nowhere', periods: [{ start: '07:30', end: '11:30' }] }, /unknown time zone/],
    [{ timeZone: 'Asia/Ho_Chi_Minh', periods: [] }, /at least one period/],
    [{ timeZone: 'Asia/Ho_Chi_Minh', periods: [{ start: '7:30', end: '11:30' }] }, /"7:30" is not a time/],
    [{ timeZone: 'Asia/Ho_Chi_Minh', periods: [{ start: '11:30', end: '07:30' }] }, /ends before it starts/],
    [
      {
        timeZone: 'Asia/Ho_Chi_Minh',
        periods: [
          { start: '07:30', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      },
      /overlaps/,
    ],
  ])('rejects %o', (hours, message) => {
    expect(() => officeMinutes(hours)).toThrow(message);
  });
});
