// Loads seed files and runs every check on them. Takes file contents, never
// reads the disk: the CLI and the API read files, tests pass strings.
import type { AgencyDirectory, Plan } from '@dondoc/domain';
import {
  compareDiagnostics,
  formatPath,
  hasErrors,
  parseAgencyDirectorySource,
  parsePlanSource,
  type Diagnostic,
  type SourceText,
  type YamlSource,
} from '@dondoc/schemas';

import { AgencyIndex } from './agency-index';
import { checkAgencyNames } from './checks/check-agency-names';
import { checkDirectoryNames } from './checks/check-directory-names';
import { checkGroups } from './checks/check-groups';
import { checkPlanFileName, checkPlanIds, checkPlanReferences } from './checks/check-plan';
import { checkReorganisations } from './checks/check-reorganisations';
import { ReferenceIndex } from './reference-index';

export type DirectoryLoadResult =
  | {
      readonly ok: true;
      readonly directory: AgencyDirectory;
      readonly index: AgencyIndex;
      readonly references: ReferenceIndex;
      readonly diagnostics: readonly Diagnostic[];
    }
  | {
      readonly ok: false;
      /** Still usable to check plans' references, unless the file could not be read as YAML at all. */
      readonly references: ReferenceIndex | null;
      readonly diagnostics: readonly Diagnostic[];
    };

export type PlanLoadResult =
  | { readonly ok: true; readonly plan: Plan; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export function loadAgencyDirectory(source: SourceText): DirectoryLoadResult {
  const parsed = parseAgencyDirectorySource(source);
  const { data, place, locate } = parsed.source;
  if (data === undefined) return { ok: false, references: null, diagnostics: parsed.diagnostics };

  const references = ReferenceIndex.fromData(source.file, data);
  const findings = [
    ...checkDirectoryNames(data, locate),
    ...checkGroups(data, references),
    ...checkReorganisations(data, references, locate),
  ];
  const diagnostics = [...parsed.diagnostics, ...findings.map(place)].sort(compareDiagnostics);
  if (parsed.value === undefined || hasErrors(diagnostics)) return { ok: false, references, diagnostics };
  return { ok: true, directory: parsed.value, index: new AgencyIndex(parsed.value), references, diagnostics };
}

/**
 * @param references the directory the plan's agency ids must exist in; null
 *   checks everything else (used when the directory itself cannot be read)
 */
export function loadPlan(source: SourceText, references: ReferenceIndex | null): PlanLoadResult {
  return checkPlan(source, references).result;
}

function checkPlan(source: SourceText, references: ReferenceIndex | null): { result: PlanLoadResult; yaml: YamlSource } {
  const parsed = parsePlanSource(source);
  const yaml = parsed.source;
  const { data, place, locate } = yaml;
  if (data === undefined) return { result: { ok: false, diagnostics: parsed.diagnostics }, yaml };

  const findings = [
    ...checkPlanIds(data, locate),
    ...checkPlanFileName(data, source.file),
    ...(references ? [...checkPlanReferences(data, references), ...checkAgencyNames(data, references)] : []),
  ];
  // A display name given for an id: the suggestion of the id replaces the schema's bare "sai dạng".
  const named = new Set(findings.filter((f) => f.code === 'name-instead-of-id').map((f) => formatPath(f.path)));
  const diagnostics = [...parsed.diagnostics.filter((d) => !named.has(d.path)), ...findings.map(place)].sort(compareDiagnostics);
  if (parsed.value === undefined || hasErrors(diagnostics)) return { result: { ok: false, diagnostics }, yaml };
  return { result: { ok: true, plan: parsed.value, diagnostics }, yaml };
}

export interface Catalog {
  readonly index: AgencyIndex;
  /** By plan id. */
  readonly plans: ReadonlyMap<string, Plan>;
}

export type CatalogLoadResult =
  | { readonly ok: true; readonly catalog: Catalog; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** The directory and all plans together; plan ids must be unique across files. */
export function loadCatalog(sources: { readonly agencies: SourceText; readonly plans: readonly SourceText[] }): CatalogLoadResult {
  const directory = loadAgencyDirectory(sources.agencies);
  const diagnostics: Diagnostic[] = [...directory.diagnostics];
  const plans = new Map<string, Plan>();
  const firstFile = new Map<string, { file: string; line: number }>();

  for (const source of sources.plans) {
    const { result, yaml } = checkPlan(source, directory.references);
    diagnostics.push(...result.diagnostics);
    if (!result.ok) continue;
    const at = yaml.locate(['id']);
    const earlier = firstFile.get(result.plan.id);
    if (earlier) {
      const message = `mã kế hoạch "${result.plan.id}" trùng với tệp ${earlier.file}:${earlier.line}`;
      diagnostics.push({ file: source.file, ...at, path: 'id', code: 'duplicate-id', severity: 'error', message });
      continue;
    }
    firstFile.set(result.plan.id, { file: source.file, line: at.line });
    plans.set(result.plan.id, result.plan);
  }

  if (!directory.ok || hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, catalog: { index: directory.index, plans }, diagnostics };
}
