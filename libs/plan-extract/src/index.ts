// Plan extraction: a new plan's PDF, Word file or text turned into a draft
// catalog entry (seeds/plans/*.yaml) with a confidence per field, a review
// list and a readable report. Pure apart from parsing: callers pass bytes.
export { AgencySpellings } from './agencies/agency-spellings';
export { AgencyResolver, type AgencyResolution } from './agencies/resolve-agencies';
export { interpretDeadline, type DeadlineReading } from './deadline/interpret-deadline';
export { REVIEW_BELOW, type DraftPlan, type FieldReview } from './draft/build-draft';
export { extractPlan, type ExtractionInput, type ExtractionOptions, type ExtractionResult } from './extract-plan';
export { DEFAULT_EXTRACTION_LIMITS, ExtractionError, formatBytes, type ExtractionErrorCode, type ExtractionLimits } from './extraction-error';
