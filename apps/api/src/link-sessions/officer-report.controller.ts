import { reportContentSchema } from '@dondoc/contracts';
import { EVIDENCE_TYPES } from '@dondoc/reports-service';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Req, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCookieAuth, ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { createReadStream } from 'node:fs';
import { z } from 'zod';

import { Public } from '../auth/auth.decorators';
import { ApiBodyOf, ApiErrors, ApiOkOf } from '../common/api-docs';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { attachment } from '../reports/report-evidence.controller';
import { evidenceIdSchema, evidenceSchema } from '../reports/reports.schemas';
import { draftSavedSchema, reportDraftSchema, reportLinkViewSchema, reportSubmittedSchema } from './link-session.schemas';
import { CurrentLinkSession, LinkSessionGuard } from './link-session.guard';
import { LINK_SESSION_COOKIE, type LinkSession } from './link-session.tokens';
import { OfficerReportService } from './officer-report.service';

const reportWorkflowId = z.string().regex(/^report\/[^/\s]+\/[^/\s]+\/[^/\s]+$/, 'Mã báo cáo phải có dạng report/<kế hoạch>/<kỳ>/<cơ quan>.').describe('Báo cáo của trang (phải là báo cáo của phiên)');
const draftBodySchema = z.object({ workflowId: reportWorkflowId, report: reportDraftSchema }).strict();
/** The report itself is checked against the agency's scope by the shared operations, with field-level issues. */
const submitBodySchema = z.object({ workflowId: reportWorkflowId, report: z.unknown() }).strict();
const submitBodyDocSchema = z.object({ workflowId: reportWorkflowId, report: reportContentSchema });

/** The report form behind a report request link, in the session the link was exchanged for (GET /l/<token>). */
@ApiTags('link-session')
@ApiCookieAuth(LINK_SESSION_COOKIE)
@Public()
@UseGuards(LinkSessionGuard)
@Controller('link-session/report')
export class OfficerReportController {
  constructor(private readonly officer: OfficerReportService) {}

  @Get()
  @ApiOperation({ summary: 'Báo cáo của đường dẫn: các nhiệm vụ, chỉ tiêu, ý kiến của Sở KH&CN, nội dung đã soạn và minh chứng' })
  @ApiOkOf(reportLinkViewSchema)
  @ApiErrors(401, 403, 404)
  view(@CurrentLinkSession() session: LinkSession) {
    return this.officer.view(session);
  }

  @Put('draft')
  @ApiOperation({ summary: 'Lưu nháp báo cáo (chưa gửi; có thể chưa đầy đủ)' })
  @ApiBodyOf(draftBodySchema)
  @ApiOkOf(draftSavedSchema, 'Đã lưu nháp')
  @ApiErrors(400, 401, 403, 404, 409, 413)
  saveDraft(@CurrentLinkSession() session: LinkSession, @Body(new ZodValidationPipe(draftBodySchema)) body: z.infer<typeof draftBodySchema>) {
    return this.officer.saveDraft(session, body.workflowId, body.report);
  }

  @Post('submit')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Gửi báo cáo tới Sở KH&CN (một lần cho mỗi đường dẫn; bị từ chối thì sửa và gửi lại)' })
  @ApiBodyOf(submitBodyDocSchema)
  @ApiOkOf(reportSubmittedSchema, 'Đã gửi báo cáo')
  @ApiErrors(400, 401, 403, 404, 409, 410, 413)
  submit(@Req() request: Request, @CurrentLinkSession() session: LinkSession, @Body(new ZodValidationPipe(submitBodySchema)) body: z.infer<typeof submitBodySchema>) {
    return this.officer.submit(request, session, body.workflowId, body.report);
  }

  @Post('evidence')
  @ApiOperation({ summary: 'Đính kèm một tệp minh chứng (PDF, DOCX, XLSX, JPEG, PNG; tối đa 10 MB một tệp, 30 MB cả báo cáo); thân yêu cầu là nội dung tệp' })
  @ApiHeader({ name: 'X-File-Name', required: true, description: 'Tên tệp, mã hóa URL (encodeURIComponent)' })
  @ApiConsumes(...Object.keys(EVIDENCE_TYPES))
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkOf(evidenceSchema, 'Đã lưu tệp minh chứng', HttpStatus.CREATED)
  @ApiErrors(400, 401, 403, 404, 409, 413, 415)
  upload(@Req() request: Request, @CurrentLinkSession() session: LinkSession) {
    return this.officer.uploadEvidence(request, session);
  }

  @Get('evidence/:id')
  @ApiOperation({ summary: 'Tải một tệp minh chứng của báo cáo' })
  @ApiParam({ name: 'id', description: 'Mã tệp minh chứng' })
  @ApiProduces(...Object.keys(EVIDENCE_TYPES))
  @ApiResponse({ status: 200, description: 'Tệp minh chứng', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 401, 403, 404)
  async download(@Req() request: Request, @CurrentLinkSession() session: LinkSession, @Param('id', new ZodValidationPipe(evidenceIdSchema)) id: string): Promise<StreamableFile> {
    const file = await this.officer.openEvidence(request, session, id);
    return new StreamableFile(createReadStream(file.absolutePath), { type: file.contentType, length: file.sizeBytes, disposition: attachment(file.fileName) });
  }
}
