// Public API of @dondoc/db: PostgreSQL access for the whole product.
// The test helper lives in ./testing and is deliberately not exported here.
export { createDatabase, type CreateDatabaseOptions } from './create-database';
export type { Database } from './database';
export {
  EmbeddedPostgresError,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './embedded';
export { DataDirInUseError } from './embedded/data-dir-lock';
export { migrateToLatest, MigrationError } from './migrate';
export { migrations } from './migrations';
export { InvalidSchemaNameError } from './schema-name';
export {
  AuditLogRepository,
  type AuditEntry,
  type AuditEntryInput,
  type AuditLogFilter,
} from './repositories/audit-log.repository';
export {
  DeliveryLogRepository,
  type DeliveryAttempt,
  type DeliveryAttemptInput,
  type DeliveryLogFilter,
} from './repositories/delivery-log.repository';
export {
  DEFAULT_PAGE_SIZE,
  InvalidPageRequestError,
  isPageCursor,
  MAX_PAGE_SIZE,
  type Page,
  type PageRequest,
} from './repositories/page';
export { type Digest, type DigestEntry, DigestRepository, type DigestSlot, type EntryPlacement, type NewDigestEntry } from './repositories/digest.repository';
export { DIGEST_ENTRY_OUTCOMES, DIGEST_STATUSES, type DigestEntryOutcome, type DigestStatus } from './tables/digests.table';
export { PlanVersionRepository, type PlanVersion, type SavedPlanVersion } from './repositories/plan-version.repository';
export type { JsonObject, JsonValue } from './tables/column-types';
export { AUDIT_OUTCOMES, type AuditOutcome } from './tables/audit-log.table';
export { DELIVERY_STATUSES, type DeliveryStatus } from './tables/delivery-log.table';
export { REPORT_FILE_KINDS, type ReportFileKind } from './tables/report-files.table';
export { REPORT_SUBMISSION_STATUSES, type ReportSubmissionStatus } from './tables/report-submissions.table';
export { USER_ROLES, type UserRole } from './tables/users.table';
export { DeliveryStatsRepository, type DeliveryCount } from './repositories/delivery-stats.repository';
export { type ReportDraft, ReportDraftRepository } from './repositories/report-draft.repository';
export { type ReportEvidence, ReportEvidenceRepository } from './repositories/report-evidence.repository';
export { type ReportFile, ReportFileRepository } from './repositories/report-file.repository';
export { type ReportCycleRef, type ReportSubmission, ReportSubmissionRepository } from './repositories/report-submission.repository';
export { type NewTaskEvidence, type TaskEvidence, TaskEvidenceRepository } from './repositories/task-evidence.repository';
export { UsedLinkRepository } from './repositories/used-link.repository';
export { type CalendarLink, type CalendarLinkCheck, CalendarLinkRepository } from './repositories/calendar-link.repository';
export { DuplicateUserError, type NewUser, type ResetClaim, type User, UserRepository } from './repositories/user.repository';
export {
  AgencyDirectoryRepository,
  changedFields,
  CONTACT_FIELD_NAMES,
  type ContactFields,
  type ContactInput,
  type DirectoryActor,
  type DirectorySnapshot,
  MergeAlreadyRecordedError,
  type StoredContact,
  type StoredMerge,
} from './repositories/agency-directory.repository';
