// A plan's identity for import: the same validated content always hashes the
// same, whatever the comments, quoting or field order of the YAML file.
import { createHash } from 'node:crypto';

import type { Plan } from '@dondoc/domain';

import { canonicalJson } from './canonical-json';

/** Bump when the Plan model changes shape, so old and new hashes never compare equal by accident. */
const HASH_VERSION = 'dondoc-plan/1';

/** "sha256:<64 hex digits>" of the plan's canonical JSON. */
export function hashPlan(plan: Plan): string {
  const digest = createHash('sha256').update(`${HASH_VERSION}\n${canonicalJson(plan)}`).digest('hex');
  return `sha256:${digest}`;
}
