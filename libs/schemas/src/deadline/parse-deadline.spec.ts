import type { Deadline } from '@dondoc/domain';

import { parseDeadline } from './parse-deadline';

function parsed(raw: string): Deadline {
  const result = parseDeadline(raw);
  if (!result.ok) throw new Error(result.message);
  return result.deadline;
}

function failure(raw: string): string {
  const result = parseDeadline(raw);
  if (result.ok) throw new Error(`"${raw}" parsed as ${result.deadline.kind}`);
  return result.message;
}

describe(parseDeadline.name, () => {
  it.each([
    ['12/2025', { kind: 'month', raw: '12/2025', year: 2025, month: 12 }],
    ['1/2026', { kind: 'month', raw: '1/2026', year: 2026, month: 1 }],
    ['12 / 2028', { kind: 'month', raw: '12 / 2028', year: 2028, month: 12 }],
    ['Tháng 6/2025', { kind: 'month', raw: 'Tháng 6/2025', year: 2025, month: 6 }],
  ])('reads the month "%s"', (raw, expected) => {
    expect(parsed(raw)).toEqual(expected);
  });

  it.each([
    ['2026', 2026],
    ['Năm 2025', 2025],
    ['năm 2030.', 2030],
  ])('reads the year "%s"', (raw, year) => {
    expect(parsed(raw)).toEqual({ kind: 'year', raw, year });
  });

  it.each([
    ['2025-2026', 2025, 2026],
    ['2026-2030', 2026, 2030],
    ['2025- 2026', 2025, 2026],
    ['2025 – 2026', 2025, 2026],
    ['Giai đoạn 2026-2028', 2026, 2028],
    ['Từ năm 2025 đến năm 2030', 2025, 2030],
  ])('reads the year range "%s"', (raw, from, to) => {
    expect(parsed(raw)).toEqual({ kind: 'year-range', raw, from, to });
  });

  it.each(['Hằng năm', 'Hàng năm', 'hằng năm', 'Hằng  năm.'])('reads the yearly "%s"', (raw) => {
    expect(parsed(raw)).toEqual({ kind: 'yearly', raw });
  });

  it.each(['Thường xuyên', 'Thường\nxuyên', 'thường xuyên, liên tục'])('reads the continuous %j', (raw) => {
    expect(parsed(raw)).toEqual({ kind: 'continuous', raw });
  });

  it.each([
    'Sau khi có văn bản hướng dẫn của Trung ương',
    'Sau khi có Văn bản của Trung ương',
    'Sau khi có hướng dẫn của Trung ương',
    'Sau khi có văn bản của Trung ương',
    'Khi Trung ương ban hành',
    'Khi Trung ương ban hành văn bản hướng dẫn',
  ])('reads the after-central-guidance "%s"', (raw) => {
    expect(parsed(raw)).toEqual({ kind: 'after-central-guidance', raw });
  });

  it('reads a decomposed (NFD) spelling like its precomposed twin', () => {
    expect(parsed('Hằng năm'.normalize('NFD')).kind).toBe('yearly');
    expect(parsed('Thường xuyên'.normalize('NFD')).kind).toBe('continuous');
  });

  it.each([
    [
      '2025 (và tiếp tục duy trì cho những năm tiếp theo)',
      { kind: 'year', raw: '2025', year: 2025 },
      'và tiếp tục duy trì cho những năm tiếp theo',
    ],
    ['2025 và những năm tiếp theo', { kind: 'year', raw: '2025', year: 2025 }, 'và những năm tiếp theo'],
    [
      '12/2025 (và tiếp tục duy trì)',
      { kind: 'month', raw: '12/2025', year: 2025, month: 12 },
      'và tiếp tục duy trì',
    ],
  ])('reads the first-then-continued "%s"', (raw, first, continuation) => {
    expect(parsed(raw)).toEqual({ kind: 'first-then-continued', raw, first, continuation });
  });

  it.each([
    ['13/2025', 'không hiểu thời hạn "13/2025" (tháng phải từ 1 đến 12)'],
    ['0/2025', 'không hiểu thời hạn "0/2025" (tháng phải từ 1 đến 12)'],
    ['2026-2025', 'không hiểu thời hạn "2026-2025" (năm kết thúc 2025 phải sau năm bắt đầu 2026)'],
    ['2025-2025', 'không hiểu thời hạn "2025-2025" (năm kết thúc 2025 phải sau năm bắt đầu 2025)'],
    ['1925', 'không hiểu thời hạn "1925" (năm 1925 phải từ 2021 đến 2100)'],
    ['12/2020', 'không hiểu thời hạn "12/2020" (năm 2020 phải từ 2021 đến 2100)'],
    ['12/2205', 'không hiểu thời hạn "12/2205" (năm 2205 phải từ 2021 đến 2100)'],
    ['13/2025 (và tiếp tục duy trì)', 'không hiểu thời hạn "13/2025 (và tiếp tục duy trì)" (tháng phải từ 1 đến 12)'],
    ['  ', 'không hiểu thời hạn "" (ô thời hạn để trống)'],
    ['31/12/2025', 'không hiểu thời hạn "31/12/2025" (chưa hỗ trợ thời hạn theo ngày; ghi tháng, ví dụ "12/2025")'],
    ['Hang nam', 'không hiểu thời hạn "Hang nam" (sai hoặc thiếu dấu tiếng Việt, có phải "Hằng năm"?)'],
    ['Thuờng xuyen', 'không hiểu thời hạn "Thuờng xuyen" (sai hoặc thiếu dấu tiếng Việt, có phải "Thường xuyên"?)'],
    [
      'Sau khi co huong dan cua Trung uong',
      'không hiểu thời hạn "Sau khi co huong dan cua Trung uong" (sai hoặc thiếu dấu tiếng Việt, có phải "Sau khi có văn bản hướng dẫn của Trung ương"?)',
    ],
    ['Thường xuyênn', 'không hiểu thời hạn "Thường xuyênn" (có phải "Thường xuyên"?)'],
  ])('explains why "%s" is not understood', (raw, message) => {
    expect(failure(raw)).toBe(message);
  });

  it('lists the accepted forms for text it cannot place', () => {
    expect(failure('Quý I/2025')).toMatch(/^không hiểu thời hạn "Quý I\/2025" \(các dạng được chấp nhận: 12\/2025, 2026/);
  });
});
