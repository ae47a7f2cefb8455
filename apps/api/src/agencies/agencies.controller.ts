import { UnauthenticatedError } from '@dondoc/domain';
import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { z } from 'zod';

import { Roles, SessionOrSignedLink } from '../auth/auth.decorators';
import { ApiBodyOf, ApiErrors, ApiOkOf, ApiQueryOf } from '../common/api-docs';
import { type AuthenticatedRequest, Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { idText } from '../tasks/task.schemas';
import { calendarFeedQuerySchema, calendarLinkSchema, directorySchema, mergeResultSchema, mergeSchema } from './agencies.schemas';
import { AgenciesService } from './agencies.service';
import { CalendarFeedService } from './calendar-feed.service';

const agencyIdPipe = new ZodValidationPipe(idText);

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly feeds: CalendarFeedService,
  ) {}

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

  /** Calendar apps cannot send a Bearer token: they subscribe to the feed through this signed link. */
  @Post(':agencyId/calendar-link')
  @Roles('admin', 'officer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Tạo đường dẫn đăng ký lịch hạn nhiệm vụ của cơ quan (dùng được trong ứng dụng lịch)' })
  @ApiOkOf(calendarLinkSchema)
  @ApiErrors(400, 401, 403, 404)
  calendarLink(@Ctx() ctx: RequestContext, @Param('agencyId', agencyIdPipe) agencyId: string) {
    return this.feeds.issue(ctx, agencyId);
  }

  @Get(':agencyId/deadlines.ics')
  @SessionOrSignedLink()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiOperation({ summary: 'Lịch iCalendar các hạn nhiệm vụ đang mở của cơ quan (phiên Bearer hoặc ?token= của đường dẫn lịch)' })
  @ApiQueryOf(calendarFeedQuerySchema)
  @ApiProduces('text/calendar')
  @ApiResponse({ status: 200, description: 'Tệp iCalendar (RFC 5545)', schema: { type: 'string' } })
  @ApiErrors(400, 401, 403, 404, 429)
  ics(
    @Req() request: AuthenticatedRequest,
    @Param('agencyId', agencyIdPipe) agencyId: string,
    @Query(new ZodValidationPipe(calendarFeedQuerySchema)) query: z.infer<typeof calendarFeedQuerySchema>,
  ) {
    if (query.token !== undefined) return this.feeds.feed(query.token, agencyId);
    if (!request.principal) throw new UnauthenticatedError('Cần đăng nhập (thiếu mã phiên Bearer).');
    return this.agencies.deadlinesIcs(request.principal, agencyId);
  }
}
