// A deadline cell read the way the catalog will read it (libs/schemas'
// parseDeadline, so a draft never disagrees with `dondoc plan validate`), plus
// the forms plans use that the catalog has no kind for yet: a quarter
// ("Quý II/2026") and a day ("trước ngày 30/6/2026"). Those keep their text in
// the draft and are flagged with what they mean and how to write them.
import type { DeadlineKind } from '@dondoc/domain';
import { parseDeadline } from '@dondoc/schemas';

export type DeadlineReading =
  | { readonly status: 'catalog'; readonly kind: DeadlineKind; readonly raw: string }
  | {
      readonly status: 'not-in-catalog';
      readonly kind: 'quarter' | 'day';
      readonly raw: string;
      /** ISO date the work is due by. */
      readonly dueBy: string;
      /** Vietnamese: what the cell means and which catalog wording would keep the reminder on time. */
      readonly advice: string;
    }
  | { readonly status: 'unreadable'; readonly raw: string; readonly reason: string };

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const QUARTER = /^(?:trong |trước |hết |cuối )?quý\s+(i{1,3}|iv|[1-4])\s*(?:\/|năm|-)\s*(\d{4})$/iu;
const DAY = /^(?:trước |chậm nhất |hạn |đến |trong )?(?:ngày\s+)?(\d{1,2})\s*(?:\/|-|tháng)\s*(\d{1,2})\s*(?:\/|-|năm)\s*(\d{4})$/iu;

export function interpretDeadline(raw: string): DeadlineReading {
  const parsed = parseDeadline(raw);
  if (parsed.ok) return { status: 'catalog', kind: parsed.deadline.kind, raw };
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/[.;]$/, '');

  const quarter = QUARTER.exec(text);
  if (quarter?.[1] && quarter[2]) {
    const q = ROMAN[quarter[1].toLowerCase()] ?? Number(quarter[1]);
    const lastMonth = q * 3;
    const year = Number(quarter[2]);
    return {
      status: 'not-in-catalog',
      kind: 'quarter',
      raw,
      dueBy: `${year}-${pad(lastMonth)}-${pad(daysIn(lastMonth, year))}`,
      advice: `hạn theo quý (hết quý ${q}/${year}); danh mục chưa có loại này, ghi "${lastMonth}/${year}" để nhắc đúng hạn cuối quý`,
    };
  }
  const day = DAY.exec(text);
  if (day?.[1] && day[2] && day[3]) {
    const [d, m, y] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysIn(m, y)) {
      const endOfMonth = d === daysIn(m, y);
      return {
        status: 'not-in-catalog',
        kind: 'day',
        raw,
        dueBy: `${y}-${pad(m)}-${pad(d)}`,
        advice: endOfMonth
          ? `hạn theo ngày (${d}/${m}/${y}, cuối tháng); danh mục chưa có loại này, ghi "${m}/${y}" là đúng hạn`
          : `hạn theo ngày (${d}/${m}/${y}); danh mục chỉ có hạn theo tháng: ghi "${m}/${y}" sẽ nhắc muộn ${daysIn(m, y) - d} ngày, ghi "${m === 1 ? 12 : m - 1}/${m === 1 ? y - 1 : y}" sẽ nhắc sớm hơn`,
      };
    }
  }
  return { status: 'unreadable', raw, reason: parsed.message };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
