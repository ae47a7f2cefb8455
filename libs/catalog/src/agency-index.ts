// Lookups over a validated agency directory: what an id names, which agencies
// a collective lead stands for, and who holds an agency's tasks on a given day.
import type { Agency, AgencyDirectory, AgencyGroup, AgencyId, Reorganisation } from '@dondoc/domain';

import { CatalogError } from './catalog-error';

export class AgencyIndex {
  private readonly agencies = new Map<AgencyId, Agency>();
  private readonly groups = new Map<AgencyId, AgencyGroup>();
  /** Per agency, the reorganisation that ended it; validation guarantees at most one. */
  private readonly endings = new Map<AgencyId, Reorganisation>();

  constructor(readonly directory: AgencyDirectory) {
    for (const agency of directory.agencies) this.agencies.set(agency.id, agency);
    for (const group of directory.groups) this.groups.set(group.id, group);
    for (const event of directory.reorganisations) {
      for (const id of event.from) {
        const known = this.endings.get(id);
        if (!known || event.effective < known.effective) this.endings.set(id, event);
      }
    }
  }

  agency(id: AgencyId): Agency | undefined {
    return this.agencies.get(id);
  }

  group(id: AgencyId): AgencyGroup | undefined {
    return this.groups.get(id);
  }

  /** The agency's or group's name, or the id itself when unknown. */
  nameOf(id: AgencyId): string {
    return this.agencies.get(id)?.name ?? this.groups.get(id)?.name ?? id;
  }

  /** The reorganisation that ended an agency, whatever its date. */
  endingOf(id: AgencyId): Reorganisation | undefined {
    return this.endings.get(id);
  }

  /**
   * The agencies a lead or coordinator cell stands for: agencies as they are,
   * groups expanded through nested groups; each agency once, in directory order
   * of first mention.
   */
  expand(ids: AgencyId | readonly AgencyId[]): Agency[] {
    const found = new Map<AgencyId, Agency>();
    const visiting = new Set<AgencyId>();
    const walk = (id: AgencyId): void => {
      const agency = this.agencies.get(id);
      if (agency) {
        found.set(id, agency);
        return;
      }
      const group = this.groups.get(id);
      if (!group) throw new CatalogError(`unknown agency or group "${id}"`);
      // A validated directory has no cycles; the guard only keeps a bad one from looping.
      if (visiting.has(id)) return;
      visiting.add(id);
      group.members.forEach(walk);
    };
    (typeof ids === 'string' ? [ids] : ids).forEach(walk);
    return [...found.values()];
  }
}
