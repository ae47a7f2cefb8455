// The seed plans are a faithful transcription of ../shared/seeds/*.txt: these
// numbers and rows were checked against the source text by hand.
import { type Indicator, type Plan, type Task, planTasks } from '@dondoc/domain';
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

// Every cell of a task row (plus its id), without the group planTasks adds: compared with toEqual.
const cells = ({ id, row, name, lead, coordinators, result, deadline }: Task) => ({ id, row, name, lead, coordinators, result, deadline });
// Every field of an indicator row: compared with toEqual.
const indicatorCells = ({ id, group, groupTitle, row, name, unit, target, targetYear, monitoringAgency }: Indicator) => ({
  id,
  group,
  groupTitle,
  row,
  name,
  unit,
  target,
  targetYear,
  monitoringAgency,
});

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
    expect(plan.indicators.map((i) => i.id)).toEqual(['I.1', 'I.2', 'I.3', 'I.4', 'I.5', 'I.5.-', 'I.6', 'I.6.1', 'I.6.2', 'I.7', 'I.8', 'I.9', 'II.1']);
    const indicator = (id: string) => indicatorCells(plan.indicators.find((i) => i.id === id)!);
    const sttt = { text: 'Sở Thông tin và Truyền thông', agencies: ['so-tttt'] };
    const by2030 = { group: 'I', groupTitle: 'Đến năm 2030', targetYear: 2030 };
    // Source lines 446-455.
    expect(indicator('I.1')).toEqual({ id: 'I.1', ...by2030, row: 1, name: 'Xếp hạng năng lực cạnh tranh số', unit: 'Thứ bậc', target: '45 các tỉnh, thành', monitoringAgency: sttt });
    // Source lines 466-476: the unit "Doanh / nghiệp" broken over two lines.
    expect(indicator('I.3')).toEqual({ id: 'I.3', ...by2030, row: 3, name: 'Số doanh nghiệp công nghệ số có năng lực cạnh tranh', unit: 'Doanh nghiệp', target: '≥ 3', monitoringAgency: sttt });
    // Source lines 478-481.
    expect(indicator('I.4')).toEqual({ id: 'I.4', ...by2030, row: 4, name: 'Quy mô kinh tế số', unit: '% GRDP', target: '≥ 25', monitoringAgency: sttt });
    // Source lines 483-490: a heading row, its unit, result and agency cells empty.
    expect(indicator('I.5')).toEqual({
      id: 'I.5',
      ...by2030,
      row: 5,
      name: 'Chỉ tiêu về thực hiện thủ tục hành chính, dịch vụ công và chỉ đạo, điều hành, quản trị nội bộ trên môi trường điện tử',
      unit: '',
      target: '',
      monitoringAgency: { text: '', agencies: [] },
    });
    // Source lines 492-501: the unnumbered sub-row, its TT cell printing "-".
    expect(indicator('I.5.-')).toEqual({
      id: 'I.5.-',
      ...by2030,
      row: '-',
      name: 'Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp',
      unit: '%',
      target: '≥ 80',
      monitoringAgency: sttt,
    });
    // Source lines 503-511: the "Đơn vị" cell empty, the result over four lines.
    expect(indicator('I.6')).toEqual({
      id: 'I.6',
      ...by2030,
      row: 6,
      name: 'Hạ tầng số',
      unit: '',
      target: 'Tiên tiến, hiện đại, dung lượng siêu lớn, băng thông siêu rộng ngang tầm quốc gia',
      monitoringAgency: sttt,
    });
    // Source lines 513-522.
    expect(indicator('I.6.1')).toEqual({
      id: 'I.6.1',
      ...by2030,
      row: '6.1',
      name: 'Tỷ lệ người sử dụng có khả năng truy nhập băng rộng cố định với tốc độ trên 1Gb/s.',
      unit: '%',
      target: '100%',
      monitoringAgency: sttt,
    });
    // Source lines 524-527.
    expect(indicator('I.6.2')).toEqual({ id: 'I.6.2', ...by2030, row: '6.2', name: 'Phủ sóng 5G cho người dân', unit: '% dân số', target: '99', monitoringAgency: sttt });
    // Source lines 529-541: the unit "Huyện, / Thành phố," keeps its trailing comma.
    expect(indicator('I.7')).toEqual({
      id: 'I.7',
      ...by2030,
      row: 7,
      name: 'Hoàn thành xây dựng đô thị thông minh TP Kon Tum và huyện KonPlông và một số địa phương có đủ điều kiện',
      unit: 'Huyện, Thành phố,',
      target: '≥ 2',
      monitoringAgency: sttt,
    });
    // Source lines 568-573.
    expect(indicator('II.1')).toEqual({
      id: 'II.1',
      group: 'II',
      groupTitle: 'Đến năm 2045',
      row: 1,
      name: 'Quy mô kinh tế số',
      unit: '% GRDP',
      target: '≥ 50',
      targetYear: 2045,
      monitoringAgency: sttt,
    });
  });

  it('keeps rows word for word', () => {
    const row = (id: string) => cells(task(id));
    const localUnits = { text: 'Các đơn vị, địa phương', agencies: ['cac-don-vi-dia-phuong'] };
    const sttt = { text: 'Sở Thông tin và Truyền thông', agencies: ['so-tttt'] };
    const sotnmt = { text: 'Sở Tài nguyên và Môi trường', agencies: ['so-tn-mt'] };
    const none = { text: '', agencies: [] };
    const afterGuidance = { kind: 'after-central-guidance', raw: 'Sau khi có văn bản hướng dẫn của Trung ương' };
    const continuous = { kind: 'continuous', raw: 'Thường xuyên' };

    // Source lines 605-631: the coordinator cell empty.
    expect(row('I.1')).toEqual({
      id: 'I.1',
      row: 1,
      name: 'Xây dựng chương trình, kế hoạch phát động phong trào học tập trên các nền tảng số để trở thành phong trào “học tập số” thường xuyên, liên tục, phổ cập, nâng cao kiến thức về khoa học, công nghệ, đổi mới sáng tạo, kỹ năng số, công nghệ số cơ bản trong cán bộ, công chức và Nhân dân theo tinh thần Nghị quyết 57-NQ/TW và Nghị quyết 03/2025/NQ-CP.',
      lead: localUnits,
      coordinators: none,
      result: 'Chương trình, Kế hoạch',
      deadline: continuous,
    });
    // Source lines 633-672: four leads in one cell.
    expect(row('I.2')).toEqual({
      id: 'I.2',
      row: 2,
      name: 'Xây dựng chương trình chuyên biệt về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên truyền hình, phát thanh và mạng xã hội.',
      lead: {
        text: 'Đài Phát thanh và Truyền hình tỉnh; Báo Kon Tum; Cổng Thông tin điện tử tỉnh; các Cơ quan báo chí',
        agencies: ['dai-ptth', 'bao-kon-tum', 'cong-ttdt-tinh', 'cac-co-quan-bao-chi'],
      },
      coordinators: { text: 'Sở Khoa học và Công nghệ, Sở Thông tin và Truyền thông', agencies: ['so-khcn', 'so-tttt'] },
      result: 'Chương trình',
      deadline: continuous,
    });
    // Source lines 865-910: the name and the result continue after the page break (line 885).
    expect(row('II.8')).toEqual({
      id: 'II.8',
      row: 8,
      name: 'Rà soát, điều chỉnh các quy trình nội bộ để đáp ứng các quy định của Luật Giao dịch điện tử; thực hiện các biện pháp, giải pháp linh hoạt sáng tạo, hiệu quả cho phép sử dụng các giấy tờ điện tử tích hợp trên tài khoản định danh điện tử thay thế với giấy tờ giấy khi thực hiện các thủ tục hành chính; sớm có phương án cắt giảm các thành phần hồ sơ khi dữ liệu đã được số hóa',
      lead: { text: 'Các Sở, ngành', agencies: ['cac-so-ban-nganh'] },
      coordinators: { text: 'Văn phòng UBND tỉnh', agencies: ['van-phong-ubnd-tinh'] },
      result: 'Các quy trình nội bộ của các Bộ, ngành, địa phương được ban hành.',
      deadline: { kind: 'month', raw: '12/2025', year: 2025, month: 12 },
    });
    // Source lines 965-993: "Kế hoạch" (980-981) before the deadline cell and "Chương trình" (992-993)
    // after it; the latter ends the result cell (see the YAML).
    expect(row('III.11')).toEqual({
      id: 'III.11',
      row: 11,
      name: 'Tham mưu Ban hành Kế hoạch thực hiện Chương trình phát triển công nghệ và công nghiệp chiến lược',
      lead: sttt,
      coordinators: { text: 'Các đơn vị liên quan', agencies: ['cac-don-vi-lien-quan'] },
      result: 'Kế hoạch Chương trình',
      deadline: { kind: 'after-central-guidance', raw: 'Sau khi có văn bản của Trung ương' },
    });
    // Source lines 995-1022: the "Cơ quan phối hợp" column holds a deadline-like text naming no agency.
    expect(row('III.12')).toEqual({
      id: 'III.12',
      row: 12,
      name: 'Tổ chức ứng dụng trí tuệ nhân tạo dựa trên dữ liệu lớn trong các ngành, lĩnh vực quan trọng',
      lead: { text: 'Sở Khoa học và Công nghệ; Sở Thông tin và Truyền thông', agencies: ['so-khcn', 'so-tttt'] },
      coordinators: { text: 'Sau khi có hướng dẫn của Trung ương', agencies: [] },
      result: 'Báo cáo',
      deadline: continuous,
    });
    // Source lines 1024-1070: the lead keeps its trailing comma; the coordinator cell ends after the page
    // break ("có liên quan", lines 1068-1070).
    expect(row('III.13')).toEqual({
      id: 'III.13',
      row: 13,
      name: 'Rà soát các quy định hiện hành để bảo đảm có quy định về ưu đãi đầu tư, thuê, mua các sản phẩm, dịch vụ số.',
      lead: { text: 'Sở Kế hoạch và Đầu tư,', agencies: ['so-kh-dt'] },
      coordinators: { text: 'Sở Thông tin và Truyền thông, Các Sở ngành, đơn vị có liên quan', agencies: ['so-tttt', 'cac-so-nganh-don-vi-lien-quan'] },
      result: 'Văn bản của cấp có thẩm quyền',
      deadline: continuous,
    });
    // Source lines 1287-1330: two bullets in one cell, the deadline broken over eight lines.
    expect(row('IV.21')).toEqual({
      id: 'IV.21',
      row: 21,
      name:
        '- Rà soát, đảm bảo có chính sách đặc thù thu hút, tuyển dụng, đãi ngộ và trọng dụng nhân lực chuyển đổi số làm việc tại các cơ quan nhà nước, đảm bảo đủ về số lượng, chất lượng, phù hợp theo đặc thù lĩnh vực, vùng, miền. ' +
        '- Tập trung đào tạo nguồn nhân lực khoa học, công nghệ và đổi mới sáng tạo của tỉnh, ưu tiên các lĩnh vực khoa học kỹ thuật và công nghệ: công nghệ thông tin, công nghệ sinh học, công nghệ chế biến,... Tuyển chọn, cử đi đào tạo nhân lực khoa học và công nghệ trình độ cao thuộc các lĩnh vực ưu tiên, trọng điểm ở các nước có nền khoa học và công nghệ tiên tiến (khi đủ điều kiện).',
      lead: { text: 'Sở Nội vụ', agencies: ['so-noi-vu'] },
      coordinators: localUnits,
      result: 'Văn bản của cấp có thẩm quyền',
      deadline: afterGuidance,
    });
    // Source lines 1374-1420: two leads; two collectives printed one after the other in the coordinator cell.
    expect(row('V.23')).toEqual({
      id: 'V.23',
      row: 23,
      name: 'Xây dựng kế hoạch để mỗi người dân có danh tính số, phương tiện số, kỹ năng số và tài khoản số hình thành công dân số',
      lead: { text: 'Công an tỉnh; Sở Thông tin và Truyền thông', agencies: ['cong-an-tinh', 'so-tttt'] },
      coordinators: {
        text: 'Các đơn vị, địa phương Các Sở, ban, ngành, UBND các huyện, thành phố',
        agencies: ['cac-don-vi-dia-phuong', 'cac-so-ban-nganh', 'ubnd-cac-huyen-tp'],
      },
      result: 'Kế hoạch',
      deadline: afterGuidance,
    });
    // Source lines 1422-1474: every cell split by the page break (line 1438); after it the name, lead and
    // coordinator pieces share line 1452.
    expect(row('V.24')).toEqual({
      id: 'V.24',
      row: 24,
      name: 'Ứng dụng và triển khai các nền tảng số nhằm giám sát, thu thập dữ liệu lĩnh vực tài nguyên, môi trường',
      lead: sotnmt,
      coordinators: { text: 'Các huyện và thành phố có liên quan', agencies: ['cac-huyen-tp-lien-quan'] },
      result: 'Ứng dụng các hệ thống, nền tảng số được triển khai',
      deadline: afterGuidance,
    });
    // Source lines 1476-1517: a first deadline, then a continuing duty.
    expect(row('V.25')).toEqual({
      id: 'V.25',
      row: 25,
      name: 'Triển khai nâng cấp, hoàn thiện, duy trì hệ thống CSDL đất đai nhằm đáp ứng yêu cầu của công tác quản lý đất đai trong giai đoạn hiện nay. (Chuyển từ hệ thống vật lý lên đám mây)',
      lead: sotnmt,
      coordinators: localUnits,
      result: 'Các hệ thống, nền tảng số được triển khai',
      deadline: {
        kind: 'first-then-continued',
        raw: '2025 (và tiếp tục duy trì cho những năm tiếp theo)',
        first: { kind: 'year', raw: '2025', year: 2025 },
        continuation: 'và tiếp tục duy trì cho những năm tiếp theo',
      },
    });
    // Source lines 1666-1707: the name and the deadline continue after the page break (lines 1676-1690);
    // the coordinator and result cells are empty.
    expect(row('V.30')).toEqual({
      id: 'V.30',
      row: 30,
      name: 'Ứng dụng và Triển khai các giải pháp, công cụ để giám sát các cơ sở khám chữa bệnh thực hiện liên thông dữ liệu Sổ sức khỏe điện tử, Giấy chuyển tuyến, Giấy hẹn khám lại, Kết quả xét nghiệm; để cơ sở khám chữa bệnh, bác sĩ khai thác thông tin Sổ sức khỏe trên VNeID trực tiếp từ phần mềm của cơ sở khám chữa bệnh.',
      lead: { text: 'Sở Y tế', agencies: ['so-y-te'] },
      coordinators: none,
      result: '',
      deadline: afterGuidance,
    });
    // Source lines 1895-1926: the first line of every cell on one line before the page break, the rest after it.
    expect(row('VI.37')).toEqual({
      id: 'VI.37',
      row: 37,
      name: 'Ban hành Kế hoạch triển khai Đề án chuyển đổi số cho các doanh nghiệp, nhất là doanh nghiệp nhỏ và vừa, hợp tác xã, hộ kinh doanh',
      lead: { text: 'Sở Thông tin và Truyền thông; Sở Khoa học và công nghệ', agencies: ['so-tttt', 'so-khcn'] },
      coordinators: { text: 'Các sở, ngành, địa phương', agencies: ['cac-so-nganh-dia-phuong'] },
      result: 'Kế hoạch',
      deadline: { kind: 'after-central-guidance', raw: 'Sau khi có văn bản của Trung ương' },
    });
    // Source lines 1968-1996: a yearly deadline.
    expect(row('VI.39')).toEqual({
      id: 'VI.39',
      row: 39,
      name: 'Công bố danh mục các bài toán lớn về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số của tỉnh để các doanh nghiệp công nghệ số Việt Nam tham gia giải quyết',
      lead: sttt,
      coordinators: { text: 'Các sở, ngành, địa phương', agencies: ['cac-so-nganh-dia-phuong'] },
      result: 'Các bài toán được công bố trên Cổng TTĐT của tỉnh',
      deadline: { kind: 'yearly', raw: 'Hằng năm' },
    });
    // Source lines 2028-2052: a collective lead; the coordinator cell prints "-".
    expect(row('VI.41')).toEqual({
      id: 'VI.41',
      row: 41,
      name: 'Ban hành Kế hoạch đẩy mạnh sản xuất thông minh, chuyển đổi số trong các lĩnh vực trọng điểm như nông nghiệp, công nghiệp, thương mại, tài chính, giáo dục, y tế, giao thông, xây dựng, logistics, du lịch,...',
      lead: { text: 'Các sở, ngành liên quan', agencies: ['cac-so-nganh-lien-quan'] },
      coordinators: { text: '-', agencies: [] },
      result: 'Kế hoạch của UBND tỉnh',
      deadline: { kind: 'after-central-guidance', raw: 'Khi Trung ương ban hành' },
    });
    // Source lines 2058-2109: two leads; the name ends after the page break (lines 2108-2109); the result cell is empty.
    expect(row('VII.42')).toEqual({
      id: 'VII.42',
      row: 42,
      name: 'Tổ chức triển khai thực hiện có hiệu quả Chương trình tổng thể về hợp tác với các Trường Đại học, các Viện, Trung tâm nghiên cứu khoa học để hỗ trợ doanh nghiệp trong công tác nghiên cứu khoa học trong hoạt động nghiên cứu, tư vấn chuyển giao, đổi mới công nghệ trong các doanh nghiệp. Tiếp tục đẩy mạnh hợp tác với các Viện nghiên cứu, các Trường Đại học và doanh nghiệp của nước: Hàn Quốc; Israel; Nhật Bản, Thái Lan, Lào… trong các lĩnh vực sản xuất giống cây trồng, nông nghiệp CNC, chế biến dược liệu, chăn nuôi, nuôi trồng thủy sản….',
      lead: { text: 'Sở Khoa học và Công nghệ; Sở Nông nghiệp và Phát triển nông thôn', agencies: ['so-khcn', 'so-nn-ptnt'] },
      coordinators: { text: 'Các Sở, ngành, đơn vị có liên quan', agencies: ['cac-so-nganh-don-vi-lien-quan'] },
      result: '',
      deadline: continuous,
    });
    // Source lines 2111-2134: two leads, the coordinator and result cells empty.
    expect(row('VII.43')).toEqual({
      id: 'VII.43',
      row: 43,
      name: 'Tích cực, chủ động tham gia các hoạt động, chương trình, hội thảo về quản trị về khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số do các bộ, ngành và địa phương tổ chức.',
      lead: { text: 'Sở Khoa học và Công nghệ; Sở Thông tin và Truyền thông', agencies: ['so-khcn', 'so-tttt'] },
      coordinators: none,
      result: '',
      deadline: continuous,
    });
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
    const row = (id: string) => cells(task(id));
    const skhcn = { text: 'Sở Khoa học và Công nghệ', agencies: ['so-khcn'] };
    const khcnAndTttt = { text: 'Các Sở: Khoa học và Công nghệ, Thông tin và Truyền thông', agencies: ['so-khcn', 'so-tttt'] };
    const range = (from: number, to: number) => ({ kind: 'year-range', raw: `${from}-${to}`, from, to });

    // Source lines 257-263: the table has no "Kết quả" column.
    expect(row('1')).toEqual({
      id: '1',
      row: 1,
      name: 'Triển khai các văn bản quy phạm pháp luật về quyền sở hữu trí tuệ liên quan tới TTNT.',
      lead: skhcn,
      coordinators: { text: 'Các đơn vị liên quan', agencies: ['cac-don-vi-lien-quan'] },
      result: null,
      deadline: range(2025, 2026),
    });
    // Source lines 265-278: four departments listed after "Các Sở:".
    expect(row('2')).toEqual({
      id: '2',
      row: 2,
      name: 'Triển khai các nhiệm vụ khoa học và công nghệ về ứng dụng TTNT trong giáo dục, y tế, nông nghiệp, du lịch, quản lý đô thị, xã hội và hành chính công.',
      lead: skhcn,
      coordinators: { text: 'Các Sở: Giáo dục và Đào tạo, Y tế, Nông nghiệp và PTNT, Văn hóa, Thể thao và Du lịch', agencies: ['so-gd-dt', 'so-y-te', 'so-nn-ptnt', 'so-vh-tt-dl'] },
      result: null,
      deadline: range(2026, 2030),
    });
    // Source lines 280-288.
    expect(row('3')).toEqual({
      id: '3',
      row: 3,
      name: 'Xây dựng hạ tầng dữ liệu và tính toán cho nghiên cứu phát triển và ứng dụng TTNT, hoàn thiện nền tảng dữ liệu tỉnh (LGSP).',
      lead: { text: 'Sở Thông tin và Truyền thông', agencies: ['so-tttt'] },
      coordinators: { text: 'Các Sở: Khoa học và Công nghệ, Nội vụ', agencies: ['so-khcn', 'so-noi-vu'] },
      result: null,
      deadline: range(2026, 2028),
    });
    // Source lines 290-300.
    expect(row('4')).toEqual({
      id: '4',
      row: 4,
      name: 'Phát triển các chương trình đào tạo ngắn hạn về TTNT, phổ cập kỹ năng cơ bản cho học sinh và sinh viên.',
      lead: { text: 'Sở Giáo dục và Đào tạo', agencies: ['so-gd-dt'] },
      coordinators: khcnAndTttt,
      result: null,
      deadline: range(2025, 2030),
    });
    // Source lines 326-338: the lead broken over two lines, the last row before the page break.
    expect(row('7')).toEqual({
      id: '7',
      row: 7,
      name: 'Ứng dụng TTNT trong bảo tồn di sản văn hóa, du lịch và phát triển công nghiệp văn hóa số.',
      lead: { text: 'Sở Văn hóa, Thể thao và Du lịch', agencies: ['so-vh-tt-dl'] },
      coordinators: khcnAndTttt,
      result: null,
      deadline: range(2026, 2028),
    });
    // Source lines 391-400: an agency and a collective in one coordinator cell.
    expect(row('12')).toEqual({
      id: '12',
      row: 12,
      name: 'Ứng dụng TTNT trong lĩnh vực quốc phòng và an ninh, xây dựng hệ thống phòng thủ và phòng chống tội phạm công nghệ cao.',
      lead: { text: 'Bộ Chỉ huy Quân sự tỉnh', agencies: ['bo-chqs-tinh'] },
      coordinators: { text: 'Công an tỉnh, các đơn vị liên quan', agencies: ['cong-an-tinh', 'cac-don-vi-lien-quan'] },
      result: null,
      deadline: range(2025, 2026),
    });
    // Source lines 414-434: three collectives as leads.
    expect(row('14')).toEqual({
      id: '14',
      row: 14,
      name: 'Lồng ghép, triển khai thực hiện các nội dung, nhiệm vụ và giải pháp của kế hoạch bảo đảm tính thống nhất, đồng bộ với việc thực hiện kế hoạch phát triển kinh tế - xã hội của địa phương',
      lead: {
        text: 'Các Sở, ban ngành; Ủy ban nhân dân các huyện, thành phố; các trường đại học, cao đẳng trên địa bàn tỉnh.',
        agencies: ['cac-so-ban-nganh', 'ubnd-cac-huyen-tp', 'cac-truong-dh-cd'],
      },
      coordinators: skhcn,
      result: null,
      deadline: range(2025, 2030),
    });
  });

  it('states the reporting calendar: units by 15/11, Sở KH&CN by 15/12', () => {
    expect(plan.reporting).toMatchObject({ unitDeadline: { day: 15, month: 11 }, aggregatorDeadline: { day: 15, month: 12 }, aggregatorReportsTo: ['bo-khcn', 'ubnd-tinh'] });
  });
});
