// Schema names end up inside SQL text (SET search_path, CREATE SCHEMA), where
// no bind parameters are possible; only plain lower-case identifiers are accepted.

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export class InvalidSchemaNameError extends Error {
  override readonly name = 'InvalidSchemaNameError';
}

/** Returns the schema name double-quoted for SQL, or throws for anything but [a-z_][a-z0-9_]{0,62}. */
export function quoteSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new InvalidSchemaNameError(
      `invalid schema name ${JSON.stringify(schema)}: use 1–63 characters a-z, 0-9 and _, not starting with a digit`,
    );
  }
  return `"${schema}"`;
}
