import { DEADLINE_KIND_LABELS, type Deadline } from '@dondoc/domain';

/** What a deadline means, in words: "tháng 12/2025", "giai đoạn 2025–2026, hạn cuối năm 2026", … */
export function explainDeadline(deadline: Deadline): string {
  switch (deadline.kind) {
    case 'month':
      return `tháng ${deadline.month}/${deadline.year}`;
    case 'year':
      return `năm ${deadline.year}`;
    case 'year-range':
      return `giai đoạn ${deadline.from}–${deadline.to}, hạn cuối năm ${deadline.to}`;
    case 'yearly':
      return 'hằng năm, theo lịch báo cáo của kế hoạch';
    case 'continuous':
      return 'thường xuyên, không có hạn cuối';
    case 'after-central-guidance':
      return 'chờ văn bản hướng dẫn của Trung ương';
    case 'first-then-continued':
      return `${explainDeadline(deadline.first)}, sau đó tiếp tục duy trì`;
  }
}

/** The table cell: the plan's wording, then its kind. */
export function deadlineCell(deadline: Deadline): string {
  return `${deadline.raw}\n[${DEADLINE_KIND_LABELS[deadline.kind]}]`;
}
