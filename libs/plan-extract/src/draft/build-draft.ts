// The draft catalog entry: the plan in the shape of seeds/plans/*.yaml, every
// agency cell resolved with its text kept, every deadline kept as printed,
// and for each field the confidence and the reason a person should look at it.
import { slugVietnamese } from '@dondoc/schemas';

import type { AgencyResolver, AgencyResolution } from '../agencies/resolve-agencies';
import { interpretDeadline } from '../deadline/interpret-deadline';
import type { PlanMetadata } from '../metadata/read-metadata';
import type { ReportingReading } from '../metadata/read-reporting';
import type { ExtractedIndicatorTable } from '../indicators/indicator-table';
import type { ExtractedRow, ExtractedTable, FieldRole } from '../table/extracted-table';
import { buildIndicators, type DraftIndicator } from './build-indicators';

/** Fields below this confidence are listed for review. */
export const REVIEW_BELOW = 0.9;

export interface FieldReview {
  /** Path in the draft, e.g. ["groups", 0, "tasks", 3, "lead"]. */
  readonly path: ReadonlyArray<string | number>;
  /** The task it belongs to ("II.7"), or null for plan fields. */
  readonly taskId: string | null;
  readonly field: string;
  readonly confidence: number;
  readonly note: string;
}

export interface DraftAgencyRef {
  text: string;
  agencies: string[];
}

export interface DraftTask {
  id: string;
  row: number | string;
  name: string;
  lead: DraftAgencyRef;
  coordinators: DraftAgencyRef;
  result: string | null;
  deadline: string;
}

export interface DraftPlan {
  id: string;
  title: string;
  number: string | null;
  issuer: string;
  issued: { year: number; date: string | null; text: string };
  legalBasis: string[];
  reporting: {
    text: string;
    unitsReportTo: string;
    unitDeadline: { day: number; month: number } | null;
    aggregatorReportsTo: string[];
    aggregatorDeadline: { day: number; month: number } | null;
  };
  indicators: DraftIndicator[];
  groups: Array<{ number: string | null; title: string; tasks: DraftTask[] }>;
}

export interface DraftInput {
  readonly table: ExtractedTable;
  readonly metadata: PlanMetadata;
  readonly reporting: ReportingReading;
  readonly resolver: AgencyResolver;
  /** Year to assume when the document prints none (the current one). */
  readonly fallbackYear: number;
  /** The indicator tables read (Phụ lục chỉ tiêu). */
  readonly indicators: readonly ExtractedIndicatorTable[];
  /** An indicator appendix was seen whose table could not be read. */
  readonly indicatorTableSeen: boolean;
}

export interface BuiltDraft {
  readonly plan: DraftPlan;
  /** Every field with a confidence below 1, reviewed or not. */
  readonly fields: readonly FieldReview[];
  readonly unresolvedAgencies: ReadonlyArray<{ readonly name: string; readonly taskIds: readonly string[] }>;
}

export function buildDraft(input: DraftInput): BuiltDraft {
  const fields: FieldReview[] = [];
  const unresolved = new Map<string, Set<string>>();
  const mark = (path: FieldReview['path'], taskId: string | null, field: string, confidence: number, note: string) => {
    if (confidence < 1) fields.push({ path, taskId, field, confidence: Number(confidence.toFixed(2)), note });
  };
  const { metadata, reporting, resolver, table } = input;

  const year = metadata.issued.year ?? input.fallbackYear;
  const title = metadata.title ?? (table.title ? `Kế hoạch ${table.title}` : 'Kế hoạch (chưa rõ tên)');
  // The letterhead's lowest body ("UBND TỈNH KON TUM / SỞ KHOA HỌC VÀ CÔNG NGHỆ") issues the plan.
  const letterhead = [...metadata.letterhead].reverse().map((line) => resolver.resolve(line)).find((r) => r.agencies.length === 1 && r.unresolved.length === 0);
  const issuerResolution = letterhead ?? resolver.resolve(metadata.issuerText ?? 'Ủy ban nhân dân tỉnh');
  const id = planId(title, metadata.number, year);

  const usedNumbers = new Set<string>();
  const groups = table.groups.map((group, g) => {
    const groupPath = ['groups', g];
    if (group.number !== null && usedNumbers.has(group.number)) {
      mark([...groupPath, 'number'], null, 'số nhóm', 0.5, `số nhóm "${group.number}" đã dùng cho nhóm trước (${group.where}); có thể in nhầm`);
    }
    if (group.number !== null) usedNumbers.add(group.number);
    const tasks = group.rows.map((row, t) => buildTask(row, group.number, [...groupPath, 'tasks', t]));
    return { number: group.number, title: group.title || (table.title ?? title), tasks };
  });

  function buildTask(row: ExtractedRow, groupNumber: string | null, path: Array<string | number>): DraftTask {
    const taskId = groupNumber === null ? row.label : `${groupNumber}.${row.label}`;
    const doubt = (role: FieldRole) => row.doubts[role];
    const name = row.cells.name ?? '';
    const nameDoubt = doubt('name');
    if (name === '') mark([...path, 'name'], taskId, 'tên nhiệm vụ', 0, `ô nhiệm vụ trống (${row.where})`);
    else if (nameDoubt) mark([...path, 'name'], taskId, 'tên nhiệm vụ', nameDoubt.confidence, nameDoubt.note);

    const agencyField = (role: 'lead' | 'coordinators', label: string): DraftAgencyRef => {
      const text = row.cells[role] ?? '';
      const resolution = resolver.resolve(text);
      for (const name of resolution.unresolved) unresolved.set(name, (unresolved.get(name) ?? new Set()).add(taskId));
      const notes = [doubt(role)?.note, describeResolution(resolution)].filter(Boolean);
      let confidence = Math.min(doubt(role)?.confidence ?? 1, resolution.confidence);
      if (role === 'lead' && resolution.agencies.length === 0) {
        confidence = 0;
        notes.push(text === '' ? `ô chủ trì trống (${row.where})` : 'chưa xác định được cơ quan chủ trì');
      }
      if (confidence < 1) mark([...path, role], taskId, label, confidence, notes.join('; '));
      return { text, agencies: [...resolution.agencies] };
    };
    const lead = agencyField('lead', 'cơ quan chủ trì');
    const coordinators = agencyField('coordinators', 'cơ quan phối hợp');

    const hasResult = table.columns.includes('result');
    const result = hasResult ? (row.cells.result ?? '') : null;
    const resultDoubt = doubt('result');
    if (resultDoubt) mark([...path, 'result'], taskId, 'kết quả', resultDoubt.confidence, resultDoubt.note);

    const deadline = row.cells.deadline ?? '';
    const reading = interpretDeadline(deadline);
    const deadlineDoubt = doubt('deadline');
    if (reading.status === 'unreadable') mark([...path, 'deadline'], taskId, 'thời hạn', 0, [deadlineDoubt?.note, reading.reason].filter(Boolean).join('; '));
    else if (reading.status === 'not-in-catalog') mark([...path, 'deadline'], taskId, 'thời hạn', 0.4, reading.advice);
    else if (deadlineDoubt) mark([...path, 'deadline'], taskId, 'thời hạn', deadlineDoubt.confidence, deadlineDoubt.note);

    const row_ = /^\d+$/.test(row.label) ? Number(row.label) : row.label;
    return { id: taskId, row: row_, name, lead, coordinators, result, deadline };
  }

  // Plan fields.
  mark(['id'], null, 'mã kế hoạch', 0.5, `mã do máy đặt từ tên và năm ("${id}"); đổi nếu cần`);
  if (!metadata.title) mark(['title'], null, 'tên kế hoạch', 0.3, 'không tìm thấy dòng "KẾ HOẠCH" và tên ở đầu văn bản');
  if (metadata.issued.year === null) mark(['issued'], null, 'ngày ban hành', 0.3, `không tìm thấy "ngày … tháng … năm …"; tạm ghi năm ${year}`);
  if (issuerResolution.agencies.length !== 1) mark(['issuer'], null, 'cơ quan ban hành', 0.3, `không xác định được cơ quan ban hành từ "${metadata.issuerText ?? ''}"`);
  if (metadata.legalBasis.length === 0) mark(['legalBasis'], null, 'căn cứ', 0.6, 'không tìm thấy câu "Thực hiện …" hay "Căn cứ …"');
  const reportingFields = buildReporting(reporting, resolver, mark);
  const indicators = buildIndicators(input.indicators, resolver, mark);
  if (input.indicatorTableSeen && indicators.length === 0) mark(['indicators'], null, 'chỉ tiêu', 0.3, 'văn bản có phụ lục chỉ tiêu nhưng không đọc được bảng; cần nhập tay');

  const plan: DraftPlan = {
    id,
    title,
    number: metadata.number,
    issuer: issuerResolution.agencies[0] ?? 'ubnd-tinh',
    issued: { year, date: metadata.issued.date, text: metadata.issued.text ?? `năm ${year}` },
    legalBasis: [...metadata.legalBasis],
    reporting: reportingFields,
    indicators,
    groups,
  };
  return {
    plan,
    fields,
    unresolvedAgencies: [...unresolved].map(([name, tasks]) => ({ name, taskIds: [...tasks] })),
  };
}

function buildReporting(reading: ReportingReading, resolver: AgencyResolver, mark: (path: FieldReview['path'], taskId: null, field: string, c: number, note: string) => void): DraftPlan['reporting'] {
  const unitsTo = resolver.resolve(reading.unitsReportToText ?? '').agencies[0];
  const aggregatorTo = resolver.resolve(reading.aggregatorReportsToText ?? '').agencies;
  if (!reading.text) mark(['reporting', 'text'], null, 'chế độ báo cáo', 0.2, 'không tìm thấy câu về báo cáo định kỳ trong "TỔ CHỨC THỰC HIỆN"');
  if (!unitsTo) mark(['reporting', 'unitsReportTo'], null, 'nơi nhận báo cáo của đơn vị', 0.5, 'không thấy "gửi Sở …"; tạm ghi Sở Khoa học và Công nghệ');
  if (aggregatorTo.length === 0) mark(['reporting', 'aggregatorReportsTo'], null, 'nơi nhận báo cáo tổng hợp', 0.5, 'không thấy nơi nhận; tạm ghi Bộ KH&CN và UBND tỉnh');
  if (reading.period) mark(['reporting'], null, 'kỳ báo cáo', 0.5, `văn bản nêu "${reading.period}"; lịch báo cáo của Đôn Đốc là hằng năm`);
  return {
    text: reading.text ?? '(chưa tìm thấy; cần nhập)',
    unitsReportTo: unitsTo ?? 'so-khcn',
    unitDeadline: reading.unitDeadline,
    aggregatorReportsTo: aggregatorTo.length > 0 ? [...aggregatorTo] : ['bo-khcn', 'ubnd-tinh'],
    aggregatorDeadline: reading.aggregatorDeadline,
  };
}

function describeResolution(resolution: AgencyResolution): string | undefined {
  const notes = resolution.parts.flatMap((part) => {
    if (part.method === 'unresolved') return [`"${part.text}" không có trong danh mục (đề xuất thêm mới)`];
    if (part.method === 'fuzzy') return [`"${part.text}" gần giống ${part.id} (độ tin cậy ${part.confidence})`];
    if (part.method === 'folded') return [`"${part.text}" khớp ${part.id} khi bỏ dấu/hoa thường`];
    return [];
  });
  return notes.length > 0 ? notes.join('; ') : undefined;
}

/** "kh-nq03-2025" from a title naming the document it implements, else from the plan number or the title's words. */
function planId(title: string, number: string | null, year: number): string {
  const implemented = /(Nghị quyết|Quyết định|Chỉ thị|Kết luận|Chương trình)\s+(?:số\s+)?(\d+)[/-]/u.exec(title);
  if (implemented?.[1] && implemented[2]) {
    const kind = { 'Nghị quyết': 'nq', 'Quyết định': 'qd', 'Chỉ thị': 'ct', 'Kết luận': 'kl', 'Chương trình': 'ctr' }[implemented[1]] ?? 'vb';
    return `kh-${kind}${implemented[2]}-${year}`;
  }
  if (number) return `kh-${slugVietnamese(number.split('/')[0] ?? number)}-${year}`;
  const words = slugVietnamese(title.replace(/^Kế hoạch\s+/iu, '').replace(/^(?:triển khai )?(?:thực hiện )?/iu, '')).split('-').slice(0, 4);
  return ['kh', ...words, String(year)].join('-');
}
