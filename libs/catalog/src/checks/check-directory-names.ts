// Ids and spellings must each lead to exactly one agency or group: the
// resolver turns the plans' wording into ids through them.
import { normaliseName, type FieldPath, type Finding, type Locator } from '@dondoc/schemas';

import { where } from './finding-helpers';
import { field, id, items, text } from './raw-data';

const LISTS = ['agencies', 'groups'] as const;

export function checkDirectoryNames(data: unknown, locate: Locator): Finding[] {
  return [...duplicateIds(data, locate), ...clashingSpellings(data, locate)];
}

function duplicateIds(data: unknown, locate: Locator): Finding[] {
  const first = new Map<string, FieldPath>();
  const findings: Finding[] = [];
  for (const list of LISTS) {
    items(field(data, list)).forEach((entry, index) => {
      const entryId = id(field(entry, 'id'));
      if (entryId === undefined) return;
      const path: FieldPath = [list, index, 'id'];
      const earlier = first.get(entryId);
      if (earlier) {
        findings.push({ path, code: 'duplicate-id', message: `mã "${entryId}" bị trùng (đã dùng ở ${where(locate, earlier)})` });
      } else {
        first.set(entryId, path);
      }
    });
  }
  return findings;
}

/** The same name or alias for two different entries, compared ignoring case and spacing. */
function clashingSpellings(data: unknown, locate: Locator): Finding[] {
  const first = new Map<string, { owner: string; path: FieldPath }>();
  const findings: Finding[] = [];
  for (const list of LISTS) {
    items(field(data, list)).forEach((entry, index) => {
      const owner = id(field(entry, 'id')) ?? `${list}[${index}]`;
      const spellings: Array<{ value: string | undefined; path: FieldPath }> = [
        { value: text(field(entry, 'name')), path: [list, index, 'name'] },
        ...items(field(entry, 'aliases')).map((alias, j) => ({ value: text(alias), path: [list, index, 'aliases', j] })),
      ];
      for (const { value, path } of spellings) {
        if (value === undefined || value.trim() === '') continue;
        const key = normaliseName(value);
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, { owner, path });
        } else if (earlier.owner !== owner) {
          findings.push({
            path,
            code: 'duplicate-alias',
            message: `tên gọi "${value}" đã dùng cho "${earlier.owner}" (${where(locate, earlier.path)}); mỗi cách viết chỉ được chỉ một cơ quan hoặc nhóm`,
          });
        }
      }
    });
  }
  return findings;
}
