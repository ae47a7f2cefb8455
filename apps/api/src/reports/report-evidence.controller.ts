import { Controller, Get, HttpStatus, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EVIDENCE_TYPES } from '@dondoc/reports-service';
import type { Request } from 'express';
import { createReadStream } from 'node:fs';

import { Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiOkOf } from '../common/api-docs';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { ReportEvidenceApiService } from './report-evidence.service';
import { cycleKeySchema, evidenceIdSchema, evidenceListSchema, evidenceSchema, idText } from './reports.schemas';

const PlanParam = () => Param('plan', new ZodValidationPipe(idText));
const CycleParam = () => Param('year', new ZodValidationPipe(cycleKeySchema));
const AgencyParam = () => Param('agency', new ZodValidationPipe(idText));
const pathDocs = (): MethodDecorator => (target, key, descriptor) => {
  ApiParam({ name: 'plan', description: 'Mã kế hoạch' })(target, key, descriptor);
  ApiParam({ name: 'year', description: 'Năm hoặc mã kỳ đột xuất' })(target, key, descriptor);
  ApiParam({ name: 'agency', description: 'Mã cơ quan' })(target, key, descriptor);
};

/** "Báo cáo – Sở Xây dựng.pdf" in a Content-Disposition header: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachment(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').replace(/[^\x20-\x7e]|["\\]/gu, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Evidence files (minh chứng) of an agency's report: upload as the raw body, list, download. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/:plan/:year/agencies/:agency/evidence')
export class ReportEvidenceController {
  constructor(private readonly evidence: ReportEvidenceApiService) {}

  @Post()
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Đính kèm một tệp minh chứng (PDF, DOCX, XLSX, JPEG, PNG; tối đa 10 MB một tệp, 30 MB cả báo cáo) vào báo cáo của cơ quan; thân yêu cầu là nội dung tệp' })
  @pathDocs()
  @ApiHeader({ name: 'X-File-Name', required: true, description: 'Tên tệp, mã hóa URL (encodeURIComponent), ví dụ B%C3%A1o%20c%C3%A1o.pdf' })
  @ApiConsumes(...Object.keys(EVIDENCE_TYPES))
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkOf(evidenceSchema, 'Đã lưu tệp minh chứng (created=false khi đúng tệp này đã có)', HttpStatus.CREATED)
  @ApiErrors(400, 401, 403, 404, 409, 413, 415)
  upload(@Ctx() ctx: RequestContext, @PlanParam() plan: string, @CycleParam() cycle: string, @AgencyParam() agency: string, @Req() request: Request) {
    return this.evidence.upload(ctx, plan, cycle, agency, request);
  }

  @Get()
  @Roles('admin', 'viewer', 'officer')
  @ApiOperation({ summary: 'Danh sách tệp minh chứng của báo cáo một cơ quan' })
  @pathDocs()
  @ApiOkOf(evidenceListSchema)
  @ApiErrors(400, 401, 403)
  list(@Ctx() ctx: RequestContext, @PlanParam() plan: string, @CycleParam() cycle: string, @AgencyParam() agency: string) {
    return this.evidence.list(ctx, plan, cycle, agency);
  }

  @Get(':id')
  @Roles('admin', 'viewer', 'officer')
  @ApiOperation({ summary: 'Tải một tệp minh chứng' })
  @pathDocs()
  @ApiParam({ name: 'id', description: 'Mã tệp minh chứng' })
  @ApiProduces(...Object.keys(EVIDENCE_TYPES))
  @ApiResponse({ status: 200, description: 'Tệp minh chứng', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 401, 403, 404)
  async download(@Ctx() ctx: RequestContext, @PlanParam() plan: string, @CycleParam() cycle: string, @AgencyParam() agency: string, @Param('id', new ZodValidationPipe(evidenceIdSchema)) id: string): Promise<StreamableFile> {
    const file = await this.evidence.open(ctx, plan, cycle, agency, id);
    return new StreamableFile(createReadStream(file.absolutePath), { type: file.contentType, length: file.sizeBytes, disposition: attachment(file.fileName) });
  }
}
