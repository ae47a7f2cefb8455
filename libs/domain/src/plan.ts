// An implementation plan (kế hoạch) as issued: its reporting duty, its
// indicators (Phụ lục I) and its task table (Phụ lục II). Cell texts are kept
// verbatim next to the ids they were resolved to, so a reader can always check
// the resolution against the signed document.
import type { AgencyId } from './agency';
import type { DayMonth, IsoDate } from './calendar-date';
import type { Deadline } from './deadline';
import type { CompletionMode } from './task-status';

/** A table cell naming agencies: the text as printed and the agency or group ids it means. */
export interface AgencyRef {
  readonly text: string;
  readonly agencies: readonly AgencyId[];
}

export interface PlanIssued {
  readonly year: number;
  /** Null where the source leaves the day blank. */
  readonly date: IsoDate | null;
  /** The date line as printed, blanks included. */
  readonly text: string;
}

export interface PlanReporting {
  /** The plan's sentences that state the reporting duty, verbatim. */
  readonly text: string;
  readonly unitsReportTo: AgencyId;
  /** Null when the plan only says "theo quy định". */
  readonly unitDeadline: DayMonth | null;
  readonly aggregatorReportsTo: readonly AgencyId[];
  readonly aggregatorDeadline: DayMonth | null;
  /**
   * Deadlines of one year's cycle that differ from the days above (a year the
   * province moves them), keyed by the year ("2027"). Absent for most plans.
   */
  readonly overrides?: Readonly<Record<string, PlanReportingOverride>>;
  /**
   * Working days before Sở KH&CN's deadline at which its consolidation goes to
   * its admins for approval; absent: the policy's (`reports.signOffWorkingDays`, default 3).
   */
  readonly signOffWorkingDays?: number;
}

export interface PlanReportingOverride {
  /** Within the year of its key: the request goes out from it, in that year. */
  readonly unitDeadline?: IsoDate;
  /** After the unit deadline. */
  readonly aggregatorDeadline?: IsoDate;
}

export interface Indicator {
  /** "<group>.<row>", e.g. "I.1". */
  readonly id: string;
  readonly group: string | null;
  readonly groupTitle: string | null;
  /** The TT cell: usually a number, sometimes "6.1" or "-". */
  readonly row: number | string;
  readonly name: string;
  readonly unit: string;
  /** The "Kết quả" cell, verbatim. */
  readonly target: string;
  readonly targetYear: number | null;
  readonly monitoringAgency: AgencyRef;
}

export interface Task {
  /** "<group>.<row>", or "<row>" in a plan without groups. Unique within the plan. */
  readonly id: string;
  readonly row: number | string;
  readonly name: string;
  readonly lead: AgencyRef;
  readonly coordinators: AgencyRef;
  /** The "Kết quả" cell; null when the table has no such column. */
  readonly result: string | null;
  readonly deadline: Deadline;
}

export interface TaskGroup {
  /** As printed ("I", "II", …); null for a plan whose table has no groups. */
  readonly number: string | null;
  readonly title: string;
  readonly tasks: readonly Task[];
}

export interface Plan {
  /** Stable kebab-case ASCII id, e.g. "kh-nq03-2025". */
  readonly id: string;
  readonly title: string;
  /** "Kế hoạch số …/KH-UBND"; null where the source leaves it blank. */
  readonly number: string | null;
  readonly issuer: AgencyId;
  readonly issued: PlanIssued;
  readonly legalBasis: readonly string[];
  /**
   * `self`: an agency's word completes its task; absent or `confirmed`: Sở KH&CN
   * confirms each proposed completion.
   */
  readonly completion?: CompletionMode;
  readonly reporting: PlanReporting;
  readonly indicators: readonly Indicator[];
  readonly groups: readonly TaskGroup[];
}

/** A task together with the group it sits in. */
export interface PlanTask extends Task {
  readonly group: { readonly number: string | null; readonly title: string };
}

/** All tasks of a plan in table order. */
export function planTasks(plan: Plan): PlanTask[] {
  return plan.groups.flatMap((group) =>
    group.tasks.map((task) => ({ ...task, group: { number: group.number, title: group.title } })),
  );
}
