import { calendarDateProblem } from '@dondoc/calendar';
import type { IsoDate } from '@dondoc/domain';

import type { GuidanceIssued } from './task-workflow';

// The guidance fan-out: one workflow per central guidance document, which
// releases every task waiting for it. DO NOT RENAME the id scheme: a second
// request for the same document finds the first by this id.

/** `guidance/<document number>`, e.g. `guidance/12/2025/TT-BKHCN`. */
export const guidanceWorkflowId = (documentNumber: string) => `guidance/${documentNumber}`;

export const GUIDANCE_FANOUT_WORKFLOW_TYPE = 'guidanceFanoutWorkflow';

export interface GuidanceTargetFilter {
  /** Only tasks of this plan. */
  readonly planId?: string;
  /** Only these task ids (DondocTask); all waiting tasks when absent. */
  readonly taskIds?: readonly string[];
}

export interface GuidanceFanoutInput extends GuidanceTargetFilter {
  readonly guidance: GuidanceIssued;
}

export interface GuidanceFanoutResult {
  /** Task workflows the guidance was delivered to. */
  readonly signalled: readonly string[];
  /** Targets that had closed before the signal reached them. */
  readonly missed: readonly string[];
  /** Why no task was signalled: the document's date is outside the working-day calendar (absent: delivered). */
  readonly refused?: string;
}

/** A guidance document older than this is taken for a typing mistake (e.g. 2021 for 2026). */
export const GUIDANCE_DATE_MAX_AGE_YEARS = 5;

/**
 * Why `date` cannot be a central guidance document's date, in Vietnamese, or null:
 * a day of the working-day calendar, not after today, not more than five years back.
 */
export function guidanceDateProblem(date: unknown, today: IsoDate): string | null {
  const problem = calendarDateProblem(date);
  if (problem) return problem;
  const day = date as IsoDate;
  if (day > today) return `Ngày ban hành ${day} sau hôm nay (${today}).`;
  const earliest = `${Number(today.slice(0, 4)) - GUIDANCE_DATE_MAX_AGE_YEARS}${today.slice(4)}`;
  if (day < earliest) return `Ngày ban hành ${day} quá xa (không quá ${GUIDANCE_DATE_MAX_AGE_YEARS} năm trước hôm nay, từ ${earliest}).`;
  return null;
}
