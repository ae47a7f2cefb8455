// Column shapes shared by several tables.
import type { ColumnType } from 'kysely';

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * A jsonb column: read back as the parsed value, written as JSON text.
 * Writing text is deliberate: `pg` turns a JavaScript array into a PostgreSQL
 * array literal, not JSON, so every write goes through `toJsonb`.
 */
export type Jsonb<T> = ColumnType<T, string, string>;

/** A timestamptz the database fills in (default now()) and nobody changes afterwards. */
export type CreatedAt = ColumnType<Date, Date | undefined, never>;

/** A bigint identity; `pg` returns int8 as a string so that no precision is lost. */
export type IdentityId = ColumnType<string, never, never>;

export function toJsonb(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('cannot store undefined (or a function) as jsonb');
  return text;
}
