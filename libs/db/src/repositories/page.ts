// Keyset pagination over bigint identity ids, newest first. A cursor is the
// id of the last row of the previous page, so pages stay stable while new
// rows keep arriving (offsets would shift).

export interface PageRequest {
  /** @defaultValue 50, at most 500 */
  readonly limit?: number;
  /** `nextCursor` of the previous page; omit for the first page. */
  readonly cursor?: string | null;
}

export interface Page<T> {
  readonly items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export class InvalidPageRequestError extends RangeError {
  override readonly name = 'InvalidPageRequestError';
}

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidPageRequestError(`page limit must be a positive integer, got ${limit}`);
  return Math.min(limit, MAX_PAGE_SIZE);
}

/** PostgreSQL's bigint maximum: a longer-looking cursor can't be an id and would make the query fail. */
const MAX_BIGINT = 9223372036854775807n;

/** Whether `cursor` is a row id a page can start below: a positive bigint, in decimal. */
export function isPageCursor(cursor: string): boolean {
  return /^[1-9][0-9]{0,18}$/.test(cursor) && BigInt(cursor) <= MAX_BIGINT;
}

/** The id below which the page starts, or null for the first page. */
export function pageCursor(cursor: string | null | undefined): string | null {
  if (cursor === undefined || cursor === null) return null;
  if (!isPageCursor(cursor)) throw new InvalidPageRequestError(`invalid page cursor ${JSON.stringify(cursor)}`);
  return cursor;
}

/** Builds a page from rows fetched with `limit + 1`: the extra row only tells that more exist. */
export function toPage<T extends { readonly id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? last.id : null };
}
