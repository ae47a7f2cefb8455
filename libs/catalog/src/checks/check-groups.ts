// Group members must exist, and a group may not contain itself through any
// chain of groups: expanding "Các đơn vị, địa phương" must end.
import type { FieldPath, Finding } from '@dondoc/schemas';

import type { ReferenceIndex } from '../reference-index';
import { referenceFinding } from './finding-helpers';
import { field, id, idsAt, items } from './raw-data';

interface RawGroup {
  readonly id: string;
  readonly members: ReadonlyArray<{ id: string; path: FieldPath }>;
}

export function checkGroups(data: unknown, references: ReferenceIndex): Finding[] {
  const groups = new Map<string, RawGroup>();
  items(field(data, 'groups')).forEach((entry, index) => {
    const groupId = id(field(entry, 'id'));
    if (groupId === undefined || groups.has(groupId)) return;
    groups.set(groupId, { id: groupId, members: idsAt(field(entry, 'members'), ['groups', index, 'members']) });
  });

  const unknown = [...groups.values()].flatMap((group) =>
    group.members.flatMap((member) => referenceFinding(references, member, 'agency-or-group') ?? []),
  );
  return [...unknown, ...cycles(groups)];
}

/** One finding per cycle, placed on the member that closes it. */
function cycles(groups: ReadonlyMap<string, RawGroup>): Finding[] {
  const findings: Finding[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (group: RawGroup): void => {
    state.set(group.id, 'visiting');
    stack.push(group.id);
    for (const member of group.members) {
      const next = groups.get(member.id);
      if (!next) continue;
      const seen = state.get(next.id);
      if (seen === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(next.id)), next.id];
        findings.push({ path: member.path, code: 'group-cycle', message: `nhóm chứa lại chính nó: ${cycle.join(' → ')}` });
      } else if (seen === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(group.id, 'done');
  };
  for (const group of groups.values()) if (!state.has(group.id)) visit(group);
  return findings;
}
