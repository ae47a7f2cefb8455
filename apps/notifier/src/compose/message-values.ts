// The facts of one reminder for one recipient, as the templates show them,
// computed when the message is composed: the distance to the deadline is the
// moment's (issue 12 §4), not the one the ladder planned for the step.
import type { TemplateValues } from '@dondoc/channels';
import type { DeliveryContact, NotificationJob, RecipientRole } from '@dondoc/contracts';
import { deadlineDistanceAt, type WorkingDayCalendar } from '@dondoc/policy';

import { type LinkSettings, signedLinkFor } from './message-links';

export interface Composition {
  readonly links: LinkSettings;
  readonly calendar: Pick<WorkingDayCalendar, 'isWorkingDay'>;
  readonly now: number;
}

export function messageValues(notification: NotificationJob, role: RecipientRole, contact: DeliveryContact, leadAgencyName: string, composition: Composition): TemplateValues {
  const { link, linkExpiresAt } = signedLinkFor(notification, role, contact, composition.links, composition.now);
  return {
    recipientName: contact.name,
    recipientTitle: contact.title,
    recipientAgency: contact.agencyName,
    agencyName: leadAgencyName,
    taskName: notification.data.taskName,
    planTitle: notification.data.planTitle,
    dueDate: notification.data.dueDate,
    distance: deadlineDistanceAt(notification.data.dueDate, composition.now, composition.calendar),
    deadlineText: notification.data.deadlineText,
    ...(notification.data.reviewComment ? { reviewComment: notification.data.reviewComment } : {}),
    ...(notification.data.deadlineNote ? { deadlineNote: notification.data.deadlineNote } : {}),
    link,
    linkExpiresAt,
    reference: notification.idempotencyKey,
  };
}
