import { Module } from '@nestjs/common';

import { TasksModule } from '../tasks/tasks.module';
import { LinksController } from './links.controller';
import { LinksService } from './links.service';

@Module({ imports: [TasksModule], controllers: [LinksController], providers: [LinksService], exports: [LinksService] })
export class LinksModule {}
