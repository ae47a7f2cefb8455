import { AgencyDirectoryRepository, type Database } from '@dondoc/db';
import { storedDirectoryOver } from '@dondoc/directory';
import { loadSeedCatalog } from '@dondoc/plan-sync';
import { ReportEvidenceService, ReportService } from '@dondoc/reports-service';
import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import path from 'node:path';

import { AppConfigService } from '../app-config.service';
import { DATABASE } from '../infrastructure/infrastructure.module';
import { LinksModule } from '../links/links.module';
import { ReportEvidenceController } from './report-evidence.controller';
import { ReportEvidenceApiService } from './report-evidence.service';
import { ReportLinksController } from './report-links.controller';
import { ReportLinksService } from './report-links.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** /reports: the same report operations the CLI runs, behind roles and the audit log. */
@Module({
  imports: [LinksModule],
  controllers: [ReportsController, ReportEvidenceController, ReportLinksController],
  providers: [
    ReportsService,
    ReportLinksService,
    ReportEvidenceApiService,
    {
      provide: ReportEvidenceService,
      useFactory: (config: AppConfigService, db: Kysely<Database>, reports: ReportService) => new ReportEvidenceService({ db, dataDir: path.resolve(config.values.DONDOC_DATA_DIR), reports }),
      inject: [AppConfigService, DATABASE, ReportService],
    },
    {
      provide: ReportService,
      useFactory: (config: AppConfigService, client: Client, db: Kysely<Database>) => {
        const seedsDir = path.resolve(config.values.DONDOC_SEEDS_DIR);
        return new ReportService({
          client,
          db,
          dataDir: path.resolve(config.values.DONDOC_DATA_DIR),
          taskQueue: config.values.TEMPORAL_TASK_QUEUE,
          // Read on each use, like the worker's activities: an edited seed applies to the next request.
          loadCatalog: () => loadSeedCatalog(seedsDir),
          loadDirectory: () => storedDirectoryOver(new AgencyDirectoryRepository(db), loadSeedCatalog(seedsDir).index.directory),
        });
      },
      inject: [AppConfigService, Client, DATABASE],
    },
  ],
  exports: [ReportsService, ReportService, ReportEvidenceService, ReportEvidenceApiService],
})
export class ReportsModule {}
