// What the dashboard's pages look names up in: plans (their documents name the
// tasks and groups) and the agency directory. Cached for the session.
import type { Plan } from '@dondoc/domain';
import { planTasks } from '@dondoc/domain';
import { useQueries, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '../common/api-client';

const LONG = 10 * 60_000;

export const usePlans = () => useQuery({ queryKey: ['plans'], queryFn: async () => unwrap(await api.GET('/plans')), staleTime: LONG });

export const useAgencyDirectory = () => useQuery({ queryKey: ['agencies'], queryFn: async () => unwrap(await api.GET('/agencies')), staleTime: LONG });

/** The documents of the given plans, for task names and groups. */
export function usePlanDocuments(planIds: readonly string[]): Map<string, Plan> {
  const results = useQueries({
    queries: [...new Set(planIds)].map((planId) => ({
      queryKey: ['plans', planId],
      queryFn: async () => unwrap(await api.GET('/plans/{planId}', { params: { path: { planId } } })),
      staleTime: LONG,
    })),
  });
  return new Map(results.flatMap((r) => (r.data ? [[r.data.planId, r.data.document as unknown as Plan] as const] : [])));
}

export interface TaskNames {
  readonly name: string;
  readonly group: string | null;
}

/** "<plan>/<task>" → the task's name and group as the plan prints them. */
export function taskNamesOf(documents: ReadonlyMap<string, Plan>): Map<string, TaskNames> {
  const names = new Map<string, TaskNames>();
  for (const [planId, plan] of documents) {
    for (const task of planTasks(plan)) names.set(`${planId}/${task.id}`, { name: task.name, group: [task.group.number, task.group.title].filter(Boolean).join('. ') || null });
  }
  return names;
}

/** Agency id → name, from the directory (ids the directory lacks stay as they are). */
export function useAgencyNames(): (id: string | null | undefined) => string {
  const directory = useAgencyDirectory();
  const names = new Map((directory.data?.agencies ?? []).map((a) => [a.id, a.name]));
  return (id) => (id ? (names.get(id) ?? id) : '—');
}
