// Words for YAML values in messages: civil servants know "danh sách" and
// "chuỗi", not "array" and "string".

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'chuỗi văn bản',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  array: 'danh sách',
  object: 'khối "khoá: giá trị"',
  null: 'null',
};

export function describeExpected(expected: string): string {
  return EXPECTED[expected] ?? expected;
}

/** "chuỗi "abc"", "số 3.5", "danh sách", … */
export function describeValue(value: unknown): string {
  if (value === null) return 'null (để trống)';
  if (Array.isArray(value)) return 'danh sách';
  switch (typeof value) {
    case 'string':
      return `chuỗi ${preview(value)}`;
    case 'number':
      return Number.isInteger(value) ? `số nguyên ${value}` : `số ${value}`;
    case 'boolean':
      return `giá trị ${String(value)}`;
    case 'object':
      return 'khối "khoá: giá trị"';
    default:
      return typeof value;
  }
}

/** A short quoted excerpt of a text value. */
export function preview(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine}"`;
}
