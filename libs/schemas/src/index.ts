// Seed file formats: zod schemas, the deadline parser and the YAML loader
// whose errors point at file:line:column. Pure: callers pass file contents.
export * from './deadline/parse-deadline';
export * from './diagnostics/diagnostic';
export * from './load/parse-source';
export { agencyDirectorySchema } from './schemas/agency.schema';
export * from './schemas/common.schema';
export { planSchema } from './schemas/plan.schema';
export { policySchema } from './schemas/policy.schema';
export * from './text/edit-distance';
export * from './text/fold-vietnamese';
export * from './text/suggest';
export type { Locator } from './yaml/locator';
export * from './yaml/parse-yaml-source';
