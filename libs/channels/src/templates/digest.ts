// Renders a person's daily digest: subject, HTML and plain text for e-mail,
// and the counts with a link to the person's list as ZNS template data (ZNS
// templates are per message, so Zalo gets one message with the counts).
// Handlebars with `strict`, like every other letter.
import type { NotificationTemplate } from '@dondoc/contracts';
import type { DeadlineDistance } from '@dondoc/policy';
import Handlebars from 'handlebars';

import type { OutboundContent } from '../channel';
import { DIGEST_TEMPLATE } from '../zalo-zns/zns-templates';
import { TEMPLATE_WORDING } from './catalog';
import { DIGEST_HTML, DIGEST_SUBJECT, DIGEST_TEXT } from './digest-layout';
import { formatDeadlineDistance, formatDueDate, formatOverdueSince } from './format';

/** One reminder in a digest, with the link signed for this recipient. */
export interface DigestItem {
  readonly template: NotificationTemplate;
  /** A copy (Sở KH&CN, Văn phòng UBND tỉnh, …): the link only opens the task or report. */
  readonly readOnly: boolean;
  /** A report request or reminder rather than a task. */
  readonly report: boolean;
  readonly taskName: string;
  readonly planTitle: string;
  /** The agency leading the task (today's holder). */
  readonly agencyName: string;
  readonly dueDate: string | null;
  readonly deadlineText: string;
  /** Counted when the digest is composed. */
  readonly distance: DeadlineDistance;
  readonly reviewComment?: string;
  readonly link: string;
  /** The reminder's idempotency key: the same reminder twice (two roles of one person) is listed once. */
  readonly reference: string;
}

export interface DigestValues {
  readonly recipientName: string;
  readonly recipientTitle: string;
  readonly recipientAgency: string;
  /** ISO date of the digest's day. */
  readonly day: string;
  readonly items: readonly DigestItem[];
  /** The recipient's list of the day (read-only link). */
  readonly listLink: string;
  readonly linkExpiresAt: Date;
  /** The digest's id, quoted so a reply can name it. */
  readonly reference: string;
}

export interface RenderedDigest extends OutboundContent {
  readonly template: typeof DIGEST_TEMPLATE;
  readonly overdue: number;
  readonly upcoming: number;
}

const text = (source: string) => Handlebars.compile(source, { strict: true, noEscape: true });
const subjectTemplate = text(DIGEST_SUBJECT);
const htmlTemplate = Handlebars.compile(DIGEST_HTML, { strict: true });
const textTemplate = text(DIGEST_TEXT);
const vietnamDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

const GROUPS = [
  { key: 'overdue', title: 'Quá hạn', color: '#a4161a' },
  { key: 'upcoming', title: 'Sắp đến hạn', color: '#1d4e89' },
  { key: 'undated', title: 'Chưa có hạn cụ thể', color: '#555555' },
] as const;

export function renderDigest(values: DigestValues): RenderedDigest {
  const items = listedOnce(values.items);
  const groupOf = (item: DigestItem) => (item.distance.kind === 'overdue' ? 'overdue' : item.distance.kind === 'none' ? 'undated' : 'upcoming');
  let number = 0;
  const groups = GROUPS.map((group) => ({ ...group, items: items.filter((item) => groupOf(item) === group.key).sort(byUrgency) }))
    .filter((group) => group.items.length > 0)
    .map((group) => ({
      title: group.title,
      upperTitle: group.title.toLocaleUpperCase('vi'),
      color: group.color,
      count: group.items.length,
      items: group.items.map((item) => ({ ...facts(item), number: ++number })),
    }));
  const overdue = items.filter((item) => groupOf(item) === 'overdue').length;
  const upcoming = items.length - overdue;
  const day = formatDueDate(values.day) ?? values.day;
  const summary = [overdue ? `${overdue} việc quá hạn` : '', upcoming ? `${upcoming} việc sắp đến hạn` : ''].filter(Boolean).join(', ');
  const all = {
    ...values,
    day,
    summary,
    groups,
    intro: `Hôm nay có ${items.length} việc cần ông/bà lưu ý: ${summary}. Thư này gộp mọi lời nhắc của ngày ${day} gửi ông/bà; mỗi việc có đường dẫn riêng.`,
    action: 'cập nhật tiến độ, báo cáo kết quả hoặc gửi báo cáo qua đường dẫn của từng việc; với các việc quá hạn, nêu rõ lý do và thời gian dự kiến hoàn thành.',
    linkExpires: vietnamDay.format(values.linkExpiresAt),
  };
  // One line: a name with a newline must not inject headers.
  const subject = subjectTemplate(all).replace(/\s+/g, ' ').trim();
  return {
    template: DIGEST_TEMPLATE,
    subject,
    html: htmlTemplate({ ...all, subject }),
    text: textTemplate({ ...all, subject }).replace(/\n{3,}/g, '\n\n'),
    znsData: {
      ten_nguoi_nhan: clip(values.recipientName, 30),
      ngay: day,
      so_qua_han: String(overdue),
      so_sap_den_han: String(upcoming),
      duong_dan: values.listLink,
    },
    overdue,
    upcoming,
  };
}

function facts(item: DigestItem) {
  const wording = TEMPLATE_WORDING[item.template];
  return {
    taskName: item.taskName,
    planTitle: item.planTitle,
    agencyName: item.agencyName,
    kind: item.readOnly ? `${wording.heading} (bản sao để theo dõi)` : wording.heading,
    deadline: formatDueDate(item.dueDate) ?? item.deadlineText,
    status: `${formatDeadlineDistance(item.distance)}${formatOverdueSince(item.distance)}`,
    // Strict templates refuse a missing value; an empty comment hides its lines.
    reviewComment: item.reviewComment?.trim() ?? '',
    link: item.link,
    linkLabel: item.readOnly ? (item.report ? 'Xem báo cáo' : 'Xem nhiệm vụ') : wording.linkLabel,
  };
}

/** Most days late first; then due today, then soonest due; ties by name, so the order never depends on arrival. */
function byUrgency(a: DigestItem, b: DigestItem): number {
  const rank = (d: DeadlineDistance) => (d.kind === 'overdue' ? -d.days : d.kind === 'ahead' ? d.days : 0);
  return rank(a.distance) - rank(b.distance) || a.taskName.localeCompare(b.taskName, 'vi') || a.reference.localeCompare(b.reference);
}

/** A reminder reaching one person twice (e.g. as focal and as head) is listed once, with the link that acts if there is one. */
function listedOnce(items: readonly DigestItem[]): DigestItem[] {
  const byReference = new Map<string, DigestItem>();
  for (const item of items) {
    const kept = byReference.get(item.reference);
    if (!kept || (kept.readOnly && !item.readOnly)) byReference.set(item.reference, item);
  }
  return [...byReference.values()];
}

/** ZNS rejects over-long parameters (-112); cut on a character, not a byte, boundary. */
function clip(value: string, max: number): string {
  const chars = [...value.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
