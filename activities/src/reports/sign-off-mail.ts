import type { AgencyIndex } from '@dondoc/catalog';
import { renderReportSignOff, type ReportSignOffKind } from '@dondoc/channels';
import type { ReportFileRef } from '@dondoc/contracts';
import { ApplicationFailure } from '@temporalio/common';

import type { StandingCounts } from './agency-standing';
import type { ConsolidatedCycle } from './consolidation';
import { type ReportLetter, type ReportMailDependencies, sendReportLetterOnce } from './report-mail';

// The sign-off's letters go to Sở KH&CN itself: its admins (the staff users
// with the admin role) to approve, its head when no approval came in time.

export interface SignOffMailDependencies extends ReportMailDependencies {
  /** PUBLIC_BASE_URL: the report page is `<base>/bao-cao/<plan>/<cycle>` in the web app. */
  readonly publicBaseUrl: string;
  readonly index: AgencyIndex;
}

/** The report page of a cycle in the web app, where admins read, re-generate and approve. */
export const reportPageUrl = (publicBaseUrl: string, planId: string, cycleKey: string) =>
  `${publicBaseUrl.replace(/\/+$/, '')}/bao-cao/${encodeURIComponent(planId)}/${encodeURIComponent(cycleKey)}`;

type Addressee = ReportLetter['to'][number];

/** Active admins; without any, Sở KH&CN's focal point from the directory. */
async function approvers(deps: SignOffMailDependencies, cycle: ConsolidatedCycle): Promise<Addressee[]> {
  const admins = await deps.db.selectFrom('users').select(['email', 'display_name', 'agency_id']).where('role', '=', 'admin').where('disabled_at', 'is', null).orderBy('email').execute();
  if (admins.length) return admins.map((a) => ({ name: a.display_name ?? a.email, address: a.email, agencyId: a.agency_id ?? cycle.aggregator.agencyId }));
  const focal = deps.index.agency(cycle.aggregator.agencyId)?.focal;
  return focal ? [{ name: `${focal.name} – ${cycle.aggregator.agencyName}`, address: focal.email, agencyId: cycle.aggregator.agencyId }] : [];
}

function head(deps: SignOffMailDependencies, cycle: ConsolidatedCycle): Addressee[] {
  const contact = deps.index.agency(cycle.aggregator.agencyId)?.head;
  return contact ? [{ name: `${contact.name} – ${cycle.aggregator.agencyName}`, address: contact.email, agencyId: cycle.aggregator.agencyId }] : [];
}

/**
 * Sends one letter of the sign-off, once per key. Nobody to send it to is a
 * permanent refusal (type NoRecipients): the cycle records it and goes on waiting.
 */
export async function emailSignOff(
  deps: SignOffMailDependencies,
  kind: ReportSignOffKind,
  input: { cycle: ConsolidatedCycle; generation: number; standing: StandingCounts; files: readonly ReportFileRef[]; idempotencyKey: string },
): Promise<{ sentTo: string[] }> {
  const { cycle } = input;
  const to = kind === 'request' ? await approvers(deps, cycle) : head(deps, cycle);
  if (to.length === 0) {
    const who = kind === 'request' ? 'quản trị viên nào (vai trò admin) hoặc đầu mối của' : 'địa chỉ lãnh đạo của';
    throw ApplicationFailure.create({ type: 'NoRecipients', nonRetryable: true, message: `Không có ${who} ${cycle.aggregator.agencyName} để gửi thư phê duyệt báo cáo ${cycle.cycleKey} của kế hoạch ${cycle.planId}.` });
  }
  const { sentTo } = await sendReportLetterOnce(deps, input.idempotencyKey, () => ({
    to,
    files: input.files,
    ...renderReportSignOff({
      kind,
      reportTitle: cycle.title,
      planTitle: cycle.planTitle,
      senderAgency: cycle.aggregator.agencyName,
      recipientAgencies: cycle.recipients.map((r) => r.agencyName),
      deadline: cycle.aggregatorDeadline,
      generation: input.generation,
      standing: input.standing,
      link: reportPageUrl(deps.publicBaseUrl, cycle.planId, cycle.cycleKey),
      command: `dondoc report approve ${cycle.planId} ${cycle.cycleKey} --generation ${input.generation} --by <tên>`,
      reference: input.idempotencyKey,
    }),
  }));
  return { sentTo };
}
