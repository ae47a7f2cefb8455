import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import { Roles } from '../auth/auth.decorators';
import { ApiBodyOf, ApiErrors, ApiOkOf } from '../common/api-docs';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { idText } from '../tasks/task.schemas';
import { directorySchema, mergeResultSchema, mergeSchema } from './agencies.schemas';
import { AgenciesService } from './agencies.service';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @ApiOperation({ summary: 'Danh mục cơ quan, nhóm và các lần sắp xếp tổ chức' })
  @ApiOkOf(directorySchema)
  @ApiErrors(401)
  directory() {
    return this.agencies.directory();
  }

  @Post('merge')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sáp nhập cơ quan: chuyển mọi nhiệm vụ đang mở của cơ quan này sang cơ quan kia' })
  @ApiBodyOf(mergeSchema)
  @ApiOkOf(mergeResultSchema)
  @ApiErrors(400, 401, 403, 409)
  merge(@Ctx() ctx: RequestContext, @Body(new ZodValidationPipe(mergeSchema)) body: z.infer<typeof mergeSchema>) {
    return this.agencies.merge(ctx, body);
  }

  @Get(':agencyId/deadlines.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiOperation({ summary: 'Lịch iCalendar các hạn nhiệm vụ đang mở của cơ quan' })
  @ApiProduces('text/calendar')
  @ApiResponse({ status: 200, description: 'Tệp iCalendar (RFC 5545)', schema: { type: 'string' } })
  @ApiErrors(400, 401, 403, 404)
  ics(@Ctx() ctx: RequestContext, @Param('agencyId', new ZodValidationPipe(idText)) agencyId: string) {
    return this.agencies.deadlinesIcs(ctx.principal, agencyId);
  }
}
