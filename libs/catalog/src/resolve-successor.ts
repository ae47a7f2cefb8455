// Plans name agencies as they were when signed; reminders must reach whoever
// holds the task today. Following merges and renames forward in time gives
// that holder, or, for a dissolved agency, nobody and the reason why.
import type { Agency, AgencyId, IsoDate, Reorganisation } from '@dondoc/domain';

import type { AgencyIndex } from './agency-index';
import { CatalogError } from './catalog-error';

export type SuccessorResolution =
  | {
      readonly agency: Agency;
      /** The reorganisations followed, oldest first; empty when the agency still exists as it was. */
      readonly chain: readonly Reorganisation[];
    }
  | {
      readonly agency: null;
      readonly chain: readonly Reorganisation[];
      /** Vietnamese, for the administrator who must reassign the agency's open tasks. */
      readonly reason: string;
    };

export function resolveSuccessor(index: AgencyIndex, id: AgencyId, on: IsoDate): SuccessorResolution {
  const start = index.agency(id);
  if (!start) {
    const what = index.group(id) ? 'is a group; expand it first' : 'is not in the directory';
    throw new CatalogError(`cannot resolve the successor of "${id}": it ${what}`);
  }
  const chain: Reorganisation[] = [];
  let current = start;
  for (;;) {
    const ending = index.endingOf(current.id);
    if (!ending || ending.effective > on) return { agency: current, chain };
    chain.push(ending);
    if (ending.into === null) {
      const note = ending.note ? ` (${ending.note.trim().replace(/[.;]+$/, '')})` : '';
      return { agency: null, chain, reason: `${current.name} giải thể từ ${ending.effective}, không có cơ quan kế thừa${note}` };
    }
    const next = index.agency(ending.into);
    // Validation rules out both; the checks keep a hand-built directory from looping or crashing.
    if (!next || chain.length > index.directory.reorganisations.length) {
      throw new CatalogError(`reorganisations of "${id}" lead to "${ending.into}", which cannot be resolved`);
    }
    current = next;
  }
}

export interface Assignees {
  /** Agencies holding the work on that day, each once. */
  readonly agencies: readonly Agency[];
  /** Agencies named (directly or through a group) that were dissolved without successor. */
  readonly dissolved: ReadonlyArray<{ readonly id: AgencyId; readonly reason: string }>;
}

/** Who must act, on a given day, for a lead or coordinator cell: groups expanded, successors followed. */
export function resolveAssignees(index: AgencyIndex, ids: readonly AgencyId[], on: IsoDate): Assignees {
  const agencies = new Map<AgencyId, Agency>();
  const dissolved: Array<{ id: AgencyId; reason: string }> = [];
  for (const named of index.expand(ids)) {
    const resolution = resolveSuccessor(index, named.id, on);
    if (resolution.agency) agencies.set(resolution.agency.id, resolution.agency);
    else dissolved.push({ id: named.id, reason: resolution.reason });
  }
  return { agencies: [...agencies.values()], dissolved };
}
