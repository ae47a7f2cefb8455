// The link each recipient gets, signed for what that recipient may do: the
// lead agency's own people (focal, head) act on the task or report; a copy
// (Sở KH&CN, Văn phòng UBND tỉnh, anyone not of the lead agency) opens it
// read-only, never with the lead's actions (issue 12 §3).
import type { DeliveryContact, NotificationJob, RecipientRole } from '@dondoc/contracts';
import { createLinkToken, type LinkKeys, type LinkPurpose, linkUrl } from '@dondoc/links';

export interface LinkSettings {
  readonly publicBaseUrl: string;
  readonly secret: LinkKeys;
  readonly ttlDays: number;
}

export interface SignedLink {
  readonly link: string;
  readonly linkExpiresAt: Date;
  readonly purpose: LinkPurpose;
}

/** Roles that are the lead agency's own contacts (resolved to today's holder of its tasks). */
const LEAD_ROLES: ReadonlySet<RecipientRole> = new Set(['focal', 'head']);

export function linkPurposeFor(notification: Pick<NotificationJob, 'workflowId'>, role: RecipientRole): LinkPurpose {
  const report = notification.workflowId.startsWith('report/');
  if (LEAD_ROLES.has(role)) return report ? 'submit-report' : 'report-progress';
  return report ? 'view-report' : 'view-task';
}

/**
 * An acting link speaks for the agency whose workflow it is (the one the API checks);
 * a read-only link names the recipient's own agency, so the audit log says who looked.
 */
export function signedLinkFor(notification: Pick<NotificationJob, 'workflowId' | 'agencyId'>, role: RecipientRole, contact: Pick<DeliveryContact, 'agencyId'>, settings: LinkSettings, now: number): SignedLink {
  const purpose = linkPurposeFor(notification, role);
  const acting = purpose === 'report-progress' || purpose === 'submit-report';
  return sign({ purpose, subject: notification.workflowId, agencyId: acting ? notification.agencyId : contact.agencyId }, settings, now);
}

/** The link of a digest to the recipient's list of that day (read-only). */
export function digestListLink(digestId: string, recipientAgencyId: string, settings: LinkSettings, now: number): SignedLink {
  return sign({ purpose: 'view-digest', subject: `digest/${digestId}`, agencyId: recipientAgencyId }, settings, now);
}

function sign(claims: { purpose: LinkPurpose; subject: string; agencyId: string }, settings: LinkSettings, now: number): SignedLink {
  const expiresAt = now + settings.ttlDays * 86_400_000;
  const token = createLinkToken({ ...claims, exp: Math.floor(expiresAt / 1000) }, settings.secret);
  return { link: linkUrl(settings.publicBaseUrl, token), linkExpiresAt: new Date(expiresAt), purpose: claims.purpose };
}
