import { CalendarOverridesError } from './overrides-error';
import { parseCalendarOverrides, validateCalendarOverrides } from './overrides-parse';

const valid = `
year: 2025
documents:
  tb-1: Thông báo của Bộ Nội vụ về lịch nghỉ lễ năm 2025
replaces: [national-day]
daysOff:
  - { date: 2025-05-02, occasion: labour-day, kind: swapped, document: tb-1 }
  - { date: 2025-09-01, occasion: national-day, kind: holiday, document: tb-1 }
  - { date: 2025-09-02, occasion: national-day, kind: holiday, document: tb-1 }
workingDays:
  - { date: 2025-04-26, replaces: 2025-05-02, document: tb-1 }
`;

function errorOf(run: () => unknown): CalendarOverridesError {
  try {
    run();
  } catch (error) {
    if (error instanceof CalendarOverridesError) return error;
    throw error;
  }
  throw new Error('expected a CalendarOverridesError');
}

describe(parseCalendarOverrides.name, () => {
  it('reads an announcement, keeping dates as text', () => {
    const overrides = parseCalendarOverrides(valid, '2025.yaml');
    expect(overrides.year).toBe(2025);
    expect(overrides.replaces).toEqual(['national-day']);
    expect(overrides.daysOff[0]).toEqual({
      date: '2025-05-02',
      occasion: 'labour-day',
      kind: 'swapped',
      document: 'tb-1',
    });
    expect(overrides.workingDays).toEqual([{ date: '2025-04-26', replaces: '2025-05-02', document: 'tb-1' }]);
  });

  it('defaults the lists to empty', () => {
    const overrides = parseCalendarOverrides('year: 2027\ndocuments: { a: Văn bản A }\n');
    expect(overrides).toEqual({ year: 2027, documents: { a: 'Văn bản A' }, replaces: [], daysOff: [], workingDays: [] });
  });

  it('names the file, line, column and field of a bad value', () => {
    const error = errorOf(() =>
      parseCalendarOverrides(valid.replace('date: 2025-09-01', 'date: 2025-09-31'), 'seeds/calendar/2025.yaml'),
    );
    expect(error.origin).toBe('seeds/calendar/2025.yaml');
    expect(error.issues).toEqual([
      { path: 'daysOff[1].date', message: 'phải là một ngày có thật, viết YYYY-MM-DD', line: 8, column: 7 },
    ]);
    expect(error.message).toContain(
      'seeds/calendar/2025.yaml:8:7 daysOff[1].date: phải là một ngày có thật, viết YYYY-MM-DD',
    );
  });

  it('reports unknown and missing fields and wrong enum values together', () => {
    const text = ['year: 2025', 'documentz: {}', 'daysOff:', '  - { date: 2025-05-02, occasion: tết, kind: holiday }'].join(
      '\n',
    );
    const paths = errorOf(() => parseCalendarOverrides(text, 'x.yaml')).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['documents', 'daysOff[0].occasion', 'daysOff[0].document', '']));
  });

  it('checks announced office hours: times, order and overlap', () => {
    const text = [
      'year: 2027',
      'documents: { qd: Quyết định }',
      'officeHours:',
      '  - { start: "7:30", end: "11:30" }',
      '  - { start: "13:30", end: "12:00" }',
      '  - { start: "16:00", end: "24:00" }',
    ].join('\n');
    expect(errorOf(() => parseCalendarOverrides(text, 'x.yaml')).issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'officeHours[0].start', message: 'giờ viết HH:mm, từ 00:00 đến 23:59' },
    ]);
    const misordered = text.replace('"7:30"', '"07:30"');
    expect(errorOf(() => parseCalendarOverrides(misordered, 'x.yaml')).issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'officeHours[1].end', message: 'buổi 13:30–12:00 kết thúc trước khi bắt đầu' },
    ]);
    const overlapping = misordered.replace('"12:00"', '"17:00"');
    expect(errorOf(() => parseCalendarOverrides(overlapping, 'x.yaml')).issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'officeHours[2].start', message: 'buổi 16:00–24:00 phải bắt đầu sau khi buổi trước kết thúc (17:00)' },
    ]);
  });

  it('points at YAML syntax errors', () => {
    const error = errorOf(() => parseCalendarOverrides('year: 2025\ndaysOff: [\n', 'broken.yaml'));
    expect(error.issues[0]).toMatchObject({ path: '', line: expect.any(Number) });
    expect(error.issues[0]?.message).toMatch(/^lỗi cú pháp YAML/);
  });

  it('rejects an empty file', () => {
    expect(errorOf(() => parseCalendarOverrides('', 'empty.yaml')).issues).toEqual([
      { path: '', message: 'tệp trống', line: 1, column: 1 },
    ]);
  });

  const swapped = '{ date: 2025-05-02, occasion: labour-day, kind: swapped, document: tb-1 }';
  const nationalDay = [
    '{ date: 2025-09-01, occasion: national-day, kind: holiday, document: tb-1 }',
    '{ date: 2025-09-02, occasion: national-day, kind: holiday, document: tb-1 }',
  ];
  const makeUp = '{ date: 2025-04-26, replaces: 2025-05-02, document: tb-1 }';

  it.each([
    ['a date outside the year', [swapped, ...nationalDay], [makeUp.replace('2025-04-26', '2024-04-27')], 'workingDays[0].date', /không thuộc năm 2025/],
    ['an undeclared document', [swapped.replace('tb-1', 'tb-9'), ...nationalDay], [makeUp], 'daysOff[0].document', /"tb-9" chưa khai báo/],
    ['a làm bù day on a weekday', [swapped, ...nationalDay], [makeUp.replace('2025-04-26', '2025-04-28')], 'workingDays[0].date', /thứ Bảy hoặc Chủ nhật/],
    ['a swapped day off on a weekend', [swapped.replace('2025-05-02', '2025-05-03'), ...nationalDay], [], 'daysOff[0].kind', /thứ Hai – thứ Sáu/],
    ['a làm bù day paying back an unknown day off', [swapped, ...nationalDay], [makeUp.replace('replaces: 2025-05-02', 'replaces: 2025-05-05')], 'workingDays[0].replaces', /2025-05-05/],
    ['a date listed twice', [swapped, nationalDay[0] ?? '', nationalDay[0] ?? ''], [], 'daysOff[2].date', /đã có ở daysOff\[1\]/],
    ['a replaced occasion without holidays', [swapped], [], 'replaces[0]', /national-day/],
    ['a day both off and worked', [swapped, ...nationalDay, '{ date: 2025-04-26, occasion: other, name: X, kind: extra, document: tb-1 }'], [makeUp], 'workingDays[0].date', /vừa là ngày nghỉ vừa là ngày làm bù/],
    ['another day off without a name', [swapped, ...nationalDay, '{ date: 2025-06-02, occasion: other, kind: extra, document: tb-1 }'], [], 'daysOff[3].name', /cần có tên/],
  ])('rejects %s', (_case, daysOff, workingDays, path, message) => {
    const text = [
      'year: 2025',
      'documents: { tb-1: Thông báo }',
      'replaces: [national-day]',
      `daysOff: [${daysOff.join(', ')}]`,
      `workingDays: [${workingDays.join(', ')}]`,
    ].join('\n');
    const issues = errorOf(() => parseCalendarOverrides(text, 'x.yaml')).issues;
    expect(issues.find((issue) => issue.path === path)?.message).toMatch(message);
  });
});

describe(validateCalendarOverrides.name, () => {
  it('checks data that did not come from a file, without positions', () => {
    const error = errorOf(() => validateCalendarOverrides({ year: 2019, documents: { a: 'A' } }));
    expect(error.origin).toBe('<data>');
    expect(error.issues).toEqual([{ path: 'year', message: expect.stringMatching(/2021/) }]);
  });
});
