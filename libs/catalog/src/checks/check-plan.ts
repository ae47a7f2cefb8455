// Rules across the entries of one plan: unique task and indicator ids (the
// workflows are keyed by them), ids that follow the row numbering, and agency
// references that the directory knows.
import type { FieldPath, Finding, Locator } from '@dondoc/schemas';

import type { ReferenceIndex } from '../reference-index';
import { referenceFinding, where } from './finding-helpers';
import { field, id, idsAt, items, rowId, text } from './raw-data';

export function checkPlanIds(data: unknown, locate: Locator): Finding[] {
  const tasks = items(field(data, 'groups')).flatMap((group, g) =>
    items(field(group, 'tasks')).map((task, t) => ({ entry: task, path: ['groups', g, 'tasks', t, 'id'] as FieldPath, group })),
  );
  const indicators = items(field(data, 'indicators')).map((entry, i) => ({ entry, path: ['indicators', i, 'id'] as FieldPath }));
  return [
    ...duplicates(tasks, 'nhiệm vụ', locate),
    ...duplicates(indicators, 'chỉ tiêu', locate),
    ...tasks.flatMap(({ entry, path, group }) => rowNumbering(entry, group, path)),
  ];
}

function duplicates(entries: ReadonlyArray<{ entry: unknown; path: FieldPath }>, what: string, locate: Locator): Finding[] {
  const first = new Map<string, FieldPath>();
  return entries.flatMap(({ entry, path }) => {
    const entryId = rowId(field(entry, 'id'));
    if (entryId === undefined) return [];
    const earlier = first.get(entryId);
    if (!earlier) {
      first.set(entryId, path);
      return [];
    }
    return [{ path, code: 'duplicate-id' as const, message: `mã ${what} "${entryId}" bị trùng (đã dùng ở ${where(locate, earlier)})` }];
  });
}

/** README: a task id is "<group>.<row>", or "<row>" without groups. A mismatch is usually a copy-paste slip. */
function rowNumbering(task: unknown, group: unknown, path: FieldPath): Finding[] {
  const taskId = rowId(field(task, 'id'));
  const row = rowId(field(task, 'row'));
  const number = field(group, 'number');
  if (taskId === undefined || row === undefined || (number !== null && typeof number !== 'string')) return [];
  const expected = number === null ? row : `${number}.${row}`;
  if (taskId === expected) return [];
  return [{ path, code: 'id-format', severity: 'warning', message: `mã nhiệm vụ "${taskId}" không khớp nhóm và số thứ tự (TT); thường là "${expected}"` }];
}

export function checkPlanReferences(data: unknown, references: ReferenceIndex): Finding[] {
  const reporting = field(data, 'reporting');
  const single = (value: unknown, path: FieldPath) => {
    const found = id(value);
    return found === undefined ? [] : [{ id: found, path }];
  };
  const agenciesOnly = [
    ...single(field(data, 'issuer'), ['issuer']),
    ...single(field(reporting, 'unitsReportTo'), ['reporting', 'unitsReportTo']),
    ...idsAt(field(reporting, 'aggregatorReportsTo'), ['reporting', 'aggregatorReportsTo']),
  ];
  const lists: Array<{ value: unknown; path: FieldPath }> = [
    ...items(field(data, 'indicators')).map((indicator, i) => ({
      value: field(field(indicator, 'monitoringAgency'), 'agencies'),
      path: ['indicators', i, 'monitoringAgency', 'agencies'],
    })),
    ...items(field(data, 'groups')).flatMap((group, g) =>
      items(field(group, 'tasks')).flatMap((task, t) =>
        (['lead', 'coordinators'] as const).map((role) => ({
          value: field(field(task, role), 'agencies'),
          path: ['groups', g, 'tasks', t, role, 'agencies'],
        })),
      ),
    ),
  ];

  return [
    ...agenciesOnly.flatMap((ref) => referenceFinding(references, ref, 'agency') ?? []),
    ...lists.flatMap(({ value, path }) => {
      const refs = idsAt(value, path);
      return [...refs.flatMap((ref) => referenceFinding(references, ref, 'agency-or-group') ?? []), ...repeated(refs)];
    }),
  ];
}

function repeated(refs: ReadonlyArray<{ id: string; path: FieldPath }>): Finding[] {
  const seen = new Set<string>();
  return refs.flatMap((ref) => {
    if (!seen.has(ref.id)) {
      seen.add(ref.id);
      return [];
    }
    return [{ path: ref.path, code: 'duplicate-reference' as const, severity: 'warning' as const, message: `"${ref.id}" được ghi hai lần trong cùng danh sách` }];
  });
}

/** A plan file is found by its id: seeds/plans/<id>.yaml. */
export function checkPlanFileName(data: unknown, file: string): Finding[] {
  const planId = text(field(data, 'id'));
  const base = file.split(/[\\/]/).pop()?.replace(/\.ya?ml$/, '');
  if (planId === undefined || base === undefined || base === planId) return [];
  return [{ path: ['id'], code: 'file-name-mismatch', severity: 'warning', message: `mã kế hoạch "${planId}" khác tên tệp "${base}"; nên đặt tên tệp là ${planId}.yaml` }];
}
