// Rows a page break splits in pdftotext-style text: the break cuts every
// column at once, so a cell may end before it in the first words of an agency
// name and go on after it, and the task column may go on after a deadline
// that was already complete. A made-up appendix, not one of the seeds.
import { AgencySpellings } from '../agencies/agency-spellings';
import { seedDirectory } from '../testing/seed-directory';
import { readTextTables } from './read-text-table';

const HEADER = ['TT Tên nhiệm vụ ', 'Cơ quan  ', 'chủ trì ', '', 'Cơ quan                ', 'phối hợp ', '', 'Kết quả ', '', 'Thời gian ', 'hoàn ', '', 'thành ', ''];

const APPENDIX = [
  'PHỤ LỤC',
  'DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ',
  '(Kèm theo Kế hoạch số     /KH-UBND)',
  '',
  ...HEADER,
  '1.  ',
  '',
  'Xây dựng cơ sở dữ liệu giống cây ',
  'trồng chủ lực của tỉnh ',
  '',
  'Sở Nông ',
  'nghiệp và ',
  '',
  'Phát triển ',
  'nông thôn ',
  '',
  'Sở Khoa học ',
  'và Công ',
  'nghệ ',
  '',
  'Cơ sở ',
  'dữ liệu ',
  '',
  '12/2026 ',
  '',
  '2.  ',
  '',
  'Ứng dụng công nghệ số trong quản lý ',
  'trường học và học bạ điện tử cho ',
  '',
  'Sở Giáo ',
  'dục và ',
  '',
  'Sở Thông ',
  'tin và ',
  '',
  'Nền tảng ',
  'số ',
  '',
  '12/2027 ',
  '7 ',
  ...HEADER.map((line, i) => (i === 0 ? ` ${line}` : line)),
  'các cơ sở giáo dục phổ thông Đào tạo Truyền ',
  '',
  'thông ',
  '',
  '3.  ',
  '',
  'Tập huấn kỹ năng số cho cán bộ, công ',
  'chức cấp xã trên địa bàn tỉnh, nhất ',
  '',
  'Sở Nội vụ ',
  '',
  'Các huyện ',
  'và thành ',
  'phố có ',
  'liên quan ',
  '',
  'Lớp tập ',
  'huấn ',
  '',
  'Thường ',
  'xuyên ',
  '8 ',
  ...HEADER.map((line, i) => (i === 0 ? ` ${line}` : line)),
  'là các xã vùng sâu, vùng xa, biên ',
  'giới. ',
  '',
];

describe('pdftotext tables: rows split by a page break', () => {
  const spellings = AgencySpellings.fromDirectory(seedDirectory());
  const [table] = readTextTables(APPENDIX, spellings);
  const rows = table!.groups.flatMap((g) => g.rows);

  it('finds the three rows under one header, its repetitions dropped', () => {
    expect(rows.map((r) => r.label)).toEqual(['1', '2', '3']);
    expect(table!.notes.join(' ')).toMatch(/trải qua 3 trang/);
  });

  it('reads a row the break does not touch', () => {
    expect(rows[0]!.cells).toEqual({
      name: 'Xây dựng cơ sở dữ liệu giống cây trồng chủ lực của tỉnh',
      lead: 'Sở Nông nghiệp và Phát triển nông thôn',
      coordinators: 'Sở Khoa học và Công nghệ',
      result: 'Cơ sở dữ liệu',
      deadline: '12/2026',
    });
  });

  it('finishes the names the break cut off in the lead and the coordinating column, even on one line after it', () => {
    expect(rows[1]!.cells).toEqual({
      name: 'Ứng dụng công nghệ số trong quản lý trường học và học bạ điện tử cho các cơ sở giáo dục phổ thông',
      lead: 'Sở Giáo dục và Đào tạo',
      coordinators: 'Sở Thông tin và Truyền thông',
      result: 'Nền tảng số',
      deadline: '12/2027',
    });
  });

  it('gives the words after a complete deadline to the task column, not to the deadline or the result', () => {
    expect(rows[2]!.cells).toEqual({
      name: 'Tập huấn kỹ năng số cho cán bộ, công chức cấp xã trên địa bàn tỉnh, nhất là các xã vùng sâu, vùng xa, biên giới.',
      lead: 'Sở Nội vụ',
      coordinators: 'Các huyện và thành phố có liên quan',
      result: 'Lớp tập huấn',
      deadline: 'Thường xuyên',
    });
  });

  it('asks for a look at every column of a split row', () => {
    for (const row of rows.slice(1)) {
      for (const role of ['name', 'lead', 'coordinators', 'result', 'deadline'] as const) expect(row.doubts[role]?.confidence).toBeLessThan(0.9);
    }
  });
});
