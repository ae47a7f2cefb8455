import { Module } from '@nestjs/common';

import { DeliveriesController } from './deliveries.controller';
import { ZnsWebhookController } from './zns-webhook.controller';

@Module({ controllers: [DeliveriesController, ZnsWebhookController] })
export class DeliveriesModule {}
