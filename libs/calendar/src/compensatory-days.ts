// Nghỉ bù: "Nếu ngày nghỉ hằng tuần trùng với ngày nghỉ lễ, tết … thì người lao
// động được nghỉ bù ngày nghỉ hằng tuần vào ngày làm việc kế tiếp"
// (Bộ luật Lao động 2019, Điều 111 khoản 3).
import type { IsoDate } from '@dondoc/domain';

import { addDays, isWeekend } from './civil-day';
import { OCCASION_NAMES, type DayOff } from './holiday';

/**
 * The compensatory days for holidays that fall on a Saturday or Sunday, each
 * on the next weekday that is not already off. Holidays are taken in date
 * order, so a Tết spanning a whole weekend yields two days after it.
 *
 * @param holidays the holidays owed compensation (one per date counts once)
 * @param isOff whether a weekday is already a day off for another reason
 */
export function compensatoryDays(holidays: readonly DayOff[], isOff: (date: IsoDate) => boolean): DayOff[] {
  const onWeekend = [...new Map(holidays.filter((h) => isWeekend(h.date)).map((h) => [h.date, h])).values()];
  onWeekend.sort((a, b) => a.date.localeCompare(b.date));
  const given = new Set<IsoDate>();
  return onWeekend.map((holiday) => {
    let date = addDays(holiday.date, 1);
    while (isWeekend(date) || isOff(date) || given.has(date)) date = addDays(date, 1);
    given.add(date);
    return {
      date,
      name: `Nghỉ bù ${OCCASION_NAMES[holiday.occasion]}`,
      occasion: holiday.occasion,
      kind: 'compensatory',
      compensatesFor: holiday.date,
      source: 'computed',
    };
  });
}
