// The list a digest's link opens (view-digest, sent by Zalo with the day's
// counts): every task and report the recipient was reminded of that day, and
// each of them read-only, as a copy's link would show it.
import { deliveryJobSchema } from '@dondoc/contracts';
import { DigestRepository } from '@dondoc/db';
import { NotFoundError } from '@dondoc/domain';
import { calendarDaysBetween, vietnamDate } from '@dondoc/policy';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import type { digestLinkViewSchema } from './link-session.schemas';
import type { LinkSession } from './link-session.tokens';
import { OfficerReportService } from './officer-report.service';
import { OfficerTaskService } from './officer-task.service';
import { OversightContactService } from './oversight-contact.service';

export type DigestLinkView = z.infer<typeof digestLinkViewSchema>;

const digestIdOf = (session: LinkSession) => session.subject.replace(/^digest\//, '');

@Injectable()
export class OfficerDigestService {
  constructor(
    private readonly digests: DigestRepository,
    private readonly tasks: OfficerTaskService,
    private readonly reports: OfficerReportService,
    private readonly contacts: OversightContactService,
  ) {}

  /** One item per task or report (a workflow reminded in several roles is listed once), overdue first, most overdue first. */
  async view(session: LinkSession, nowMs = Date.now()): Promise<DigestLinkView> {
    const digest = await this.digests.find(digestIdOf(session));
    if (!digest) throw new NotFoundError('Không còn danh sách nhắc việc của đường dẫn này.');
    const today = vietnamDate(nowMs);
    const seen = new Set<string>();
    const items: DigestLinkView['items'] = [];
    for (const entry of await this.digests.entriesOf(digest.id)) {
      const parsed = deliveryJobSchema.safeParse(entry.delivery);
      if (!parsed.success || seen.has(entry.workflowId)) continue;
      seen.add(entry.workflowId);
      const { notification, leadAgencyName } = parsed.data;
      items.push({
        workflowId: entry.workflowId,
        kind: entry.workflowId.startsWith('report/') ? 'report' : 'task',
        template: notification.template,
        planTitle: notification.data.planTitle,
        taskName: notification.data.taskName,
        agencyName: leadAgencyName,
        dueDate: notification.data.dueDate,
        daysLeft: notification.data.dueDate ? calendarDaysBetween(today, notification.data.dueDate) : null,
      });
    }
    items.sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity));
    return { day: digest.day, items, sessionExpiresAt: new Date(session.exp * 1000).toISOString(), contact: await this.contacts.contact() };
  }

  /** An item as its own read-only page: the same view a copy's link opens. */
  async item(session: LinkSession, workflowId: string) {
    const digest = await this.digests.find(digestIdOf(session));
    const listed = digest && (await this.digests.entriesOf(digest.id)).some((e) => e.workflowId === workflowId);
    if (!listed) throw new NotFoundError('Nhiệm vụ hoặc báo cáo này không có trong danh sách của đường dẫn.');
    const report = workflowId.startsWith('report/');
    const copy: LinkSession = { ...session, purpose: report ? 'view-report' : 'view-task', subject: workflowId, nonce: `${session.nonce}:${workflowId}` };
    return report ? { kind: 'report' as const, report: await this.reports.view(copy) } : { kind: 'task' as const, task: await this.tasks.view(copy) };
  }
}
