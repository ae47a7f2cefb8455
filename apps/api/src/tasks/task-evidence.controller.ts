import { Controller, Get, HttpStatus, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EVIDENCE_TYPES } from '@dondoc/reports-service';
import type { Request } from 'express';
import { createReadStream } from 'node:fs';

import { Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiOkOf } from '../common/api-docs';
import { drainRequest, readEvidenceUpload } from '../common/evidence-upload';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { attachment } from '../reports/report-evidence.controller';
import { taskEvidenceView, TaskEvidenceService } from './task-evidence.service';
import { evidenceIdSchema, taskEvidenceListSchema, taskEvidenceSchema } from './task-evidence.schemas';
import { workflowIdSchema } from './task.schemas';

const IdParam = () => Param('workflowId', new ZodValidationPipe(workflowIdSchema));
const idDocs = () => ApiParam({ name: 'workflowId', description: 'task/<kế hoạch>/<nhiệm vụ>/<cơ quan>, mã hóa URL (/ thành %2F)' });

/** Evidence files (minh chứng) of a task: upload as the raw body, list, download. */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks/:workflowId/evidence')
export class TaskEvidenceController {
  constructor(private readonly evidence: TaskEvidenceService) {}

  @Post()
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Đính kèm một tệp minh chứng (PDF, DOCX, XLSX, JPEG, PNG; tối đa 10 MB một tệp, 30 MB một nhiệm vụ) vào nhiệm vụ; thân yêu cầu là nội dung tệp' })
  @idDocs()
  @ApiHeader({ name: 'X-File-Name', required: true, description: 'Tên tệp, mã hóa URL (encodeURIComponent)' })
  @ApiConsumes(...Object.keys(EVIDENCE_TYPES))
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkOf(taskEvidenceSchema, 'Đã lưu tệp minh chứng (created=false khi đúng tệp này đã có)', HttpStatus.CREATED)
  @ApiErrors(400, 401, 403, 404, 409, 413, 415)
  async upload(@Ctx() ctx: RequestContext, @IdParam() workflowId: string, @Req() request: Request) {
    try {
      return await this.evidence.add(ctx, workflowId, await readEvidenceUpload(request));
    } finally {
      drainRequest(request);
    }
  }

  @Get()
  @Roles('admin', 'viewer', 'officer')
  @ApiOperation({ summary: 'Danh sách tệp minh chứng của nhiệm vụ' })
  @idDocs()
  @ApiOkOf(taskEvidenceListSchema)
  @ApiErrors(400, 401, 403, 404)
  async list(@Ctx() ctx: RequestContext, @IdParam() workflowId: string) {
    return { items: (await this.evidence.list(ctx.principal, workflowId)).map(taskEvidenceView) };
  }

  @Get(':id')
  @Roles('admin', 'viewer', 'officer')
  @ApiOperation({ summary: 'Tải một tệp minh chứng của nhiệm vụ' })
  @idDocs()
  @ApiParam({ name: 'id', description: 'Mã tệp minh chứng' })
  @ApiProduces(...Object.keys(EVIDENCE_TYPES))
  @ApiResponse({ status: 200, description: 'Tệp minh chứng', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 401, 403, 404)
  async download(@Ctx() ctx: RequestContext, @IdParam() workflowId: string, @Param('id', new ZodValidationPipe(evidenceIdSchema)) id: string): Promise<StreamableFile> {
    const file = await this.evidence.open(ctx.principal, workflowId, id);
    return new StreamableFile(createReadStream(file.absolutePath), { type: file.contentType, length: file.sizeBytes, disposition: attachment(file.fileName) });
  }
}
