// Test-only: build Deadline values from the plan wording with the real parser.
import type { Deadline } from '@dondoc/domain';
import { parseDeadline } from '@dondoc/schemas';

export function parseDeadlineText(raw: string): Deadline {
  const result = parseDeadline(raw);
  if (!result.ok) throw new Error(result.message);
  return result.deadline;
}
