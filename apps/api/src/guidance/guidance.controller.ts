import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/auth.decorators';
import { ApiBodyOf, ApiErrors, ApiOkOf } from '../common/api-docs';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { documentNumberSchema, guidanceRunSchema, type IssueGuidance, issueGuidanceSchema } from './guidance.schemas';
import { GuidanceService } from './guidance.service';

@ApiTags('guidance')
@ApiBearerAuth()
@Controller('guidance')
export class GuidanceController {
  constructor(private readonly guidance: GuidanceService) {}

  @Post()
  @Roles('admin')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Ghi nhận văn bản hướng dẫn của Trung ương; gửi đến các nhiệm vụ đang chờ (hoặc các nhiệm vụ được nêu)' })
  @ApiBodyOf(issueGuidanceSchema)
  @ApiOkOf(guidanceRunSchema, 'Đã bắt đầu (hoặc đã có) việc phân phối văn bản', HttpStatus.ACCEPTED)
  @ApiErrors(400, 401, 403, 409, 413)
  issue(@Ctx() ctx: RequestContext, @Body(new ZodValidationPipe(issueGuidanceSchema)) body: IssueGuidance) {
    return this.guidance.issue(ctx, body);
  }

  @Get(':documentNumber')
  @ApiOperation({ summary: 'Tình trạng phân phối một văn bản hướng dẫn' })
  @ApiParam({ name: 'documentNumber', description: 'Số văn bản, mã hóa URL (/ thành %2F)' })
  @ApiOkOf(guidanceRunSchema)
  @ApiErrors(400, 401, 404)
  get(@Param('documentNumber', new ZodValidationPipe(documentNumberSchema)) documentNumber: string) {
    return this.guidance.get(documentNumber);
  }
}
