import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';

import { ReportsModule } from '../reports/reports.module';
import { TasksModule } from '../tasks/tasks.module';
import { LegacyLinkMiddleware } from './legacy-link.middleware';
import { LinkActions } from './link-actions';
import { LinkContactController } from './link-contact.controller';
import { LinkExchangeController } from './link-exchange.controller';
import { LinkExchangeService } from './link-exchange.service';
import { LinkSessionGuard } from './link-session.guard';
import { LinkSessionTokens } from './link-session.tokens';
import { OfficerReportController } from './officer-report.controller';
import { OfficerReportService } from './officer-report.service';
import { OfficerTaskController } from './officer-task.controller';
import { OfficerTaskService } from './officer-task.service';
import { OversightContactService } from './oversight-contact.service';
import { PlanDocuments } from './plan-documents.service';

/** The links in reminders opened as pages: /l/<token>, the session it becomes, and the officer's task and report pages. */
@Module({
  imports: [TasksModule, ReportsModule],
  controllers: [LinkExchangeController, LinkContactController, OfficerTaskController, OfficerReportController],
  providers: [LinkExchangeService, LinkSessionTokens, LinkSessionGuard, LinkActions, OversightContactService, OfficerTaskService, OfficerReportService, PlanDocuments],
})
export class LinkSessionsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(LegacyLinkMiddleware).forRoutes({ path: 'links/report-progress', method: RequestMethod.GET }, { path: 'links/submit-report', method: RequestMethod.GET });
  }
}
