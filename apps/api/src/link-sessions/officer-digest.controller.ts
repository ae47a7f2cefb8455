import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import { Public } from '../auth/auth.decorators';
import { ApiErrors, ApiOkOf, ApiQueryOf } from '../common/api-docs';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { digestItemQuerySchema, digestItemSchema, digestLinkViewSchema } from './link-session.schemas';
import { CurrentLinkSession, LinkSessionGuard } from './link-session.guard';
import { LINK_SESSION_COOKIE, type LinkSession } from './link-session.tokens';
import { OfficerDigestService } from './officer-digest.service';

/** The list behind a digest's link (view-digest), read-only, in the session the link was exchanged for. */
@ApiTags('link-session')
@ApiCookieAuth(LINK_SESSION_COOKIE)
@Public()
@UseGuards(LinkSessionGuard)
@Controller('link-session/digest')
export class OfficerDigestController {
  constructor(private readonly digests: OfficerDigestService) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách nhiệm vụ, báo cáo được nhắc trong ngày của người nhận (chỉ xem)' })
  @ApiOkOf(digestLinkViewSchema)
  @ApiErrors(401, 404)
  view(@CurrentLinkSession() session: LinkSession) {
    return this.digests.view(session);
  }

  @Get('item')
  @ApiOperation({ summary: 'Một nhiệm vụ hoặc báo cáo trong danh sách (chỉ xem)' })
  @ApiQueryOf(digestItemQuerySchema)
  @ApiOkOf(digestItemSchema)
  @ApiErrors(400, 401, 404)
  item(@CurrentLinkSession() session: LinkSession, @Query(new ZodValidationPipe(digestItemQuerySchema)) query: z.infer<typeof digestItemQuerySchema>) {
    return this.digests.item(session, query.workflowId);
  }
}
