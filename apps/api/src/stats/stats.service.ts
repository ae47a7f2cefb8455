import type { Principal } from '@dondoc/auth';
import { PlanVersionRepository } from '@dondoc/db';
import { ForbiddenError, STATISTICS_CATEGORIES, STATISTICS_CATEGORY_LABELS } from '@dondoc/domain';
import { collectTaskStatistics, taskGroupsOf } from '@dondoc/plan-sync';
import { vietnamDate } from '@dondoc/policy';
import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';

import type { StatsQuery } from './stats.schemas';

@Injectable()
export class StatsService {
  constructor(
    private readonly client: Client,
    private readonly plans: PlanVersionRepository,
  ) {}

  /** Officers count their own agency only: asking for another is refused, as in the task list. */
  async statistics(principal: Principal, query: StatsQuery) {
    if (principal.role === 'officer' && query.agency !== undefined && query.agency !== principal.agencyId) {
      throw new ForbiddenError('Cán bộ cơ quan chỉ xem được thống kê của cơ quan mình.');
    }
    const agencyId = principal.role === 'officer' ? (principal.agencyId ?? undefined) : query.agency;
    const today = vietnamDate(Date.now());
    const plans = query.plan ? [await this.plans.latest(query.plan)].filter((v) => v !== null) : await this.plans.latestOfEach();
    const stats = await collectTaskStatistics(
      this.client,
      {
        today,
        ...(query.plan ? { planId: query.plan } : {}),
        ...(agencyId ? { agencyId } : {}),
        ...(query.group ? { group: query.group } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
      },
      taskGroupsOf(plans.map((version) => version.document)),
    );
    return { today, categories: STATISTICS_CATEGORIES.map((id) => ({ id, label: STATISTICS_CATEGORY_LABELS[id] })), ...stats };
  }
}
