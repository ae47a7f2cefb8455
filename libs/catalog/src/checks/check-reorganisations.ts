// Reorganisations must name real agencies and form a history that can be
// followed forward: an agency ceases to exist once, and nothing merges into an
// agency that has already ceased to exist. Together these rule out cycles, so
// successor resolution always ends.
import type { FieldPath, Finding, Locator } from '@dondoc/schemas';

import type { ReferenceIndex } from '../reference-index';
import { referenceFinding, where } from './finding-helpers';
import { field, id, idsAt, items, text } from './raw-data';

interface RawReorganisation {
  readonly index: number;
  readonly effective: string;
  readonly from: ReadonlyArray<{ id: string; path: FieldPath }>;
  readonly into: { id: string; path: FieldPath } | null;
}

export function checkReorganisations(data: unknown, references: ReferenceIndex, locate: Locator): Finding[] {
  const findings: Finding[] = [];
  const events = items(field(data, 'reorganisations')).flatMap((entry, index): RawReorganisation[] => {
    const effective = text(field(entry, 'effective'));
    const intoId = id(field(entry, 'into'));
    const from = idsAt(field(entry, 'from'), ['reorganisations', index, 'from']);
    const into = intoId === undefined ? null : { id: intoId, path: ['reorganisations', index, 'into'] };
    for (const ref of into ? [...from, into] : from) {
      const problem = referenceFinding(references, ref, 'agency');
      if (problem) findings.push(problem);
    }
    // Without a valid date the order of events is unknown; the schema reports the date.
    return effective !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(effective) ? [{ index, effective, from, into }] : [];
  });

  const ended = new Map<string, { effective: string; path: FieldPath }>();
  const chronological = [...events].sort((a, b) => a.effective.localeCompare(b.effective) || a.index - b.index);
  for (const event of chronological) {
    for (const source of event.from) {
      const earlier = ended.get(source.id);
      if (earlier) {
        findings.push({
          path: source.path,
          code: 'reorganisation-conflict',
          message: `"${source.id}" đã được sắp xếp lại từ ${earlier.effective} (${where(locate, earlier.path)}); một cơ quan chỉ chấm dứt một lần`,
        });
      }
    }
    const into = event.into;
    if (into) {
      const ceased = ended.get(into.id);
      if (event.from.some((source) => source.id === into.id)) {
        findings.push({ path: into.path, code: 'reorganisation-conflict', message: `"${into.id}" vừa là cơ quan bị sắp xếp vừa là cơ quan tiếp nhận` });
      } else if (ceased) {
        findings.push({
          path: into.path,
          code: 'reorganisation-conflict',
          message: `cơ quan tiếp nhận "${into.id}" đã chấm dứt hoạt động từ ${ceased.effective} (${where(locate, ceased.path)}), trước ngày ${event.effective}`,
        });
      }
    }
    for (const source of event.from) if (!ended.has(source.id)) ended.set(source.id, { effective: event.effective, path: source.path });
  }
  return findings;
}
