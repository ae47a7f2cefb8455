import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';

import { Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiOkOf, openApiSchema } from '../common/api-docs';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { idText } from '../tasks/task.schemas';
import { EXTRACT_LIMIT_BYTES, PlanExtractService } from './plan-extract.service';
import { importPlanBodySchema, importPlanJsonSchema, planDetailSchema, planExtractResultSchema, planImportResultSchema, planSummarySchema } from './plans.schemas';
import { PlansService } from './plans.service';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly extraction: PlanExtractService,
  ) {}

  @Post('extract')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: `Trích bản nháp kế hoạch từ tệp PDF, Word (.docx) hoặc văn bản (tối đa ${EXTRACT_LIMIT_BYTES / 1024 / 1024} MB); thân yêu cầu là nội dung tệp. Không lưu gì: xem lại rồi nhập bằng POST /plans`,
  })
  @ApiHeader({ name: 'X-File-Name', required: false, description: 'Tên tệp, mã hóa URL (encodeURIComponent), ví dụ K%E1%BA%BF%20ho%E1%BA%A1ch.pdf' })
  @ApiConsumes('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/plain', 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkOf(planExtractResultSchema)
  @ApiErrors(400, 401, 403, 413, 415)
  extract(@Ctx() ctx: RequestContext, @Req() request: Request) {
    return this.extraction.extract(ctx, request);
  }

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
