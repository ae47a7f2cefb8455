// The readable summary `--report` prints and the API returns: what was found
// per group, what needs a look, which agencies are not in the directory, and
// whether the draft would pass `dondoc plan validate`.
import { formatDiagnostic } from '@dondoc/schemas';

import { REVIEW_BELOW } from '../draft/build-draft';
import { pathText } from '../draft/write-draft-yaml';
import type { ExtractionResult } from '../extract-plan';

export function formatReport(result: Omit<ExtractionResult, 'reportText'>): string {
  const { plan } = result.draft;
  const tasks = plan.groups.reduce((n, g) => n + g.tasks.length, 0);
  const review = result.fields.filter((f) => f.confidence < REVIEW_BELOW);
  const out: string[] = [
    `Tệp: ${result.source.fileName} (${describeKind(result.source.kind)}, ${result.source.pages} trang)`,
    `Kế hoạch: ${plan.title}`,
    `  mã ${plan.id}; số ${plan.number ?? '(để trống)'}; ${plan.issued.text}; cơ quan ban hành ${plan.issuer}`,
    `Bảng nhiệm vụ: ${tasks} nhiệm vụ trong ${plan.groups.length} nhóm; cột: ${result.table.columns.join(', ')}`,
    ...plan.groups.map((g) => `  ${g.number ?? '–'}. ${truncate(g.title, 70)}: ${g.tasks.length} nhiệm vụ (${g.tasks.map((t) => t.row).join(', ')})`),
    plan.indicators.length === 0 ? 'Bảng chỉ tiêu: không có.' : `Bảng chỉ tiêu: ${plan.indicators.length} chỉ tiêu (${plan.indicators.map((i) => i.id).join(', ')})`,
    `Căn cứ: ${plan.legalBasis.length === 0 ? '(không tìm thấy)' : plan.legalBasis.map((b) => truncate(b, 70)).join('; ')}`,
    ...result.notes.map((note) => `Ghi chú: ${note}`),
    '',
    review.length === 0 ? 'Không có trường nào cần xem lại.' : `Cần xem lại ${review.length} trường:`,
    ...review.map((f) => `  - ${f.taskId ? `${f.taskId} ` : ''}${f.field} [${pathText(f.path)}] (độ tin cậy ${f.confidence}): ${f.note}`),
    '',
    result.unresolvedAgencies.length === 0
      ? 'Mọi tên cơ quan đều có trong danh mục.'
      : `Tên cơ quan chưa có trong danh mục (đề xuất thêm vào seeds/agencies.yaml):`,
    ...result.unresolvedAgencies.map((a) => `  - "${a.name}" (nhiệm vụ ${a.taskIds.join(', ')})`),
    '',
    result.validation.valid
      ? 'Bản nháp hợp lệ theo "dondoc plan validate".'
      : `Bản nháp CHƯA hợp lệ theo "dondoc plan validate" (${result.validation.diagnostics.filter((d) => d.severity === 'error').length} lỗi):`,
    ...result.validation.diagnostics.map((d) => `  ${formatDiagnostic(d)}`),
  ];
  return `${out.join('\n')}\n`;
}

function describeKind(kind: string): string {
  return kind === 'pdf' ? 'PDF' : kind === 'docx' ? 'Word' : 'văn bản';
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
