import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrors, ApiOkOf, ApiQueryOf } from '../common/api-docs';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { type StatsQuery, statsQuerySchema, statsSchema } from './stats.schemas';
import { StatsService } from './stats.service';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @ApiOperation({
    summary: 'Thống kê nhiệm vụ: hoàn thành đúng hạn / quá hạn, chưa hoàn thành trong hạn / quá hạn, chưa đến hạn; tổng và theo kế hoạch, cơ quan, nhóm',
  })
  @ApiQueryOf(statsQuerySchema)
  @ApiOkOf(statsSchema)
  @ApiErrors(400, 401, 403)
  get(@Ctx() ctx: RequestContext, @Query(new ZodValidationPipe(statsQuerySchema)) query: StatsQuery) {
    return this.stats.statistics(ctx.principal, query);
  }
}
