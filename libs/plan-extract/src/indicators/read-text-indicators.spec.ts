// An indicator appendix in pdftotext-style text, in another issuer's words
// (not one of the seeds): the header's own column names and year, rows and
// items without groups, cells run together on a line or broken over lines.
import { AgencySpellings } from '../agencies/agency-spellings';
import { seedDirectory } from '../testing/seed-directory';
import { readTextIndicators } from './read-text-indicators';

const APPENDIX = [
  'PHỤ LỤC I',
  'CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2027',
  '',
  'STT Tên chỉ tiêu Đơn vị tính Mục tiêu ',
  'năm 2027 ',
  'Cơ quan theo dõi ',
  '',
  '1 Tỷ lệ hồ sơ được số hóa % 100 Sở Nội vụ ',
  '',
  '2 ',
  'Số lớp tập huấn kỹ năng số cho ',
  'cán bộ, công chức cấp xã ',
  '',
  'Lớp ≥ 12 ',
  'Sở Giáo dục và ',
  '',
  'Đào tạo ',
  '',
  '3 Hạ tầng dữ liệu   ',
  '',
  'Kết nối thông suốt ',
  'toàn tỉnh ',
  '',
  'Sở Khoa học và ',
  'Công nghệ ',
  '',
  '4 ',
  'Chỉ tiêu về dịch vụ công trực ',
  'tuyến toàn trình ',
  '',
  '- ',
  'Tỷ lệ hồ sơ nộp trực tuyến ',
  '',
  '% ≥ 60 ',
  'Văn phòng UBND tỉnh ',
  '',
  '12',
];

describe('pdftotext indicator tables', () => {
  const [table, ...others] = readTextIndicators(APPENDIX, AgencySpellings.fromDirectory(seedDirectory()));
  const rows = table!.groups.flatMap((g) => g.rows);

  it('finds the table by its header and takes the year from it', () => {
    expect(others).toEqual([]);
    expect(table!.headerYear).toBe(2027);
    expect(table!.groups.map((g) => g.number)).toEqual([null]);
  });

  it('cuts each row into indicator, unit, target and monitoring agency', () => {
    expect(rows.map((r) => [r.parent, r.label, r.cells.name, r.cells.unit, r.cells.target, r.cells.agency])).toEqual([
      [null, '1', 'Tỷ lệ hồ sơ được số hóa', '%', '100', 'Sở Nội vụ'],
      [null, '2', 'Số lớp tập huấn kỹ năng số cho cán bộ, công chức cấp xã', 'Lớp', '≥ 12', 'Sở Giáo dục và Đào tạo'],
      [null, '3', 'Hạ tầng dữ liệu', '', 'Kết nối thông suốt toàn tỉnh', 'Sở Khoa học và Công nghệ'],
      [null, '4', 'Chỉ tiêu về dịch vụ công trực tuyến toàn trình', '', '', ''],
      ['4', '-', 'Tỷ lệ hồ sơ nộp trực tuyến', '%', '≥ 60', 'Văn phòng UBND tỉnh'],
    ]);
  });

  it('flags the cells whose boundary fell inside a line', () => {
    expect(rows[0]!.doubts.unit?.confidence).toBeLessThan(0.9);
    expect(rows[0]!.doubts.agency?.confidence).toBeLessThan(0.9);
    expect(rows[2]!.doubts).toEqual({});
  });
});
