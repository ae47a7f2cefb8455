import { DELIVERY_STATUSES, DeliveryLogRepository } from '@dondoc/db';
import { ForbiddenError } from '@dondoc/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';

import { ApiErrors, ApiOkOf, ApiQueryOf } from '../common/api-docs';
import { Ctx, type RequestContext } from '../common/request-context';
import { pageQueryFields } from '../common/page-query';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { idText, workflowIdSchema } from '../tasks/task.schemas';

const deliveriesQuerySchema = z.object({
  workflowId: workflowIdSchema.optional(),
  agency: idText.optional(),
  status: z.enum(DELIVERY_STATUSES, `Trạng thái phải là một trong: ${DELIVERY_STATUSES.join(', ')}.`).optional(),
  ...pageQueryFields,
});

const deliveryPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      idempotencyKey: z.string(),
      channel: z.string(),
      recipient: z.string(),
      agencyId: z.string().nullable(),
      workflowId: z.string().nullable(),
      status: z.enum(DELIVERY_STATUSES),
      error: z.string().nullable(),
      providerMessageId: z.string().nullable(),
      role: z.string().nullable().describe('Vai trò người nhận của bước nhắc: focal, head, department, provincial-office'),
      jobId: z.string().nullable().describe('Mã công việc BullMQ của lần gửi: <khoá>|<vai trò>|<kênh>[|<người liên hệ>]'),
      attempt: z.number().int(),
      createdAt: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

/** Read-only view of the delivery log; the repository is the whole service. */
@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly log: DeliveryLogRepository) {}

  @Get()
  @ApiOperation({ summary: 'Nhật ký gửi thư nhắc (mới nhất trước)' })
  @ApiQueryOf(deliveriesQuerySchema)
  @ApiOkOf(deliveryPageSchema)
  @ApiErrors(400, 401, 403)
  async list(@Ctx() ctx: RequestContext, @Query(new ZodValidationPipe(deliveriesQuerySchema)) query: z.infer<typeof deliveriesQuerySchema>) {
    const { principal } = ctx;
    if (principal.role === 'officer' && query.agency !== undefined && query.agency !== principal.agencyId) {
      throw new ForbiddenError('Cán bộ chỉ xem được thư nhắc của cơ quan mình.');
    }
    const agencyId = principal.role === 'officer' ? principal.agencyId : query.agency;
    const page = await this.log.list(
      {
        ...(query.workflowId ? { workflowId: query.workflowId } : {}),
        ...(agencyId ? { agencyId } : {}),
        ...(query.status ? { status: query.status } : {}),
      },
      { ...(query.limit ? { limit: query.limit } : {}), ...(query.cursor ? { cursor: query.cursor } : {}) },
    );
    return { items: page.items.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })), nextCursor: page.nextCursor };
  }
}
