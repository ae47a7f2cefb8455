import { renderAggregateReport } from '@dondoc/channels';
import type { ReportFileRef } from '@dondoc/contracts';
import type { Database } from '@dondoc/db';
import type { Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { SendMailOptions } from 'nodemailer';

import { type ConsolidatedCycle } from './consolidation';

/** What sending needs from nodemailer: a Transporter fits. */
export interface ReportMailer {
  sendMail(message: SendMailOptions): Promise<{ messageId: string }>;
}

export interface ReportMailDependencies {
  readonly db: Kysely<Database>;
  readonly dataDir: string;
  readonly mailer: ReportMailer;
  /** SMTP_FROM. */
  readonly from: string;
  readonly replyTo?: string;
}

/** MIME type of each generated file, for attachments and downloads. */
export const REPORT_FILE_CONTENT_TYPES: Readonly<Record<ReportFileRef['kind'], string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

/** What each attached file is, as the letter lists it. */
const ATTACHMENT_DESCRIPTIONS: Readonly<Record<ReportFileRef['kind'], string>> = {
  docx: 'báo cáo (DOCX)',
  xlsx: 'số liệu tổng hợp (XLSX)',
  json: 'dữ liệu (JSON)',
};

/** `<hash of the key>@<sender's domain>`: the same report always has the same Message-ID. */
export function reportMessageId(idempotencyKey: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'dondoc.local';
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@${domain}>`;
}

/** One letter of a report cycle: to whom, what it says, what it carries. */
export interface ReportLetter {
  readonly to: ReadonlyArray<{ readonly name: string; readonly address: string; readonly agencyId: string | null }>;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly files: readonly ReportFileRef[];
}

/**
 * Sends a letter once per key: the delivery log is checked first and written
 * after, under the key, so a retried activity finds the earlier send; the
 * Message-ID comes from the key, so a send whose log write was lost is
 * recognised as a duplicate by the receiving server.
 */
export async function sendReportLetterOnce(deps: ReportMailDependencies, idempotencyKey: string, letter: () => ReportLetter): Promise<{ messageId: string; alreadySent: boolean; sentTo: string[] }> {
  const messageId = reportMessageId(idempotencyKey, deps.from);
  const earlier = await deps.db
    .selectFrom('delivery_log')
    .select(['provider_message_id', 'recipient'])
    .where('idempotency_key', '=', idempotencyKey)
    .where('channel', '=', 'email')
    .where('status', '=', 'sent')
    .execute();
  if (earlier.length) return { messageId: earlier[0]!.provider_message_id ?? messageId, alreadySent: true, sentTo: earlier.map((r) => r.recipient) };
  const { to, subject, text, html, files } = letter();
  await deps.mailer.sendMail({
    from: deps.from,
    ...(deps.replyTo ? { replyTo: deps.replyTo } : {}),
    to: to.map((r) => ({ name: r.name, address: r.address })),
    subject,
    text,
    html,
    messageId,
    attachments: files.map((file) => ({ filename: path.posix.basename(file.path), path: path.join(deps.dataDir, file.path), contentType: REPORT_FILE_CONTENT_TYPES[file.kind] })),
  });
  await deps.db
    .insertInto('delivery_log')
    .values(
      to.map((r) => ({
        idempotency_key: idempotencyKey,
        channel: 'email' as const,
        recipient: r.address,
        agency_id: r.agencyId,
        workflow_id: idempotencyKey.split('|')[0] ?? null,
        status: 'sent' as const,
        error: null,
        provider_message_id: messageId,
        attempt: 1,
      })),
    )
    .execute();
  return { messageId, alreadySent: false, sentTo: to.map((r) => r.address) };
}

/** Sends the consolidated report with its files to the plan's recipients (Bộ KH&CN, UBND tỉnh), once per key. */
export async function emailReport(deps: ReportMailDependencies, cycle: ConsolidatedCycle, files: readonly ReportFileRef[], idempotencyKey: string): Promise<{ messageId: string; alreadySent: boolean }> {
  const { messageId, alreadySent } = await sendReportLetterOnce(deps, idempotencyKey, () => {
    if (cycle.recipients.length === 0) throw new Error(`Kế hoạch ${cycle.planId} không có địa chỉ nhận báo cáo tổng hợp trong danh mục cơ quan.`);
    const rendered = renderAggregateReport({
      recipientAgencies: cycle.recipients.map((r) => r.agencyName),
      senderAgency: cycle.aggregator.agencyName,
      reportTitle: cycle.title,
      planTitle: cycle.planTitle,
      deadline: cycle.aggregatorDeadline,
      attachments: files.map((file) => ({ fileName: path.posix.basename(file.path), description: ATTACHMENT_DESCRIPTIONS[file.kind] })),
      reference: idempotencyKey,
    });
    return { to: cycle.recipients.map((r) => ({ name: `${r.name} – ${r.agencyName}`, address: r.email, agencyId: r.agencyId })), ...rendered, files };
  });
  return { messageId, alreadySent };
}
