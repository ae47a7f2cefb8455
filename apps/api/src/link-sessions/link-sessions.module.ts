import { type Database, DigestRepository } from '@dondoc/db';
import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import type { Kysely } from 'kysely';

import { DATABASE } from '../infrastructure/infrastructure.module';

import { ReportsModule } from '../reports/reports.module';
import { TasksModule } from '../tasks/tasks.module';
import { LegacyLinkMiddleware } from './legacy-link.middleware';
import { LinkActions } from './link-actions';
import { LinkContactController } from './link-contact.controller';
import { LinkExchangeController } from './link-exchange.controller';
import { LinkExchangeService } from './link-exchange.service';
import { LinkSessionGuard } from './link-session.guard';
import { LinkSessionTokens } from './link-session.tokens';
import { OfficerDigestController } from './officer-digest.controller';
import { OfficerDigestService } from './officer-digest.service';
import { OfficerReportController } from './officer-report.controller';
import { OfficerReportService } from './officer-report.service';
import { OfficerTaskController } from './officer-task.controller';
import { OfficerTaskService } from './officer-task.service';
import { OversightContactService } from './oversight-contact.service';
import { PlanDocuments } from './plan-documents.service';

/** The links in reminders opened as pages: /l/<token>, the session it becomes, and the officer's task, report and digest pages. */
@Module({
  imports: [TasksModule, ReportsModule],
  controllers: [LinkExchangeController, LinkContactController, OfficerTaskController, OfficerReportController, OfficerDigestController],
  providers: [
    LinkExchangeService,
    LinkSessionTokens,
    LinkSessionGuard,
    LinkActions,
    OversightContactService,
    OfficerTaskService,
    OfficerReportService,
    OfficerDigestService,
    PlanDocuments,
    { provide: DigestRepository, useFactory: (db: Kysely<Database>) => new DigestRepository(db), inject: [DATABASE] },
  ],
})
export class LinkSessionsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(LegacyLinkMiddleware).forRoutes({ path: 'links/report-progress', method: RequestMethod.GET }, { path: 'links/submit-report', method: RequestMethod.GET });
  }
}
