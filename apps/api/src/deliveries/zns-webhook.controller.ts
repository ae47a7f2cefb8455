import { recordZnsDelivery, verifyZaloWebhookSignature, znsWebhookSchema } from '@dondoc/channels';
import type { Database } from '@dondoc/db';
import { InvalidInputError, UnauthenticatedError } from '@dondoc/domain';
import { Controller, Headers, HttpCode, Inject, Post, type RawBodyRequest, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';

import { AppConfigService } from '../app-config.service';
import { Public } from '../auth/auth.decorators';
import { ApiErrors, ApiOkOf } from '../common/api-docs';
import { DATABASE } from '../infrastructure/infrastructure.module';

const receiptSchema = z.object({ recorded: z.boolean(), matched: z.boolean() });

/**
 * Zalo's delivery receipts (`user_received_message`). Public, but each call must
 * carry Zalo's signature over the raw body (with the OA secret key); a retried call records nothing twice.
 */
@ApiTags('webhooks')
@Controller('webhooks')
export class ZnsWebhookController {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<Database>,
    private readonly config: AppConfigService,
  ) {}

  @Public()
  @Post('zns')
  @HttpCode(200)
  @ApiOperation({ summary: 'Biên nhận đã gửi tin ZNS từ Zalo (webhook user_received_message)' })
  @ApiOkOf(receiptSchema)
  @ApiErrors(400, 401)
  async receipt(@Req() request: RawBodyRequest<Request>, @Headers('x-zevent-signature') signature: string | undefined) {
    const raw = request.rawBody?.toString('utf8') ?? '';
    const parsed = znsWebhookSchema.safeParse(request.body);
    if (!parsed.success) {
      throw new InvalidInputError('Nội dung webhook ZNS không hợp lệ.', { issues: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })) });
    }
    // Zalo signs OA webhooks with the OA secret key, not the app secret used for OAuth.
    const { ZALO_APP_ID: appId, ZALO_OA_SECRET_KEY: oaSecretKey } = this.config.values;
    if (!appId || !oaSecretKey || !verifyZaloWebhookSignature(signature, appId, raw, parsed.data.timestamp, oaSecretKey)) {
      throw new UnauthenticatedError('Chữ ký webhook ZNS không đúng.');
    }
    const { firstTime, attempt } = await recordZnsDelivery(this.db, parsed.data);
    return { recorded: firstTime, matched: attempt !== null };
  }
}
