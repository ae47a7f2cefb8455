import type { Principal } from '@dondoc/auth';
import { PlanVersionRepository } from '@dondoc/db';
import { resolveSuccessor } from '@dondoc/catalog';
import { LiveDirectory } from '@dondoc/directory';
import { type Agency, ForbiddenError, NotFoundError, planTasks } from '@dondoc/domain';
import { vietnamDate } from '@dondoc/policy';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { CatalogService } from '../infrastructure/catalog.service';
import { type TaskSummary, TaskWorkflowsRepository } from '../tasks/task-workflows.repository';
import type { agencyDetailSchema, directorySchema } from './agencies.schemas';
import { AgencyContactsService, type ContactView } from './agency-contacts.service';
import { deadlineFeed } from './deadline-feed';

const summary = (agency: Agency, contacts: ContactView[]) => ({
  id: agency.id,
  code: agency.code,
  name: agency.name,
  kind: agency.kind,
  aliases: [...agency.aliases],
  contacts,
  focal: agency.focal ? { name: agency.focal.name, title: agency.focal.title, email: agency.focal.email, phone: agency.focal.phone } : null,
});

@Injectable()
export class AgenciesService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly workflows: TaskWorkflowsRepository,
    private readonly plans: PlanVersionRepository,
    private readonly live: LiveDirectory,
    private readonly contacts: AgencyContactsService,
  ) {}

  /** The directory as it stands: agencies with their contacts from the database, groups, and every reorganisation (seeds and API merges). */
  async directory(): Promise<z.infer<typeof directorySchema>> {
    const [index, contacts] = await Promise.all([this.live.current(), this.contacts.all()]);
    // The live directory lists the API's merges after the seeds' reorganisations.
    const recorded = new Set(index.directory.reorganisations.slice(this.catalog.directory.reorganisations.length));
    return {
      agencies: index.directory.agencies.map((a) => summary(a, contacts.get(a.id) ?? [])),
      groups: index.directory.groups.map((g) => ({ id: g.id, name: g.name, members: [...g.members] })),
      reorganisations: index.directory.reorganisations.map((r) => ({
        kind: r.kind,
        from: [...r.from],
        into: r.kind === 'dissolve' ? null : r.into,
        effective: r.effective,
        source: recorded.has(r) ? ('api' as const) : ('seeds' as const),
      })),
    };
  }

  /** One agency: its contacts, its groups, and who holds its tasks today. */
  async agency(agencyId: string): Promise<z.infer<typeof agencyDetailSchema>> {
    const index = await this.live.current();
    const agency = index.agency(agencyId);
    if (!agency) throw new NotFoundError(`Không có cơ quan "${agencyId}" trong danh mục.`);
    const holder = resolveSuccessor(index, agencyId, vietnamDate(Date.now()));
    const since = holder.chain.at(-1)?.effective ?? null;
    return {
      ...summary(agency, await this.contacts.of(agencyId)),
      preferences: agency.preferences ? { channels: [...agency.preferences.channels], quietHours: agency.preferences.quietHours } : null,
      groups: index.directory.groups.filter((g) => g.members.includes(agencyId)).map((g) => g.id),
      successor: holder.agency && holder.agency.id !== agencyId && since ? { id: holder.agency.id, name: holder.agency.name, since } : null,
      dissolved: holder.agency ? null : holder.reason,
    };
  }

  /**
   * The agency's open tasks as an iCalendar feed: one all-day event per due date; tasks
   * still waiting for their trigger, and a merger into a successor, said in the description.
   */
  async deadlinesIcs(principal: Principal, agencyId: string): Promise<string> {
    const agency = this.catalog.index.agency(agencyId);
    if (!agency) throw new NotFoundError(`Không có cơ quan "${agencyId}".`);
    if (principal.role === 'officer' && principal.agencyId !== agencyId) throw new ForbiddenError('Cán bộ chỉ xem được lịch của cơ quan mình.');
    const names = await this.taskNames();
    const tasks = (await this.allTasks(agencyId)).map((t) => ({ ...t, name: names.get(`${t.planId}/${t.taskId}`) ?? null }));
    const holder = resolveSuccessor(await this.live.current(), agencyId, vietnamDate(Date.now()));
    const ending = holder.chain.at(-1);
    const successor = holder.agency && holder.agency.id !== agencyId && ending ? { name: holder.agency.name, since: ending.effective } : null;
    return deadlineFeed({ agencyName: agency.name, successor, tasks });
  }

  private async allTasks(agencyId: string): Promise<TaskSummary[]> {
    const all: TaskSummary[] = [];
    let token: string | undefined;
    do {
      const page = await this.workflows.list({ agencyId, openOnly: true }, 200, token);
      all.push(...page.items);
      token = page.nextPageToken ?? undefined;
    } while (token);
    return all;
  }

  private async taskNames(): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const plan of await this.plans.latestOfEach()) for (const task of planTasks(plan.document)) names.set(`${plan.planId}/${task.id}`, task.name);
    return names;
  }
}
