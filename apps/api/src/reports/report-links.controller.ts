import { reportContentSchema } from '@dondoc/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { z } from 'zod';

import { Public } from '../auth/auth.decorators';
import { ApiBodyOf, ApiErrors, ApiOkOf, ApiQueryOf } from '../common/api-docs';
import type { AuthenticatedRequest } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { ReportLinksService } from './report-links.service';
import { agencyReportSchema } from './reports.schemas';

const tokenText = z.string().min(1, 'Thiếu mã đường dẫn.').max(2000);
const previewQuerySchema = z.object({ token: tokenText });
/** The token beside the report; the report itself is checked against the agency's scope by the shared operations. */
const submitByLinkSchema = z.object({ token: tokenText, report: z.unknown() });
const submitByLinkDocSchema = z.object({ token: tokenText, report: reportContentSchema });
const previewSchema = z.object({
  purpose: z.string(),
  workflowId: z.string(),
  planId: z.string(),
  cycleKey: z.string(),
  agencyId: z.string(),
  expiresAt: z.string(),
  used: z.boolean(),
  report: z.object({
    status: z.string(),
    revision: z.number().int().nullable(),
    taskIds: z.array(z.string()),
    indicatorIds: z.array(z.string()),
    reviewComment: z.string().nullable().describe('Khi báo cáo bị trả lại: ý kiến của Sở KH&CN cần bổ sung, chỉnh sửa'),
    dueDate: z.string().nullable().describe('Hạn gửi báo cáo của cơ quan (YYYY-MM-DD): hạn của kỳ, hoặc hạn gia hạn khi đề nghị gửi sau hạn hoặc báo cáo bị trả lại'),
  }),
});

/** Public endpoints behind the link in report requests and reminders: no password, so rate-limited per address. */
@ApiTags('links')
@Public()
@UseGuards(ThrottlerGuard)
@Throttle({ default: { limit: 20, ttl: 60_000 } })
@Controller('links/submit-report')
export class ReportLinksController {
  constructor(private readonly links: ReportLinksService) {}

  @Get()
  @ApiOperation({ summary: 'Xem đường dẫn gửi báo cáo: kỳ báo cáo, tình trạng và các nhiệm vụ, chỉ tiêu phải báo cáo (không thực hiện)' })
  @ApiQueryOf(previewQuerySchema)
  @ApiOkOf(previewSchema)
  @ApiErrors(400, 401, 403, 404, 429)
  preview(@Query(new ZodValidationPipe(previewQuerySchema)) query: z.infer<typeof previewQuerySchema>) {
    return this.links.preview(query.token);
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Gửi báo cáo của cơ quan qua đường dẫn trong thư đề nghị hoặc nhắc báo cáo (dùng một lần)' })
  @ApiBodyOf(submitByLinkDocSchema)
  @ApiOkOf(agencyReportSchema)
  @ApiErrors(400, 401, 403, 404, 409, 410, 413, 429)
  submit(@Req() request: AuthenticatedRequest, @Body(new ZodValidationPipe(submitByLinkSchema)) body: z.infer<typeof submitByLinkSchema>) {
    return this.links.submit(request, body.token, body.report);
  }
}
