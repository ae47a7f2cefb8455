// Public API of @dondoc/channels: the Channel port, the e-mail and Zalo ZNS
// adapters, the fake ZNS server, and the message templates.
export { type Channel, DeliveryError, type FailureAction, type OutboundContent, type OutboundMessage, type SendReceipt } from './channel';
export { EmailChannel, type EmailChannelOptions } from './email/email-channel';
export { domainOfAddress, isValidEmailAddress, messageIdFor } from './email/message-id';
export { classifySmtpError } from './email/smtp-errors';
export { type SmtpSettings, smtpSettingsFromConfig, smtpTransportOptions } from './email/smtp-transport';
export { formatDeadlineDistance, formatDeadlineDistanceShort, formatDueDate, formatOverdueSince } from './templates/format';
export { type AggregateReportValues, renderAggregateReport, type RenderedAggregateReport, reportSubjectTitle } from './templates/aggregate-report';
export { type DigestItem, type DigestValues, renderDigest, type RenderedDigest } from './templates/digest';
export { type RenderedReportSignOff, renderReportSignOff, type ReportSignOffKind, type ReportSignOffValues } from './templates/report-sign-off';
export { type RenderedNotification, renderNotification, type TemplateValues } from './templates/render';
export { TEMPLATE_WORDING } from './templates/catalog';
export { recordZnsDelivery, recordZnsSent, recordZnsSentAll, type ZnsDeliveryRecord, type ZnsSentRecord, type ZnsWebhookPayload, znsWebhookSchema } from './zalo-zns/delivery-webhook';
export { FakeZnsServer, type FakeZnsServerOptions } from './zalo-zns/fake-zns-server';
export type { FakeZnsMessage } from './zalo-zns/fake-zns-state';
export { normaliseVietnamesePhone } from './zalo-zns/phone';
export { type ZaloOAuthSettings, ZaloTokenStore } from './zalo-zns/token-store';
export { verifyZaloWebhookSignature, zaloWebhookSignature } from './zalo-zns/webhook-signature';
export { ZnsChannel, type ZnsChannelOptions, znsTrackingId } from './zalo-zns/zns-channel';
export { ZNS_ERRORS, znsErrorMeaning, znsQuotaResetAt } from './zalo-zns/zns-errors';
export { DEFAULT_ZNS_TEMPLATE_IDS, DIGEST_TEMPLATE, parseZnsTemplateIds, ZNS_DIGEST_PARAMETERS, ZNS_PARAMETERS, ZNS_TEMPLATES, type ZnsDigestParameter, type ZnsParameter, type ZnsTemplate, znsParametersOf } from './zalo-zns/zns-templates';
