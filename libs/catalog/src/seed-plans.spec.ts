// The seed plans are a faithful transcription of ../shared/seeds/*.txt: these
// numbers and rows were checked against the source text by hand.
import { type Plan, planTasks } from '@dondoc/domain';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { loadAgencyDirectory, loadPlan } from './load-catalog';

const seeds = path.join(__dirname, '..', '..', '..', 'seeds');
const read = (file: string) => ({ file: path.join(seeds, file), text: readFileSync(path.join(seeds, file), 'utf8') });

function load(file: string): Plan {
  const directory = loadAgencyDirectory(read('agencies.yaml'));
  if (!directory.ok) throw new Error(directory.diagnostics.map((d) => d.message).join('\n'));
  const result = loadPlan(read(file), directory.references);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return result.plan;
}

const countBy = <T>(items: readonly T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => ((acc[key(item)] = (acc[key(item)] ?? 0) + 1), acc), {});

describe('seed plan kh-nq03-2025 (Nghị quyết 03/NQ-CP)', () => {
  const plan = load('plans/kh-nq03-2025.yaml');
  const task = (id: string) => planTasks(plan).find((t) => t.id === id)!;

  it('has the 43 tasks of Phụ lục II in seven groups, the misprinted second "IV" read as VI', () => {
    expect(plan.groups.map((g) => `${g.number}:${g.tasks.length}`)).toEqual(['I:5', 'II:3', 'III:12', 'IV:1', 'V:13', 'VI:7', 'VII:2']);
    expect(planTasks(plan).map((t) => t.row)).toEqual(Array.from({ length: 43 }, (_, i) => i + 1));
  });

  it('has each deadline kind as often as the source prints it', () => {
    expect(countBy(planTasks(plan), (t) => t.deadline.kind)).toEqual({
      'after-central-guidance': 22,
      continuous: 9,
      month: 5,
      yearly: 2,
      'year-range': 2,
      year: 1,
      'first-then-continued': 2,
    });
  });

  it('has the 13 indicators of Phụ lục I', () => {
    expect(plan.indicators).toHaveLength(13);
    expect(countBy(plan.indicators, (i) => String(i.targetYear))).toEqual({ '2030': 12, '2045': 1 });
    expect(plan.indicators[0]).toMatchObject({
      id: 'I.1',
      name: 'Xếp hạng năng lực cạnh tranh số',
      unit: 'Thứ bậc',
      target: '45 các tỉnh, thành',
      targetYear: 2030,
      monitoringAgency: { text: 'Sở Thông tin và Truyền thông', agencies: ['so-tttt'] },
    });
    expect(plan.indicators.find((i) => i.id === 'I.3')).toMatchObject({ name: 'Số doanh nghiệp công nghệ số có năng lực cạnh tranh', unit: 'Doanh nghiệp', target: '≥ 3' });
    expect(plan.indicators.find((i) => i.id === 'I.4')).toMatchObject({ name: 'Quy mô kinh tế số', unit: '% GRDP', target: '≥ 25' });
  });

  it('keeps rows word for word', () => {
    expect(task('I.1')).toMatchObject({
      name: 'Xây dựng chương trình, kế hoạch phát động phong trào học tập trên các nền tảng số để trở thành phong trào “học tập số” thường xuyên, liên tục, phổ cập, nâng cao kiến thức về khoa học, công nghệ, đổi mới sáng tạo, kỹ năng số, công nghệ số cơ bản trong cán bộ, công chức và Nhân dân theo tinh thần Nghị quyết 57-NQ/TW và Nghị quyết 03/2025/NQ-CP.',
      lead: { text: 'Các đơn vị, địa phương', agencies: ['cac-don-vi-dia-phuong'] },
      coordinators: { text: '', agencies: [] },
      result: 'Chương trình, Kế hoạch',
      deadline: { kind: 'continuous', raw: 'Thường xuyên' },
    });
    expect(task('I.2')).toMatchObject({
      name: 'Xây dựng chương trình chuyên biệt về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên truyền hình, phát thanh và mạng xã hội.',
      lead: { text: 'Đài Phát thanh và Truyền hình tỉnh; Báo Kon Tum; Cổng Thông tin điện tử tỉnh; các Cơ quan báo chí', agencies: ['dai-ptth', 'bao-kon-tum', 'cong-ttdt-tinh', 'cac-co-quan-bao-chi'] },
      coordinators: { text: 'Sở Khoa học và Công nghệ, Sở Thông tin và Truyền thông', agencies: ['so-khcn', 'so-tttt'] },
      result: 'Chương trình',
    });
    expect(task('III.11')).toMatchObject({
      name: 'Tham mưu Ban hành Kế hoạch thực hiện Chương trình phát triển công nghệ và công nghiệp chiến lược',
      lead: { text: 'Sở Thông tin và Truyền thông', agencies: ['so-tttt'] },
      coordinators: { text: 'Các đơn vị liên quan', agencies: ['cac-don-vi-lien-quan'] },
      // The source prints "Chương trình" apart, after the deadline cell: it ends the result (see the YAML).
      result: 'Kế hoạch Chương trình',
      deadline: { kind: 'after-central-guidance', raw: 'Sau khi có văn bản của Trung ương' },
    });
    expect(task('III.12')).toMatchObject({
      name: 'Tổ chức ứng dụng trí tuệ nhân tạo dựa trên dữ liệu lớn trong các ngành, lĩnh vực quan trọng',
      lead: { text: 'Sở Khoa học và Công nghệ; Sở Thông tin và Truyền thông', agencies: ['so-khcn', 'so-tttt'] },
      result: 'Báo cáo',
      deadline: { kind: 'continuous', raw: 'Thường xuyên' },
    });
    // Source lines 1287-1327: two bullets in one cell, the deadline broken over eight lines.
    expect(task('IV.21')).toMatchObject({
      row: 21,
      name:
        '- Rà soát, đảm bảo có chính sách đặc thù thu hút, tuyển dụng, đãi ngộ và trọng dụng nhân lực chuyển đổi số làm việc tại các cơ quan nhà nước, đảm bảo đủ về số lượng, chất lượng, phù hợp theo đặc thù lĩnh vực, vùng, miền. ' +
        '- Tập trung đào tạo nguồn nhân lực khoa học, công nghệ và đổi mới sáng tạo của tỉnh, ưu tiên các lĩnh vực khoa học kỹ thuật và công nghệ: công nghệ thông tin, công nghệ sinh học, công nghệ chế biến,... Tuyển chọn, cử đi đào tạo nhân lực khoa học và công nghệ trình độ cao thuộc các lĩnh vực ưu tiên, trọng điểm ở các nước có nền khoa học và công nghệ tiên tiến (khi đủ điều kiện).',
      lead: { text: 'Sở Nội vụ', agencies: ['so-noi-vu'] },
      coordinators: { text: 'Các đơn vị, địa phương', agencies: ['cac-don-vi-dia-phuong'] },
      result: 'Văn bản của cấp có thẩm quyền',
      deadline: { kind: 'after-central-guidance', raw: 'Sau khi có văn bản hướng dẫn của Trung ương' },
    });
    // Source lines 2111-2131: two leads, the coordinator and result cells empty.
    expect(task('VII.43')).toMatchObject({
      row: 43,
      name: 'Tích cực, chủ động tham gia các hoạt động, chương trình, hội thảo về quản trị về khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số do các bộ, ngành và địa phương tổ chức.',
      lead: { text: 'Sở Khoa học và Công nghệ; Sở Thông tin và Truyền thông', agencies: ['so-khcn', 'so-tttt'] },
      coordinators: { text: '', agencies: [] },
      result: '',
      deadline: { kind: 'continuous', raw: 'Thường xuyên' },
    });
    expect(task('III.13').name).toBe('Rà soát các quy định hiện hành để bảo đảm có quy định về ưu đãi đầu tư, thuê, mua các sản phẩm, dịch vụ số.');
  });

  it('states its reporting duty without dates ("theo quy định")', () => {
    expect(plan.reporting).toMatchObject({ unitsReportTo: 'so-khcn', unitDeadline: null, aggregatorReportsTo: ['bo-khcn', 'ubnd-tinh'], aggregatorDeadline: null });
  });
});

describe('seed plan kh-ai-2025-2030 (Trí tuệ nhân tạo)', () => {
  const plan = load('plans/kh-ai-2025-2030.yaml');
  const task = (id: string) => planTasks(plan).find((t) => t.id === id)!;

  it('has the 14 tasks of its appendix in one table without groups', () => {
    expect(plan.groups).toHaveLength(1);
    expect(plan.groups[0]!.number).toBeNull();
    expect(planTasks(plan).map((t) => t.id)).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    expect(plan.indicators).toEqual([]);
  });

  it('has only year ranges as deadlines', () => {
    expect(countBy(planTasks(plan), (t) => t.deadline.raw)).toEqual({ '2025-2026': 4, '2026-2028': 6, '2026-2030': 2, '2025-2030': 2 });
  });

  it('keeps rows word for word', () => {
    expect(task('1')).toMatchObject({
      name: 'Triển khai các văn bản quy phạm pháp luật về quyền sở hữu trí tuệ liên quan tới TTNT.',
      lead: { text: 'Sở Khoa học và Công nghệ', agencies: ['so-khcn'] },
      coordinators: { text: 'Các đơn vị liên quan', agencies: ['cac-don-vi-lien-quan'] },
      result: null,
      deadline: { kind: 'year-range', raw: '2025-2026', from: 2025, to: 2026 },
    });
    expect(task('2')).toMatchObject({
      name: 'Triển khai các nhiệm vụ khoa học và công nghệ về ứng dụng TTNT trong giáo dục, y tế, nông nghiệp, du lịch, quản lý đô thị, xã hội và hành chính công.',
      coordinators: { text: 'Các Sở: Giáo dục và Đào tạo, Y tế, Nông nghiệp và PTNT, Văn hóa, Thể thao và Du lịch', agencies: ['so-gd-dt', 'so-y-te', 'so-nn-ptnt', 'so-vh-tt-dl'] },
      deadline: { raw: '2026-2030' },
    });
    expect(task('3')).toMatchObject({
      name: 'Xây dựng hạ tầng dữ liệu và tính toán cho nghiên cứu phát triển và ứng dụng TTNT, hoàn thiện nền tảng dữ liệu tỉnh (LGSP).',
      lead: { text: 'Sở Thông tin và Truyền thông', agencies: ['so-tttt'] },
      coordinators: { text: 'Các Sở: Khoa học và Công nghệ, Nội vụ', agencies: ['so-khcn', 'so-noi-vu'] },
      deadline: { raw: '2026-2028' },
    });
    expect(task('4')).toMatchObject({
      name: 'Phát triển các chương trình đào tạo ngắn hạn về TTNT, phổ cập kỹ năng cơ bản cho học sinh và sinh viên.',
      lead: { text: 'Sở Giáo dục và Đào tạo', agencies: ['so-gd-dt'] },
      coordinators: { text: 'Các Sở: Khoa học và Công nghệ, Thông tin và Truyền thông' },
      deadline: { raw: '2025-2030' },
    });
  });

  it('states the reporting calendar: units by 15/11, Sở KH&CN by 15/12', () => {
    expect(plan.reporting).toMatchObject({ unitDeadline: { day: 15, month: 11 }, aggregatorDeadline: { day: 15, month: 12 }, aggregatorReportsTo: ['bo-khcn', 'ubnd-tinh'] });
  });
});
