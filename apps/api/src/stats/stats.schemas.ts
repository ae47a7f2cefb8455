import { STATISTICS_CATEGORIES, STATISTICS_CATEGORY_LABELS } from '@dondoc/domain';
import { z } from 'zod';

import { DIGIT, LETTER } from '../common/text-patterns';
import { idText, isoDate } from '../tasks/task.schemas';

// GET /stats: validation and the OpenAPI document both come from here.

export const statsQuerySchema = z
  .object({
    plan: idText.optional().describe('Mã kế hoạch'),
    agency: idText.optional().describe('Mã cơ quan chủ trì'),
    group: z.string().trim().min(1).max(20).regex(new RegExp(`^[${LETTER}${DIGIT}.-]+$`), 'Nhóm nhiệm vụ như trong kế hoạch, ví dụ II.').optional().describe('Nhóm nhiệm vụ của kế hoạch (I, II, …)'),
    from: isoDate.optional().describe('Chỉ các kỳ có hạn từ ngày này (YYYY-MM-DD)'),
    to: isoDate.optional().describe('Chỉ các kỳ có hạn đến ngày này (YYYY-MM-DD)'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ['to'], message: 'Ngày kết thúc phải không trước ngày bắt đầu.' });
export type StatsQuery = z.infer<typeof statsQuerySchema>;

const count = z.number().int().min(0);
export const statisticsCountsSchema = z.object({
  total: count.describe('Số kỳ nhiệm vụ, không kể đã hủy'),
  categories: z.object(Object.fromEntries(STATISTICS_CATEGORIES.map((category) => [category, count.describe(STATISTICS_CATEGORY_LABELS[category])])) as Record<(typeof STATISTICS_CATEGORIES)[number], typeof count>),
  proposed: count.describe('Đề nghị hoàn thành đang chờ Sở KH&CN xác nhận (đã tính trong chưa hoàn thành)'),
  overdueAge: z.object({ upTo30: count, from31To90: count, over90: count }).describe('Chưa hoàn thành, quá hạn: theo số ngày quá hạn'),
  daysLate: count.describe('Tổng số ngày quá hạn của các kỳ hoàn thành quá hạn'),
});

export const statsSchema = z.object({
  today: z.string().describe('Ngày tính (giờ Việt Nam): nhiệm vụ chưa xong có hạn trước ngày này là quá hạn'),
  categories: z.array(z.object({ id: z.enum(STATISTICS_CATEGORIES), label: z.string() })).describe('Các nhóm thống kê và tên tiếng Việt'),
  overall: statisticsCountsSchema,
  byPlan: z.array(z.object({ planId: z.string(), counts: statisticsCountsSchema })),
  byAgency: z.array(z.object({ agencyId: z.string(), counts: statisticsCountsSchema })),
  byGroup: z.array(z.object({ planId: z.string(), group: z.string().nullable(), counts: statisticsCountsSchema })),
});
