import { reportContentSchema } from '@dondoc/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { createReadStream } from 'node:fs';
import type { z } from 'zod';

import { Roles } from '../auth/auth.decorators';
import { ApiBodyOf, ApiErrors, ApiOkOf, ApiQueryOf } from '../common/api-docs';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import {
  acceptSchema,
  agencyReportSchema,
  approveSchema,
  cycleKeySchema,
  cycleStatusSchema,
  fileKindSchema,
  filesQuerySchema,
  idText,
  returnSchema,
  type StartCycleBody,
  startCycleSchema,
  startedCycleSchema,
  yearSchema,
} from './reports.schemas';
import { ReportsService } from './reports.service';

const PlanParam = () => Param('plan', new ZodValidationPipe(idText));
const CycleParam = () => Param('year', new ZodValidationPipe(cycleKeySchema));
const AgencyParam = () => Param('agency', new ZodValidationPipe(idText));
const cycleDocs = (): MethodDecorator => (target, key, descriptor) => {
  ApiParam({ name: 'plan', description: 'Mã kế hoạch, ví dụ kh-nq03-2025' })(target, key, descriptor);
  ApiParam({ name: 'year', description: 'Năm (kỳ hằng năm) hoặc mã kỳ đột xuất 2026-dx-<mã>' })(target, key, descriptor);
};
const reviewDocs = (summary: string, schema: z.ZodType): MethodDecorator => (target, key, descriptor) => {
  for (const decorate of [
    Roles('admin'),
    HttpCode(HttpStatus.OK),
    ApiOperation({ summary }),
    cycleDocs(),
    ApiParam({ name: 'agency', description: 'Mã cơ quan' }),
    ApiBodyOf(schema),
    ApiOkOf(agencyReportSchema, 'Trạng thái báo cáo của cơ quan sau thao tác'),
    ApiErrors(400, 401, 403, 404, 409),
  ]) decorate(target, key, descriptor);
};

/** The report cycle of a plan: status, start, submissions, review and the consolidated documents. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/:plan/:year')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @ApiOperation({ summary: 'Tình trạng kỳ báo cáo: hạn, giai đoạn và báo cáo của từng cơ quan' })
  @cycleDocs()
  @ApiOkOf(cycleStatusSchema)
  @ApiErrors(400, 401, 404)
  status(@Ctx() ctx: RequestContext, @PlanParam() plan: string, @CycleParam() cycle: string) {
    return this.reports.status(ctx.principal, plan, cycle);
  }

  @Post('start')
  @Roles('admin')
  @ApiOperation({ summary: 'Bắt đầu kỳ báo cáo hằng năm ngay, hoặc một yêu cầu báo cáo đột xuất với hạn riêng' })
  @ApiParam({ name: 'plan', description: 'Mã kế hoạch' })
  @ApiParam({ name: 'year', description: 'Năm báo cáo (4 chữ số)' })
  @ApiBodyOf(startCycleSchema)
  @ApiOkOf(startedCycleSchema, 'Đã bắt đầu kỳ báo cáo', HttpStatus.CREATED)
  @ApiErrors(400, 401, 403, 404, 409)
  start(@Ctx() ctx: RequestContext, @PlanParam() plan: string, @Param('year', new ZodValidationPipe(yearSchema)) year: number, @Body(new ZodValidationPipe(startCycleSchema)) body: StartCycleBody) {
    return this.reports.start(ctx, plan, year, body);
  }

  @Post('agencies/:agency/submission')
  @Roles('admin', 'officer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Gửi (hoặc gửi lại) báo cáo của một cơ quan; cán bộ chỉ gửi cho cơ quan mình' })
  @cycleDocs()
  @ApiParam({ name: 'agency', description: 'Mã cơ quan' })
  @ApiBodyOf(reportContentSchema, 'Báo cáo: từng nhiệm vụ và chỉ tiêu trong phạm vi của cơ quan; tối đa 256 KB')
  @ApiOkOf(agencyReportSchema, 'Trạng thái báo cáo của cơ quan sau khi gửi')
  @ApiErrors(400, 401, 403, 404, 409, 413)
  submit(@Ctx() ctx: RequestContext, @PlanParam() plan: string, @CycleParam() cycle: string, @AgencyParam() agency: string, @Body() body: unknown) {
    // Validated by the shared operations against the agency's scope (the workflow knows it), with field-level issues.
    return this.reports.submit(ctx, plan, cycle, agency, body);
  }

  @Post('agencies/:agency/return')
  @reviewDocs('Trả lại báo cáo kèm ý kiến để cơ quan bổ sung (cơ quan được thông báo ngay)', returnSchema)
  returnReport(@Ctx() ctx: RequestContext, @PlanParam() plan: string, @CycleParam() cycle: string, @AgencyParam() agency: string, @Body(new ZodValidationPipe(returnSchema)) body: z.infer<typeof returnSchema>) {
    return this.reports.review(ctx, plan, cycle, agency, 'return', body.comment);
  }

  @Post('agencies/:agency/accept')
  @reviewDocs('Tiếp nhận báo cáo của một cơ quan', acceptSchema)
  accept(@Ctx() ctx: RequestContext, @PlanParam() plan: string, @CycleParam() cycle: string, @AgencyParam() agency: string, @Body(new ZodValidationPipe(acceptSchema)) body: z.infer<typeof acceptSchema>) {
    return this.reports.review(ctx, plan, cycle, agency, 'accept', body.comment);
  }

  @Post('approve')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Phê duyệt báo cáo tổng hợp (một lần tổng hợp lập khi khóa sổ hoặc sau đó): chỉ khi đó báo cáo mới được gửi Bộ KH&CN và UBND tỉnh' })
  @cycleDocs()
  @ApiBodyOf(approveSchema)
  @ApiOkOf(cycleStatusSchema, 'Kỳ báo cáo sau khi phê duyệt (báo cáo được gửi ngay sau đó)')
  @ApiErrors(400, 401, 403, 404, 409)
  approve(@Ctx() ctx: RequestContext, @PlanParam() plan: string, @CycleParam() cycle: string, @Body(new ZodValidationPipe(approveSchema)) body: z.infer<typeof approveSchema>) {
    return this.reports.approve(ctx, plan, cycle, body.generation);
  }

  @Get('files/:kind')
  @Roles('admin', 'viewer')
  @ApiOperation({ summary: 'Tải báo cáo tổng hợp (DOCX, XLSX hoặc JSON); có sau khi kỳ báo cáo tổng hợp, hoặc khi quản trị viên tổng hợp lại' })
  @cycleDocs()
  @ApiParam({ name: 'kind', enum: ['docx', 'xlsx', 'json'] })
  @ApiQueryOf(filesQuerySchema)
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json')
  @ApiResponse({
    status: 200,
    description: 'Tệp báo cáo tổng hợp',
    content: {
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      'application/json': { schema: { type: 'object', description: 'Báo cáo tổng hợp dạng JSON' } },
    },
  })
  @ApiErrors(400, 401, 403, 404, 409)
  async file(
    @Ctx() ctx: RequestContext,
    @PlanParam() plan: string,
    @CycleParam() cycle: string,
    @Param('kind', new ZodValidationPipe(fileKindSchema)) kind: z.infer<typeof fileKindSchema>,
    @Query(new ZodValidationPipe(filesQuerySchema)) query: z.infer<typeof filesQuerySchema>,
  ): Promise<StreamableFile> {
    const document = await this.reports.document(ctx, plan, cycle, kind, query.regenerate, query.generation);
    return new StreamableFile(createReadStream(document.absolutePath), {
      type: document.contentType,
      disposition: `attachment; filename="${document.fileName}"`,
    });
  }
}
