import { Module } from '@nestjs/common';

import { LinksModule } from '../links/links.module';
import { TasksModule } from '../tasks/tasks.module';
import { AgenciesController } from './agencies.controller';
import { AgenciesService } from './agencies.service';
import { AgencyContactsService } from './agency-contacts.service';
import { AgencyMergeService } from './agency-merge.service';
import { CalendarFeedService } from './calendar-feed.service';
import { CalendarLinksController } from './calendar-links.controller';

@Module({
  imports: [TasksModule, LinksModule],
  controllers: [AgenciesController, CalendarLinksController],
  providers: [AgenciesService, AgencyContactsService, AgencyMergeService, CalendarFeedService],
})
export class AgenciesModule {}
