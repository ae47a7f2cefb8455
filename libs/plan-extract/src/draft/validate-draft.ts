// The draft checked exactly as `dondoc plan validate` checks a plan file, so
// the report can say whether it would load and, if not, why.
import { loadPlan, ReferenceIndex } from '@dondoc/catalog';
import type { AgencyDirectory } from '@dondoc/domain';
import type { Diagnostic } from '@dondoc/schemas';

export interface DraftValidation {
  readonly valid: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

export function validateDraft(yaml: string, file: string, directory: AgencyDirectory): DraftValidation {
  const result = loadPlan({ file, text: yaml }, ReferenceIndex.fromDirectory('seeds/agencies.yaml', directory));
  // A draft's file name is the user's choice; that warning says nothing about the draft.
  const diagnostics = result.diagnostics.filter((d) => d.code !== 'file-name-mismatch');
  return { valid: result.ok, diagnostics };
}
