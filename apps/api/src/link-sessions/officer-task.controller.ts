import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCookieAuth, ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ForbiddenError } from '@dondoc/domain';
import { EVIDENCE_TYPES } from '@dondoc/reports-service';
import type { Request } from 'express';
import { createReadStream } from 'node:fs';
import type { z } from 'zod';

import { Public } from '../auth/auth.decorators';
import { ApiBodyOf, ApiErrors, ApiOkOf } from '../common/api-docs';
import { drainRequest, readEvidenceUpload } from '../common/evidence-upload';
import { contextOf } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { attachment } from '../reports/report-evidence.controller';
import { evidenceIdSchema, taskEvidenceSchema } from '../tasks/task-evidence.schemas';
import { TaskEvidenceService } from '../tasks/task-evidence.service';
import { isReadOnlyPurpose } from './link-pages';
import { acknowledgeByLinkSchema, completionByLinkSchema, progressByLinkSchema, taskLinkViewSchema } from './link-session.schemas';
import { CurrentLinkSession, LinkSessionGuard } from './link-session.guard';
import { LINK_SESSION_COOKIE, type LinkSession } from './link-session.tokens';
import { OfficerTaskService, sessionPrincipal } from './officer-task.service';

/** The officer's task page, in the session a task link was exchanged for (GET /l/<token>). */
@ApiTags('link-session')
@ApiCookieAuth(LINK_SESSION_COOKIE)
@Public()
@UseGuards(LinkSessionGuard)
@Controller('link-session/task')
export class OfficerTaskController {
  constructor(
    private readonly officer: OfficerTaskService,
    private readonly evidence: TaskEvidenceService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Nhiệm vụ của đường dẫn: kế hoạch, cơ quan, kết quả, thời hạn, các lần nhắc, minh chứng và thao tác được phép' })
  @ApiOkOf(taskLinkViewSchema)
  @ApiErrors(401, 403, 404)
  view(@CurrentLinkSession() session: LinkSession) {
    return this.officer.view(session);
  }

  @Post('acknowledge')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Tiếp nhận nhiệm vụ (một lần cho mỗi đường dẫn)' })
  @ApiBodyOf(acknowledgeByLinkSchema)
  @ApiOkOf(taskLinkViewSchema, 'Nhiệm vụ sau thao tác')
  @ApiErrors(400, 401, 403, 404, 409, 410)
  acknowledge(@Req() request: Request, @CurrentLinkSession() session: LinkSession, @Body(new ZodValidationPipe(acknowledgeByLinkSchema)) body: z.infer<typeof acknowledgeByLinkSchema>) {
    return this.officer.acknowledge(request, session, body.workflowId);
  }

  @Post('progress')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Báo cáo tiến độ: tỷ lệ, nội dung và tệp minh chứng đã tải lên (một lần cho mỗi đường dẫn)' })
  @ApiBodyOf(progressByLinkSchema)
  @ApiOkOf(taskLinkViewSchema, 'Nhiệm vụ sau thao tác')
  @ApiErrors(400, 401, 403, 404, 409, 410)
  progress(@Req() request: Request, @CurrentLinkSession() session: LinkSession, @Body(new ZodValidationPipe(progressByLinkSchema)) body: z.infer<typeof progressByLinkSchema>) {
    return this.officer.progress(request, session, body);
  }

  @Post('completion')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Báo cáo hoàn thành nhiệm vụ kèm kết quả và minh chứng (một lần cho mỗi đường dẫn)' })
  @ApiBodyOf(completionByLinkSchema)
  @ApiOkOf(taskLinkViewSchema, 'Nhiệm vụ sau thao tác')
  @ApiErrors(400, 401, 403, 404, 409, 410)
  completion(@Req() request: Request, @CurrentLinkSession() session: LinkSession, @Body(new ZodValidationPipe(completionByLinkSchema)) body: z.infer<typeof completionByLinkSchema>) {
    return this.officer.completion(request, session, body);
  }

  @Post('evidence')
  @ApiOperation({ summary: 'Tải lên một tệp minh chứng (PDF, DOCX, XLSX, JPEG, PNG; tối đa 10 MB một tệp, 30 MB một nhiệm vụ); thân yêu cầu là nội dung tệp' })
  @ApiHeader({ name: 'X-File-Name', required: true, description: 'Tên tệp, mã hóa URL (encodeURIComponent)' })
  @ApiConsumes(...Object.keys(EVIDENCE_TYPES))
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkOf(taskEvidenceSchema, 'Đã lưu tệp minh chứng', HttpStatus.CREATED)
  @ApiErrors(400, 401, 403, 404, 409, 413, 415)
  async upload(@Req() request: Request, @CurrentLinkSession() session: LinkSession) {
    try {
      if (isReadOnlyPurpose(session.purpose)) throw new ForbiddenError('Đường dẫn này chỉ để xem; không tải lên được minh chứng.');
      return await this.evidence.add(contextOf(request, sessionPrincipal(session)), session.subject, await readEvidenceUpload(request));
    } finally {
      drainRequest(request);
    }
  }

  @Get('evidence/:id')
  @ApiOperation({ summary: 'Tải một tệp minh chứng của nhiệm vụ' })
  @ApiParam({ name: 'id', description: 'Mã tệp minh chứng' })
  @ApiProduces(...Object.keys(EVIDENCE_TYPES))
  @ApiResponse({ status: 200, description: 'Tệp minh chứng', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 401, 403, 404)
  async download(@CurrentLinkSession() session: LinkSession, @Param('id', new ZodValidationPipe(evidenceIdSchema)) id: string): Promise<StreamableFile> {
    const file = await this.evidence.open(sessionPrincipal(session), session.subject, id);
    return new StreamableFile(createReadStream(file.absolutePath), { type: file.contentType, length: file.sizeBytes, disposition: attachment(file.fileName) });
  }
}
