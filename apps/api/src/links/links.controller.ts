import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { z } from 'zod';

import { Public } from '../auth/auth.decorators';
import { ApiBodyOf, ApiErrors, ApiOkOf, ApiQueryOf } from '../common/api-docs';
import type { AuthenticatedRequest } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { progressSchema, taskStateSchema } from '../tasks/task.schemas';
import { LinksService } from './links.service';

const tokenText = z.string().min(1, 'Thiếu mã đường dẫn.').max(2000);
const previewQuerySchema = z.object({ token: tokenText });
const reportProgressSchema = progressSchema.extend({ token: tokenText });
const previewSchema = z.object({
  purpose: z.string(),
  workflowId: z.string(),
  agencyId: z.string(),
  expiresAt: z.string(),
  used: z.boolean(),
  task: z.object({ planId: z.string(), taskId: z.string(), status: z.string(), dueDate: z.string().nullable(), progressPercent: z.number().nullable() }),
});

/** Public endpoints behind the links in reminders: no password, so rate-limited per address. */
@ApiTags('links')
@Public()
@UseGuards(ThrottlerGuard)
@Throttle({ default: { limit: 20, ttl: 60_000 } })
@Controller('links')
export class LinksController {
  constructor(private readonly links: LinksService) {}

  @Get('report-progress')
  @ApiOperation({ summary: 'Xem đường dẫn báo cáo tiến độ sẽ làm gì (không thực hiện)' })
  @ApiQueryOf(previewQuerySchema)
  @ApiOkOf(previewSchema)
  @ApiErrors(400, 401, 403, 404, 429)
  preview(@Query(new ZodValidationPipe(previewQuerySchema)) query: z.infer<typeof previewQuerySchema>) {
    return this.links.preview(query.token);
  }

  @Post('report-progress')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Báo cáo tiến độ qua đường dẫn trong thư nhắc (dùng một lần)' })
  @ApiBodyOf(reportProgressSchema)
  @ApiOkOf(taskStateSchema)
  @ApiErrors(400, 401, 403, 404, 409, 410, 413, 429)
  report(@Req() request: AuthenticatedRequest, @Body(new ZodValidationPipe(reportProgressSchema)) body: z.infer<typeof reportProgressSchema>) {
    return this.links.reportProgress(request, body);
  }
}
