import { DEFAULT_PAGE_SIZE, InvalidPageRequestError, MAX_PAGE_SIZE, pageCursor, pageLimit, toPage } from './page';

describe(pageLimit.name, () => {
  it('defaults and caps the page size', () => {
    expect(pageLimit(undefined)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageLimit(10)).toBe(10);
    expect(pageLimit(10_000)).toBe(MAX_PAGE_SIZE);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects %p', (limit) => {
    expect(() => pageLimit(limit)).toThrow(InvalidPageRequestError);
  });
});

describe(pageCursor.name, () => {
  it('accepts an id and treats absence as the first page', () => {
    expect(pageCursor('123')).toBe('123');
    expect(pageCursor('9223372036854775807')).toBe('9223372036854775807'); // bigint's maximum
    expect(pageCursor(undefined)).toBeNull();
    expect(pageCursor(null)).toBeNull();
  });

  it.each(['', '0', '01', 'abc', '1; drop table x', '9223372036854775808', '9999999999999999999', '99999999999999999999'])('rejects %j', (cursor) => {
    expect(() => pageCursor(cursor)).toThrow(InvalidPageRequestError);
  });
});

describe(toPage.name, () => {
  const rows = (...ids: number[]) => ids.map((id) => ({ id: String(id) }));

  it('points the cursor at the last item when one more row exists', () => {
    expect(toPage(rows(9, 8, 7), 2)).toEqual({ items: rows(9, 8), nextCursor: '8' });
  });

  it('has no cursor on the last page', () => {
    expect(toPage(rows(9, 8), 2)).toEqual({ items: rows(9, 8), nextCursor: null });
    expect(toPage([], 2)).toEqual({ items: [], nextCursor: null });
  });
});
