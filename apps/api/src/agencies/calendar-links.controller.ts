import { Controller, Delete, Get, HttpCode, HttpStatus, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiOkOf } from '../common/api-docs';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { idText } from '../tasks/task.schemas';
import { calendarLinkIdSchema, calendarLinkListSchema } from './agencies.schemas';
import { CalendarFeedService } from './calendar-feed.service';

/** An agency's calendar subscription links: listed and revoked one by one (each is valid a year and reusable). */
@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies/:agencyId/calendar-links')
export class CalendarLinksController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get()
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Các đường dẫn đăng ký lịch đã cấp cho cơ quan (không kèm mã, chỉ lưu giá trị băm)' })
  @ApiParam({ name: 'agencyId', description: 'Mã cơ quan' })
  @ApiOkOf(calendarLinkListSchema)
  @ApiErrors(400, 401, 403, 404)
  list(@Ctx() ctx: RequestContext, @Param('agencyId', new ZodValidationPipe(idText)) agencyId: string) {
    return this.feeds.list(ctx, agencyId);
  }

  @Delete(':linkId')
  @Roles('admin', 'officer')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Thu hồi một đường dẫn lịch; các đường dẫn khác vẫn dùng được' })
  @ApiParam({ name: 'agencyId', description: 'Mã cơ quan' })
  @ApiParam({ name: 'linkId', description: 'Mã đường dẫn lịch' })
  @ApiResponse({ status: HttpStatus.NO_CONTENT, description: 'Đã thu hồi' })
  @ApiErrors(400, 401, 403, 404)
  async revoke(@Ctx() ctx: RequestContext, @Param('agencyId', new ZodValidationPipe(idText)) agencyId: string, @Param('linkId', new ZodValidationPipe(calendarLinkIdSchema)) linkId: string): Promise<void> {
    await this.feeds.revoke(ctx, agencyId, linkId);
  }
}
