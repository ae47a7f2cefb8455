import type { AgencyReportState, AgencyReportStatus } from '@dondoc/contracts';
import type { ReportSubmission } from '@dondoc/db';
import type { IsoDate } from '@dondoc/domain';
import { vietnamDate } from '@dondoc/policy';

// Where each agency's report stands at the moment a consolidation is made:
// read from the agencies' workflows (the cycle as it stands), never inferred
// from which rows exist, so a report that was returned and not sent again is
// never counted as sent.

/** `submitted`: in, waiting for review; `returned`: sent back and not sent again; `not-submitted`: nothing in yet (or ever, once closed). */
export const AGENCY_STANDINGS = ['accepted', 'submitted', 'returned', 'not-submitted'] as const;
export type AgencyStanding = (typeof AGENCY_STANDINGS)[number];

export interface StandingCounts {
  readonly accepted: number;
  readonly submitted: number;
  readonly returned: number;
  readonly notSubmitted: number;
  /** Of those with a report in, how many sent their first one after their deadline. */
  readonly late: number;
  readonly total: number;
}

/** One agency's standing, with the facts the documents print. */
export interface AgencyStandingOf {
  readonly standing: AgencyStanding;
  readonly status: AgencyReportStatus;
  /** The agency's own deadline (a grace period may have moved it). */
  readonly dueDate: IsoDate;
  /** First report after its deadline. */
  readonly late: boolean;
  /** No report in effect and its deadline has passed at generation time. */
  readonly overdue: boolean;
  /** The cycle has closed for this agency: its standing is final. */
  readonly closed: boolean;
  /** The submission whose content counts (accepted or waiting for review), if any. */
  readonly submission: ReportSubmission | null;
}

const STANDING_OF_STATUS: Readonly<Record<AgencyReportStatus, AgencyStanding>> = {
  accepted: 'accepted',
  submitted: 'submitted',
  returned: 'returned',
  requested: 'not-submitted',
  missing: 'not-submitted',
};

/**
 * An agency's standing from its workflow's state, and the submission that
 * state points to. Without a state (an agency the cycle has not heard from),
 * from its latest stored revision.
 */
export function standingOf(state: AgencyReportState | undefined, latest: ReportSubmission | undefined, unitDeadline: IsoDate, generatedAt: number): AgencyStandingOf {
  const dueDate = state?.dueDate ?? unitDeadline;
  const status: AgencyReportStatus = state?.status ?? (latest?.status === 'accepted' || latest?.status === 'returned' || latest?.status === 'submitted' ? latest.status : 'requested');
  const standing = STANDING_OF_STATUS[status];
  const inEffect = standing === 'accepted' || standing === 'submitted';
  // The latest stored revision is the one whose content counts, unless it was returned meanwhile.
  const submission = inEffect && latest && latest.status !== 'returned' && latest.status !== 'draft' ? latest : null;
  return {
    standing,
    status,
    dueDate,
    late: state?.late ?? false,
    overdue: !inEffect && vietnamDate(generatedAt) > dueDate,
    closed: state?.closed ?? false,
    submission,
  };
}

export function countStandings(lines: ReadonlyArray<Pick<AgencyStandingOf, 'standing' | 'late'>>): StandingCounts {
  const of = (standing: AgencyStanding) => lines.filter((l) => l.standing === standing).length;
  return {
    accepted: of('accepted'),
    submitted: of('submitted'),
    returned: of('returned'),
    notSubmitted: of('not-submitted'),
    late: lines.filter((l) => l.late && (l.standing === 'accepted' || l.standing === 'submitted')).length,
    total: lines.length,
  };
}

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** What section IV says of an agency that is late, returned or has sent nothing. */
export function standingLabel(line: { standing: AgencyStanding; late: boolean; overdue: boolean; closed: boolean; dueDate: IsoDate; submittedOn: string | null }): string {
  if (line.standing === 'returned') return line.closed ? 'Bị trả lại, không gửi lại' : `Bị trả lại, chưa gửi lại (hạn ${ddmmyyyy(line.dueDate)})`;
  if (line.standing === 'not-submitted') {
    if (line.closed) return 'Không gửi báo cáo';
    return line.overdue ? `Chưa gửi báo cáo (quá hạn ${ddmmyyyy(line.dueDate)})` : `Chưa gửi báo cáo (hạn ${ddmmyyyy(line.dueDate)})`;
  }
  return line.late ? `Gửi muộn (ngày ${ddmmyyyy(line.submittedOn ?? '')})` : 'Gửi đúng hạn';
}

/** "09:30 ngày 04/12/2026", Vietnam time. */
export function vietnamMoment(at: number): string {
  const local = new Date(at + 7 * 3_600_000).toISOString();
  return `${local.slice(11, 16)} ngày ${ddmmyyyy(local.slice(0, 10))}`;
}
