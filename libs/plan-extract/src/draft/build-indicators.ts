// The draft's indicators in the catalog's shape (seeds/README.md): ids from
// the group and row labels ("I.6.1", an item "I.5.-"), the target year from
// the group heading ("Đến năm 2030") or the target's header, the monitoring
// agency resolved with its cell text kept, and a review note per doubt.
import type { AgencyResolver } from '../agencies/resolve-agencies';
import type { ExtractedIndicatorTable } from '../indicators/indicator-table';
import { yearNamed } from '../indicators/indicator-table';
import type { DraftAgencyRef, FieldReview } from './build-draft';

export interface DraftIndicator {
  id: string;
  group: string | null;
  groupTitle: string | null;
  row: number | string;
  name: string;
  unit: string;
  target: string;
  targetYear: number | null;
  monitoringAgency: DraftAgencyRef;
}

type Mark = (path: FieldReview['path'], taskId: string | null, field: string, confidence: number, note: string) => void;

const FIELD_NAMES = { name: 'tên chỉ tiêu', unit: 'đơn vị', target: 'kết quả (chỉ tiêu)', agency: 'cơ quan theo dõi' } as const;

export function buildIndicators(tables: readonly ExtractedIndicatorTable[], resolver: AgencyResolver, mark: Mark): DraftIndicator[] {
  const indicators: DraftIndicator[] = [];
  const used = new Set<string>();
  for (const table of tables) {
    for (const group of table.groups) {
      for (const row of group.rows) {
        const local = row.parent === null ? row.label : `${row.parent}.${row.label}`;
        let id = group.number === null ? local : `${group.number}.${local}`;
        for (let n = 2; used.has(id); n += 1) id = `${group.number === null ? '' : `${group.number}.`}${local}${n}`;
        used.add(id);
        const path = ['indicators', indicators.length];
        for (const [field, doubt] of Object.entries(row.doubts)) {
          const key = field as keyof typeof FIELD_NAMES;
          if (doubt) mark([...path, key === 'agency' ? 'monitoringAgency' : key], null, `chỉ tiêu ${id}, ${FIELD_NAMES[key]}`, doubt.confidence, doubt.note);
        }
        const resolution = resolver.resolve(row.cells.agency);
        if (row.cells.agency !== '' && (resolution.agencies.length === 0 || resolution.confidence < 1)) {
          const unresolved = resolution.unresolved.map((name) => `"${name}" không có trong danh mục`).join('; ');
          mark([...path, 'monitoringAgency'], null, `chỉ tiêu ${id}, ${FIELD_NAMES.agency}`, Math.min(resolution.confidence, resolution.agencies.length === 0 ? 0.3 : 1), unresolved || 'tên cơ quan khớp gần đúng');
        }
        const targetYear = yearNamed(group.title ?? '') ?? table.headerYear;
        if (targetYear === null) mark([...path, 'targetYear'], null, `chỉ tiêu ${id}, năm đạt chỉ tiêu`, 0.5, 'nhóm và tiêu đề cột không nêu năm; cần nhập');
        indicators.push({
          id,
          group: group.number,
          groupTitle: group.title,
          row: /^\d+$/.test(row.label) ? Number(row.label) : row.label,
          name: row.cells.name,
          unit: row.cells.unit,
          target: row.cells.target,
          targetYear,
          monitoringAgency: { text: row.cells.agency, agencies: [...resolution.agencies] },
        });
      }
    }
  }
  return indicators;
}
