// One entry of a digest as the digest template lists it: the same facts and
// the same per-recipient link as a single reminder would carry (compose/).
import type { DigestItem } from '@dondoc/channels';
import type { DeliveryJob } from '@dondoc/contracts';

import { linkPurposeFor } from '../compose/message-links';
import { type Composition, messageValues } from '../compose/message-values';

export function digestItem(delivery: DeliveryJob, composition: Composition): DigestItem {
  const { notification, role } = delivery;
  const contact = delivery.contacts[delivery.contactIndex]!;
  const values = messageValues(notification, role, contact, delivery.leadAgencyName, composition);
  const purpose = linkPurposeFor(notification, role);
  return {
    template: notification.template,
    readOnly: purpose === 'view-task' || purpose === 'view-report',
    report: notification.workflowId.startsWith('report/'),
    taskName: values.taskName,
    planTitle: values.planTitle,
    agencyName: values.agencyName,
    dueDate: values.dueDate,
    deadlineText: values.deadlineText,
    distance: values.distance,
    ...(values.reviewComment ? { reviewComment: values.reviewComment } : {}),
    link: values.link,
    reference: notification.idempotencyKey,
  };
}
