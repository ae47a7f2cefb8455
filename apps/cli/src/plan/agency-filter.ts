// `plan show --agency`: the tasks an agency leads or coordinates, counting
// collective leads ("Các sở, ngành") it belongs to and tasks of agencies it
// has succeeded (a task of Sở TT&TT is Sở KH&CN's after the 2025 merger).
import { resolveSuccessor, type AgencyIndex } from '@dondoc/catalog';
import type { AgencyId, AgencyRef, IsoDate, PlanTask } from '@dondoc/domain';

export type Role = 'chủ trì' | 'phối hợp';

export function roleOf(index: AgencyIndex, agency: AgencyId, task: PlanTask, on: IsoDate): Role | null {
  if (names(index, agency, task.lead, on)) return 'chủ trì';
  if (names(index, agency, task.coordinators, on)) return 'phối hợp';
  return null;
}

function names(index: AgencyIndex, agency: AgencyId, ref: AgencyRef, on: IsoDate): boolean {
  if (ref.agencies.includes(agency)) return true;
  return index.expand(ref.agencies).some((named) => {
    if (named.id === agency) return true;
    const successor = resolveSuccessor(index, named.id, on);
    return successor.agency?.id === agency;
  });
}
