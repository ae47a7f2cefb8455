import { isPageCursor, MAX_PAGE_SIZE } from '@dondoc/db';
import { z } from 'zod';

/** Query fields of every keyset-paginated list: the cursor is checked here, so a bad one is a 400, never a database error. */
export const pageQueryFields = {
  limit: z.coerce.number().int('Phải là số nguyên.').min(1).max(MAX_PAGE_SIZE).optional(),
  cursor: z.string().refine(isPageCursor, 'Mã trang không hợp lệ.').optional(),
};
