// The draft as catalog YAML: the plan exactly as seeds/plans/*.yaml writes
// it (so `dondoc plan validate` reads it), each doubtful field carrying its
// confidence and reason as a comment, and the review list at the top.
import { Document, isNode } from 'yaml';

import { REVIEW_BELOW, type DraftPlan, type FieldReview } from './build-draft';

export function writeDraftYaml(plan: DraftPlan, fields: readonly FieldReview[], source: string): string {
  const document = new Document(plan, { keepSourceTokens: false });
  const review = fields.filter((f) => f.confidence < REVIEW_BELOW);
  const byPath = new Map<string, FieldReview[]>();
  for (const field of fields) byPath.set(field.path.join('.'), [...(byPath.get(field.path.join('.')) ?? []), field]);
  for (const list of byPath.values()) {
    const path = list[0]!.path;
    const node = document.getIn(path, true);
    const comment = list.map((f) => ` ${f.confidence < REVIEW_BELOW ? 'CẦN XEM' : 'ghi chú'} (độ tin cậy ${f.confidence}): ${f.note}`).join(' |');
    if (isNode(node)) {
      if (node.constructor.name === 'Scalar') node.comment = comment;
      else node.commentBefore = comment;
    }
  }
  const header = [
    ` Bản nháp trích tự động từ ${source} bởi "dondoc plan extract".`,
    ' Kiểm tra rồi chạy: dondoc plan validate <tệp này>',
    review.length === 0 ? ' Không có trường nào cần xem lại.' : ` Cần xem lại ${review.length} trường:`,
    ...review.map((f) => `  - ${f.taskId ? `nhiệm vụ ${f.taskId}, ` : ''}${f.field} [${pathText(f.path)}]: ${f.note}`),
  ];
  document.commentBefore = header.join('\n');
  return document.toString({ lineWidth: 0 });
}

export function pathText(path: ReadonlyArray<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
