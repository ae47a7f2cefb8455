import { formatPath, type FieldPath, type Finding, type Locator } from '@dondoc/schemas';

import type { ReferenceIndex } from '../reference-index';

/** "dòng 12, agencies[1].id": where an earlier occurrence sits, for messages about duplicates. */
export function where(locate: Locator, path: FieldPath): string {
  return `dòng ${locate(path).line}, ${formatPath(path)}`;
}

/** An unknown-agency finding, or a not-an-agency one when a group stands where one agency is needed. */
export function referenceFinding(
  references: ReferenceIndex,
  ref: { id: string; path: FieldPath },
  needs: 'agency' | 'agency-or-group',
): Finding | null {
  const entry = references.get(ref.id);
  if (!entry) return { path: ref.path, code: 'unknown-agency', message: references.unknownMessage(ref.id) };
  if (needs === 'agency' && entry.kind === 'group') {
    return {
      path: ref.path,
      code: 'not-an-agency',
      message: `"${ref.id}" là nhóm (${entry.name}); ở đây cần một cơ quan cụ thể`,
    };
  }
  return null;
}
