import { Module } from '@nestjs/common';

import { TaskEvidenceController } from './task-evidence.controller';
import { TaskEvidenceService } from './task-evidence.service';
import { TaskWorkflowsRepository } from './task-workflows.repository';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  controllers: [TaskEvidenceController, TasksController],
  providers: [TasksService, TaskWorkflowsRepository, TaskEvidenceService],
  exports: [TasksService, TaskWorkflowsRepository, TaskEvidenceService],
})
export class TasksModule {}
