import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';

import { Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiOkOf, openApiSchema } from '../common/api-docs';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { idText } from '../tasks/task.schemas';
import { importPlanBodySchema, importPlanJsonSchema, planDetailSchema, planImportResultSchema, planSummarySchema } from './plans.schemas';
import { PlansService } from './plans.service';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Post()
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Nhập (hoặc cập nhật) một kế hoạch và bắt đầu theo dõi các nhiệm vụ mới' })
  @ApiBody({
    description: 'Tệp kế hoạch YAML (Content-Type: application/yaml) hoặc JSON {"yaml": "…"}',
    schema: { oneOf: [{ type: 'string' }, openApiSchema(importPlanJsonSchema, 'input')] },
  })
  @ApiOkOf(planImportResultSchema)
  @ApiErrors(400, 401, 403, 413)
  import(@Ctx() ctx: RequestContext, @Body(new ZodValidationPipe(importPlanBodySchema)) body: z.infer<typeof importPlanBodySchema>) {
    return this.plans.import(ctx, typeof body === 'string' ? body : body.yaml);
  }

  @Get()
  @ApiOperation({ summary: 'Các kế hoạch đã nhập (phiên bản mới nhất)' })
  @ApiOkOf(z.array(planSummarySchema))
  @ApiErrors(401)
  list() {
    return this.plans.list();
  }

  @Get(':planId')
  @ApiOperation({ summary: 'Chi tiết kế hoạch và lịch sử phiên bản' })
  @ApiOkOf(planDetailSchema)
  @ApiErrors(400, 401, 404)
  get(@Param('planId', new ZodValidationPipe(idText)) planId: string) {
    return this.plans.get(planId);
  }
}
