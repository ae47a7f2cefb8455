// Cross-checks read the YAML data as loaded, not the schema's output, so they
// still run, and report, when some unrelated field of the file is invalid:
// a file's problems should all show up in one pass.
import type { FieldPath } from '@dondoc/schemas';
import { idSchema } from '@dondoc/schemas';

export function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

export function items(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Row ids may be written as numbers (`id: 3`); the schema reads them as text too. */
export function rowId(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isInteger(value) ? String(value) : undefined;
}

/** A value that is a well-formed id; malformed ones are the schema's to report. */
export function id(value: unknown): string | undefined {
  return idSchema.safeParse(value).success ? (value as string) : undefined;
}

/** Id references in a list, with their paths. */
export function idsAt(list: unknown, path: FieldPath): Array<{ id: string; path: FieldPath }> {
  return items(list).flatMap((value, index) => {
    const found = id(value);
    return found === undefined ? [] : [{ id: found, path: [...path, index] }];
  });
}
