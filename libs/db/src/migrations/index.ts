// Every migration, listed by hand: the compiled build has no migration folder
// to scan, and a static list makes a missing import a compile error.
// Names sort in the order they run; never rename or edit a released one.
import type { Migration, MigrationProvider } from 'kysely/migration';

import * as m0001 from './0001_initial';
import * as m0002 from './0002_notifier_delivery';
import * as m0003 from './0003_report_cycles';
import * as m0004 from './0004_report_evidence';
import * as m0005 from './0005_report_file_generations';
import * as m0006 from './0006_daily_digests';
import * as m0007 from './0007_audit_outcomes';
import * as m0008 from './0008_calendar_links';
import * as m0009 from './0009_agency_directory';
import * as m0010 from './0010_user_sessions';
import * as m0011 from './0011_task_evidence';
import * as m0012 from './0012_report_drafts';

export const migrations: Readonly<Record<string, Migration>> = {
  '0001_initial': m0001,
  '0002_notifier_delivery': m0002,
  '0003_report_cycles': m0003,
  '0004_report_evidence': m0004,
  '0005_report_file_generations': m0005,
  '0006_daily_digests': m0006,
  '0007_audit_outcomes': m0007,
  '0008_calendar_links': m0008,
  '0009_agency_directory': m0009,
  '0010_user_sessions': m0010,
  '0011_task_evidence': m0011,
  '0012_report_drafts': m0012,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};
