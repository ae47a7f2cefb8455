import { Module } from '@nestjs/common';

import { PlansController } from './plans.controller';
import { PlanExtractService } from './plan-extract.service';
import { PlansService } from './plans.service';

@Module({ controllers: [PlansController], providers: [PlansService, PlanExtractService] })
export class PlansModule {}
