import type { IsoDate } from '@dondoc/domain';
import { buildLadder, type EscalationPolicy, type LadderStep, type WorkingDayCalendar } from '@dondoc/policy';

/** Repeats are generated this far ahead; the ladder is rebuilt before they run out. */
const REPEAT_HORIZON_MS = 400 * 86_400_000;
const REBUILD_MARGIN_MS = 200 * 86_400_000;

export interface Ladders {
  /** The ladder of a due date, weekly repeats included well past `now`. */
  of(due: IsoDate, now: number): readonly LadderStep[];
  /** The first step of a due date's ladder (a cycle begins for the agency then). */
  first(due: IsoDate | undefined): LadderStep | undefined;
}

/**
 * The pure ladder (libs/policy) of the workflow's policy and calendar, remembered
 * per due date: the loop, the queries and the roll-over ask for the same ones often.
 * Derived data only, so remembering it cannot affect determinism.
 */
export function createLadders(policy: EscalationPolicy, calendar: WorkingDayCalendar): Ladders {
  let cached: { due: IsoDate; until: number; steps: LadderStep[] } | undefined;
  const firsts = new Map<IsoDate, LadderStep | undefined>();
  return {
    of(due, now) {
      if (!cached || cached.due !== due || cached.until < now + REBUILD_MARGIN_MS) {
        const until = now + REPEAT_HORIZON_MS;
        cached = { due, until, steps: buildLadder(due, policy, calendar, until) };
      }
      return cached.steps;
    },
    first(due) {
      if (due === undefined) return undefined;
      if (!firsts.has(due)) firsts.set(due, buildLadder(due, policy, calendar, 0)[0]);
      return firsts.get(due);
    },
  };
}
