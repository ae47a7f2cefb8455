import { UnauthenticatedError } from '@dondoc/domain';
import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, Patch, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { z } from 'zod';

import { Roles, SessionOrSignedLink } from '../auth/auth.decorators';
import { ApiBodyOf, ApiErrors, ApiOkOf, ApiQueryOf } from '../common/api-docs';
import { type AuthenticatedRequest, Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { idText } from '../tasks/task.schemas';
import {
  agencyDetailSchema,
  calendarFeedQuerySchema,
  calendarLinkSchema,
  type ContactPatch,
  contactParamSchema,
  contactPatchSchema,
  contactSchema,
  directorySchema,
  mergeResultSchema,
  mergeSchema,
} from './agencies.schemas';
import { AgenciesService } from './agencies.service';
import { AgencyContactsService } from './agency-contacts.service';
import { AgencyMergeService } from './agency-merge.service';
import { CalendarFeedService } from './calendar-feed.service';

const agencyIdPipe = new ZodValidationPipe(idText);
const contactPipe = new ZodValidationPipe(contactParamSchema);

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly feeds: CalendarFeedService,
    private readonly contacts: AgencyContactsService,
    private readonly merges: AgencyMergeService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Danh mục cơ quan (kèm người liên hệ), nhóm và các lần sắp xếp tổ chức' })
  @ApiOkOf(directorySchema)
  @ApiErrors(401)
  directory() {
    return this.agencies.directory();
  }

  @Get(':agencyId')
  @ApiOperation({ summary: 'Một cơ quan: người liên hệ, nhóm, cơ quan kế thừa hôm nay' })
  @ApiOkOf(agencyDetailSchema)
  @ApiErrors(400, 401, 404)
  agency(@Param('agencyId', agencyIdPipe) agencyId: string) {
    return this.agencies.agency(agencyId);
  }

  /** The next reminder already goes to what is saved here: the notifier reads contacts for each reminder. */
  @Patch(':agencyId/contacts/:contact')
  @Roles('admin')
  @ApiOperation({ summary: 'Sửa người liên hệ của cơ quan (head, focal hoặc mã người liên hệ); có hiệu lực từ lần nhắc việc tiếp theo' })
  @ApiParam({ name: 'contact', description: 'head, focal hoặc mã người liên hệ' })
  @ApiBodyOf(contactPatchSchema)
  @ApiOkOf(contactSchema)
  @ApiErrors(400, 401, 403, 404)
  updateContact(
    @Ctx() ctx: RequestContext,
    @Param('agencyId', agencyIdPipe) agencyId: string,
    @Param('contact', contactPipe) contact: string,
    @Body(new ZodValidationPipe(contactPatchSchema)) body: ContactPatch,
  ) {
    return this.contacts.update(ctx, agencyId, contact, body);
  }

  @Post('merge')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sáp nhập cơ quan: chuyển mọi nhiệm vụ đang mở của cơ quan này sang cơ quan kia' })
  @ApiBodyOf(mergeSchema)
  @ApiOkOf(mergeResultSchema)
  @ApiErrors(400, 401, 403, 409)
  merge(@Ctx() ctx: RequestContext, @Body(new ZodValidationPipe(mergeSchema)) body: z.infer<typeof mergeSchema>) {
    return this.merges.merge(ctx, body);
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
