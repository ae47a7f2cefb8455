import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/auth.decorators';
import { ApiBodyOf, ApiErrors, ApiOkOf, ApiQueryOf } from '../common/api-docs';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { TASK_ACTIONS, type TaskActionBody } from './task-actions';
import { type TaskListQuery, taskDetailSchema, taskListQuerySchema, taskPageSchema, taskStateSchema, workflowIdSchema } from './task.schemas';
import { TasksService } from './tasks.service';

const idPipe = new ZodValidationPipe(workflowIdSchema);
const IdParam = () => ApiParam({ name: 'workflowId', description: 'task/<kế hoạch>/<nhiệm vụ>/<cơ quan>, mã hóa URL (/ thành %2F)' });
const actionDocs = (name: keyof typeof TASK_ACTIONS) => [
  Roles(...TASK_ACTIONS[name].roles),
  HttpCode(HttpStatus.OK),
  ApiOperation({ summary: TASK_ACTIONS[name].summary }),
  IdParam(),
  ApiBodyOf(TASK_ACTIONS[name].schema),
  ApiOkOf(taskStateSchema, 'Trạng thái nhiệm vụ sau thao tác'),
  ApiErrors(400, 401, 403, 404, 409),
];
const Action = (name: keyof typeof TASK_ACTIONS): MethodDecorator => (target, key, descriptor) => {
  for (const decorate of [Post(`:workflowId/${name}`), ...actionDocs(name)]) decorate(target, key, descriptor);
};
const bodyOf = (name: keyof typeof TASK_ACTIONS) => Body(new ZodValidationPipe(TASK_ACTIONS[name].schema));

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách nhiệm vụ (từ Temporal visibility), lọc và phân trang' })
  @ApiQueryOf(taskListQuerySchema)
  @ApiOkOf(taskPageSchema)
  @ApiErrors(400, 401, 403)
  list(@Ctx() ctx: RequestContext, @Query(new ZodValidationPipe(taskListQuerySchema)) query: TaskListQuery) {
    return this.tasks.list(ctx.principal, query);
  }

  @Get(':workflowId')
  @ApiOperation({ summary: 'Chi tiết nhiệm vụ: trạng thái và dòng thời gian' })
  @IdParam()
  @ApiOkOf(taskDetailSchema)
  @ApiErrors(400, 401, 403, 404)
  detail(@Ctx() ctx: RequestContext, @Param('workflowId', idPipe) workflowId: string) {
    return this.tasks.detail(ctx.principal, workflowId);
  }

  @Action('acknowledge')
  acknowledge(@Ctx() ctx: RequestContext, @Param('workflowId', idPipe) id: string, @bodyOf('acknowledge') body: TaskActionBody<'acknowledge'>) {
    return this.tasks.act(ctx, id, 'acknowledge', body);
  }

  @Action('progress')
  progress(@Ctx() ctx: RequestContext, @Param('workflowId', idPipe) id: string, @bodyOf('progress') body: TaskActionBody<'progress'>) {
    return this.tasks.act(ctx, id, 'progress', body);
  }

  @Action('propose-completion')
  proposeCompletion(@Ctx() ctx: RequestContext, @Param('workflowId', idPipe) id: string, @bodyOf('propose-completion') body: TaskActionBody<'propose-completion'>) {
    return this.tasks.act(ctx, id, 'propose-completion', body);
  }

  @Action('confirm-completion')
  confirmCompletion(@Ctx() ctx: RequestContext, @Param('workflowId', idPipe) id: string, @bodyOf('confirm-completion') body: TaskActionBody<'confirm-completion'>) {
    return this.tasks.act(ctx, id, 'confirm-completion', body);
  }

  @Action('return-completion')
  returnCompletion(@Ctx() ctx: RequestContext, @Param('workflowId', idPipe) id: string, @bodyOf('return-completion') body: TaskActionBody<'return-completion'>) {
    return this.tasks.act(ctx, id, 'return-completion', body);
  }

  @Action('complete')
  complete(@Ctx() ctx: RequestContext, @Param('workflowId', idPipe) id: string, @bodyOf('complete') body: TaskActionBody<'complete'>) {
    return this.tasks.act(ctx, id, 'complete', body);
  }

  @Action('extend')
  extend(@Ctx() ctx: RequestContext, @Param('workflowId', idPipe) id: string, @bodyOf('extend') body: TaskActionBody<'extend'>) {
    return this.tasks.act(ctx, id, 'extend', body);
  }

  @Action('reassign')
  reassign(@Ctx() ctx: RequestContext, @Param('workflowId', idPipe) id: string, @bodyOf('reassign') body: TaskActionBody<'reassign'>) {
    return this.tasks.act(ctx, id, 'reassign', body);
  }

  @Action('pause')
  pause(@Ctx() ctx: RequestContext, @Param('workflowId', idPipe) id: string, @bodyOf('pause') body: TaskActionBody<'pause'>) {
    return this.tasks.act(ctx, id, 'pause', body);
  }

  @Action('resume')
  resume(@Ctx() ctx: RequestContext, @Param('workflowId', idPipe) id: string, @bodyOf('resume') body: TaskActionBody<'resume'>) {
    return this.tasks.act(ctx, id, 'resume', body);
  }

  @Action('cancel')
  cancel(@Ctx() ctx: RequestContext, @Param('workflowId', idPipe) id: string, @bodyOf('cancel') body: TaskActionBody<'cancel'>) {
    return this.tasks.act(ctx, id, 'cancel', body);
  }
}
