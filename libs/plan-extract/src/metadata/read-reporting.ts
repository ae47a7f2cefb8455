// The plan's reporting duty: the sentences of "TỔ CHỨC THỰC HIỆN" that say
// who reports to whom and when ("định kỳ hằng năm (trước ngày 15 tháng 11)
// báo cáo … gửi Sở Khoa học và Công nghệ"), kept verbatim, with the days.
import type { SourceLine } from '../document/source-document';

export interface ReportingReading {
  /** The numbered items that state the duty, verbatim; null when none is found. */
  readonly text: string | null;
  /** The units' deadline (day, month), from the item about the units. */
  readonly unitDeadline: { readonly day: number; readonly month: number } | null;
  /** The consolidating agency's deadline. */
  readonly aggregatorDeadline: { readonly day: number; readonly month: number } | null;
  /** Who the units send to ("gửi Sở …"), as printed. */
  readonly unitsReportToText: string | null;
  /** Who the consolidating agency reports to, as printed. */
  readonly aggregatorReportsToText: string | null;
  /** The agency named as consolidating, as printed. */
  readonly aggregatorText: string | null;
  /** "định kỳ 6 tháng", "hằng quý": a period other than yearly, for the reviewer. */
  readonly period: string | null;
}

const DAY = /trước ngày\s+(\d{1,2})\s*(?:th[aá]ng\s*|\/)\s*(\d{1,2})/iu; // "thang" without its mark occurs in the seeds

export function readReporting(lines: readonly SourceLine[]): ReportingReading {
  const texts = lines.map((l) => l.text);
  const start = texts.findIndex((t) => /TỔ CHỨC THỰC HIỆN/u.test(t));
  const section = start >= 0 ? texts.slice(start + 1) : texts;
  const items = numberedItems(section).filter((item) => /báo cáo/iu.test(item) && /(định kỳ|hằng năm|hàng năm|trước ngày|đột xuất|6 tháng|hằng quý)/iu.test(item));
  const units = items.find((item) => /^\d+\.\s*(?:Các|Ủy ban nhân dân các|UBND các)/u.test(item) && /gửi/iu.test(item));
  const aggregator = items.find((item) => item !== units && /(chủ trì|đầu mối|tổng hợp)/iu.test(item));
  const day = (text: string | undefined) => {
    const match = text ? DAY.exec(text) : null;
    return match ? { day: Number(match[1]), month: Number(match[2]) } : null;
  };
  const chosen = [aggregator, units].filter((t): t is string => t !== undefined).sort((a, b) => items.indexOf(a) - items.indexOf(b));
  return {
    text: chosen.length > 0 ? chosen.join(' ') : null,
    unitDeadline: day(units),
    aggregatorDeadline: day(aggregator),
    unitsReportToText: units ? (/gửi\s+(Sở [\p{L}\s&]+?|Văn phòng [\p{L}\s]+?)(?:\s+(?:để\s+)?tổng hợp|[,;.(])/u.exec(units)?.[1] ?? null) : null,
    aggregatorReportsToText: aggregator ? (/báo cáo(?: kết quả(?: thực hiện)?)?(?: về)?\s+((?:Bộ|Ủy ban|Uỷ|UBND|Văn phòng)[^.;(]*?)(?:\s+theo quy định|[.;(]|$)/u.exec(aggregator)?.[1] ?? null) : null,
    aggregatorText: aggregator ? (/^\d+\.\s*((?:Sở|Văn phòng|Ban)\s[\p{L}\s&]+?)\s+(?:chủ trì|có trách nhiệm|là cơ quan|làm đầu mối)/u.exec(aggregator)?.[1] ?? null) : null,
    period: /(định kỳ\s+(?:6 tháng|sáu tháng|hằng quý|hàng quý|quý))/iu.exec(items.join(' '))?.[1] ?? null,
  };
}

/** "1. …", "2. …" items of a section, each joined into one line (until the next item or heading). */
function numberedItems(texts: readonly string[]): string[] {
  const items: string[] = [];
  for (const raw of texts) {
    const text = raw.trim();
    if (/^(?:[IVX]+\.|PHỤ LỤC|Nơi nhận)/u.test(text)) {
      if (items.length > 0) break;
      continue;
    }
    if (/^\d+\.\s/.test(text)) items.push(text);
    else if (items.length > 0 && text !== '') items[items.length - 1] += ` ${text}`;
  }
  return items.map((item) => item.replace(/\s+/g, ' ').trim());
}
