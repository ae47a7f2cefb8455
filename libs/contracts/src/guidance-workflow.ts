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
}
