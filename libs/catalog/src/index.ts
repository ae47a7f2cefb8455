// The plan catalog: loads the agency directory and plans from their YAML
// text, cross-checks them, and answers questions about agencies and plan
// versions. Pure apart from hashing: callers pass file contents.
export { AgencyIndex } from './agency-index';
export { canonicalJson } from './canonical-json';
export { CatalogError } from './catalog-error';
export * from './load-catalog';
export * from './plan-diff';
export { hashPlan } from './plan-hash';
export * from './plan-import';
export * from './plan-summary';
export { ReferenceIndex, type ReferenceEntry } from './reference-index';
export * from './resolve-successor';
