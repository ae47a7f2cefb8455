import { Module } from '@nestjs/common';

import { TaskWorkflowsRepository } from './task-workflows.repository';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({ controllers: [TasksController], providers: [TasksService, TaskWorkflowsRepository], exports: [TasksService, TaskWorkflowsRepository] })
export class TasksModule {}
