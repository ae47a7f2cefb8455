// YAML text → typed value, or every problem of the file at once, each placed
// at file:line:column with its field path.
import type { AgencyDirectory, Plan } from '@dondoc/domain';
import type { EscalationPolicy } from '@dondoc/policy';
import type { z } from 'zod';

import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic';
import { agencyDirectorySchema } from '../schemas/agency.schema';
import { planSchema } from '../schemas/plan.schema';
import { policySchema } from '../schemas/policy.schema';
import { parseYamlSource, type SourceText, type YamlSource } from '../yaml/parse-yaml-source';
import { vietnameseIssues } from '../zod/vietnamese-issues';

export interface ParsedSource<T> {
  /** The YAML data and locator, for checks that run after the schema. */
  readonly source: YamlSource;
  /** The validated value; undefined when the file has a syntax or schema error. */
  readonly value: T | undefined;
  /** Every problem found, in file order; warnings do not make `value` undefined. */
  readonly diagnostics: readonly Diagnostic[];
}

export function parseWithSchema<T>(schema: z.ZodType<T>, text: SourceText): ParsedSource<T> {
  const source = parseYamlSource(text);
  if (source.data === undefined) return { source, value: undefined, diagnostics: source.diagnostics };

  const issues = vietnameseIssues();
  const result = schema.safeParse(source.data, { error: issues.error, reportInput: true });
  const schemaDiagnostics = result.success ? [] : issues.toFindings(result.error.issues).map(source.place);
  const diagnostics = [...source.diagnostics, ...schemaDiagnostics].sort(compareDiagnostics);
  return { source, value: result.success ? result.data : undefined, diagnostics };
}

export function parsePlanSource(text: SourceText): ParsedSource<Plan> {
  return parseWithSchema(planSchema, text);
}

export function parseAgencyDirectorySource(text: SourceText): ParsedSource<AgencyDirectory> {
  return parseWithSchema(agencyDirectorySchema, text);
}

export function parsePolicySource(text: SourceText): ParsedSource<EscalationPolicy> {
  return parseWithSchema(policySchema, text);
}
