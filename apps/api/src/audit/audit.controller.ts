import { AUDIT_OUTCOMES, AuditLogRepository } from '@dondoc/db';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';

import { ApiErrors, ApiOkOf, ApiQueryOf } from '../common/api-docs';
import { pageQueryFields } from '../common/page-query';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { Roles } from '../auth/auth.decorators';

const auditQuerySchema = z.object({
  actor: z.string().max(254).optional(),
  action: z.string().max(100).optional(),
  target: z.string().max(500).optional(),
  outcome: z.enum(AUDIT_OUTCOMES, `Kết quả phải là một trong: ${AUDIT_OUTCOMES.join(', ')}.`).optional().describe('pending: đã ghi ý định, chưa rõ kết quả; applied; refused; failed'),
  ...pageQueryFields,
});

const auditPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      actor: z.string(),
      role: z.string().nullable(),
      action: z.string(),
      target: z.string().nullable(),
      payload: z.record(z.string(), z.unknown()),
      ip: z.string().nullable(),
      requestId: z.string().nullable(),
      outcome: z.enum(AUDIT_OUTCOMES).nullable().describe('Kết quả thao tác: applied (đã thực hiện), refused (bị từ chối), failed (lỗi), pending (đã ghi ý định, chưa ghi được kết quả); null: ghi trước khi có trường này (đã thực hiện)'),
      outcomeDetail: z.string().nullable().describe('Lý do bị từ chối hoặc lỗi, như đã báo cho người dùng'),
      at: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly log: AuditLogRepository) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Nhật ký thao tác (mới nhất trước); chỉ quản trị viên' })
  @ApiQueryOf(auditQuerySchema)
  @ApiOkOf(auditPageSchema)
  @ApiErrors(400, 401, 403)
  async list(@Query(new ZodValidationPipe(auditQuerySchema)) query: z.infer<typeof auditQuerySchema>) {
    const { limit, cursor, ...filter } = query;
    const page = await this.log.list(filter, { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) });
    return { items: page.items.map((entry) => ({ ...entry, at: entry.at.toISOString() })), nextCursor: page.nextCursor };
  }
}
