// Renders one NotificationTemplate for one recipient: subject, HTML and plain
// text for e-mail, and the same values as ZNS template_data. Handlebars with
// `strict` so a missing value is an error, never an empty line in a letter.
import type { NotificationTemplate } from '@dondoc/contracts';
import type { DeadlineDistance } from '@dondoc/policy';
import Handlebars from 'handlebars';

import type { ZnsParameter } from '../zalo-zns/zns-templates';
import { TEMPLATE_WORDING, type TemplateWording } from './catalog';
import { formatDeadlineDistance, formatDeadlineDistanceShort, formatDueDate, formatOverdueSince } from './format';
import { HTML_LAYOUT, TEXT_LAYOUT } from './layout';

export interface TemplateValues {
  readonly recipientName: string;
  readonly recipientTitle: string;
  /** The recipient's agency (may differ from the task's, e.g. Sở KH&CN in copy). */
  readonly recipientAgency: string;
  /** The agency that leads the task. */
  readonly agencyName: string;
  readonly taskName: string;
  readonly planTitle: string;
  /** ISO date or null. */
  readonly dueDate: string | null;
  /** Days left or overdue, counted when the message is composed (deadlineDistanceAt). */
  readonly distance: DeadlineDistance;
  /** The plan's own wording of the deadline, shown when there is no date. */
  readonly deadlineText: string;
  /** Why Sở KH&CN returned a report; only on the notice of a return. */
  readonly reviewComment?: string;
  /** Why the due date is not the plan's (a grace period), shown under it. */
  readonly deadlineNote?: string;
  /** The signed link for this recipient: acting for the lead agency, read-only for a copy. */
  readonly link: string;
  readonly linkExpiresAt: Date;
  /** The idempotency key, quoted so a reply can name the reminder. */
  readonly reference: string;
}

export interface RenderedNotification {
  readonly template: NotificationTemplate;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** ZNS template_data: the same facts, cut to Zalo's parameter lengths. */
  readonly znsData: Readonly<Record<ZnsParameter, string>>;
}

const compileText = (source: string) => Handlebars.compile(source, { strict: true, noEscape: true });
const htmlLayout = Handlebars.compile(HTML_LAYOUT, { strict: true });
const textLayout = compileText(TEXT_LAYOUT);
const compiledWording = new Map<NotificationTemplate, Record<keyof TemplateWording, HandlebarsTemplateDelegate>>();

function wordingFor(template: NotificationTemplate) {
  let compiled = compiledWording.get(template);
  if (!compiled) {
    const wording = TEMPLATE_WORDING[template];
    compiled = {
      subject: compileText(wording.subject),
      heading: compileText(wording.heading),
      intro: compileText(wording.intro),
      action: compileText(wording.action),
      linkLabel: compileText(wording.linkLabel),
    };
    compiledWording.set(template, compiled);
  }
  return compiled;
}

const vietnamDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

export function renderNotification(template: NotificationTemplate, values: TemplateValues): RenderedNotification {
  const due = formatDueDate(values.dueDate);
  const facts = {
    ...values,
    deadline: due ?? values.deadlineText,
    // Strict templates refuse a missing value; an empty comment hides its row.
    reviewComment: values.reviewComment?.trim() ?? '',
    deadlineNote: values.deadlineNote?.trim() ?? '',
    daysText: formatDeadlineDistance(values.distance),
    sinceText: formatOverdueSince(values.distance),
    linkExpires: vietnamDay.format(values.linkExpiresAt),
  };
  const wording = wordingFor(template);
  const words = {
    subject: wording.subject(facts),
    heading: wording.heading(facts),
    intro: wording.intro(facts),
    action: wording.action(facts),
    linkLabel: wording.linkLabel(facts),
  };
  // Subjects are one line; a task name with a newline must not inject headers.
  const subject = words.subject.replace(/\s+/g, ' ').trim();
  const all = { ...facts, ...words, subject };
  return {
    template,
    subject,
    html: htmlLayout(all),
    text: textLayout(all),
    znsData: {
      ten_nhiem_vu: clip(values.taskName, 100),
      ke_hoach: clip(values.planTitle, 100),
      thoi_han: clip(facts.deadline, 30),
      // ZNS parameters are too short for a comment: the status says it was returned, the link leads to the comment.
      tinh_trang: clip(facts.reviewComment ? 'Bị trả lại, cần bổ sung' : formatDeadlineDistanceShort(values.distance), 30),
      duong_dan: values.link,
    },
  };
}

/** ZNS rejects over-long parameters (-112); cut on a character, not a byte, boundary. */
function clip(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

