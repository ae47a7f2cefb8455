// The typed shape of the whole database, for Kysely. Table names are the
// keys; a migration that changes a table changes its interface here too.
import type { AgencyContactsTable, AgencyReorganisationsTable, DirectoryStateTable } from './tables/agency-directory.table';
import type { AuditLogTable } from './tables/audit-log.table';
import type { CalendarLinksTable } from './tables/calendar-links.table';
import type { DeliveryLogTable } from './tables/delivery-log.table';
import type { DigestEntriesTable, DigestsTable } from './tables/digests.table';
import type { PlanVersionsTable } from './tables/plan-versions.table';
import type { ReportDraftsTable } from './tables/report-drafts.table';
import type { ReportEvidenceTable } from './tables/report-evidence.table';
import type { ReportFilesTable } from './tables/report-files.table';
import type { ReportSubmissionsTable } from './tables/report-submissions.table';
import type { TaskEvidenceTable } from './tables/task-evidence.table';
import type { UsedLinksTable } from './tables/used-links.table';
import type { PasswordResetsTable, UsersTable } from './tables/users.table';
import type { ZaloTokensTable } from './tables/zalo-tokens.table';
import type { ZnsReceiptsTable } from './tables/zns-receipts.table';

export interface Database {
  plan_versions: PlanVersionsTable;
  delivery_log: DeliveryLogTable;
  audit_log: AuditLogTable;
  users: UsersTable;
  password_resets: PasswordResetsTable;
  used_links: UsedLinksTable;
  report_submissions: ReportSubmissionsTable;
  report_files: ReportFilesTable;
  report_evidence: ReportEvidenceTable;
  report_drafts: ReportDraftsTable;
  task_evidence: TaskEvidenceTable;
  zalo_tokens: ZaloTokensTable;
  zns_receipts: ZnsReceiptsTable;
  digests: DigestsTable;
  digest_entries: DigestEntriesTable;
  calendar_links: CalendarLinksTable;
  agency_contacts: AgencyContactsTable;
  agency_reorganisations: AgencyReorganisationsTable;
  directory_state: DirectoryStateTable;
}
