import { PlanVersionRepository } from '@dondoc/db';
import type { Plan } from '@dondoc/domain';
import { Injectable } from '@nestjs/common';

import { CatalogService } from '../infrastructure/catalog.service';

/**
 * The plan a page names its tasks and indicators from: the newest imported
 * version, else the seed plan (report cycles resolve seed plans even where no
 * version was imported), else nothing (the page shows ids).
 */
@Injectable()
export class PlanDocuments {
  constructor(
    private readonly versions: PlanVersionRepository,
    private readonly catalog: CatalogService,
  ) {}

  async plan(planId: string): Promise<Plan | null> {
    return (await this.versions.latest(planId))?.document ?? this.catalog.seedPlans.get(planId) ?? null;
  }
}
