import { Module } from '@nestjs/common';

import { LinksModule } from '../links/links.module';
import { TasksModule } from '../tasks/tasks.module';
import { AgenciesController } from './agencies.controller';
import { AgenciesService } from './agencies.service';
import { CalendarFeedService } from './calendar-feed.service';
import { CalendarLinksController } from './calendar-links.controller';

@Module({ imports: [TasksModule, LinksModule], controllers: [AgenciesController, CalendarLinksController], providers: [AgenciesService, CalendarFeedService] })
export class AgenciesModule {}
