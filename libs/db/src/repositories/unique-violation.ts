// Recognises PostgreSQL's unique_violation (23505) as raised through `pg`,
// optionally for one named constraint.

interface PgError {
  readonly code?: unknown;
  readonly constraint?: unknown;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated } = error as PgError;
  return code === '23505' && (constraint === undefined || violated === constraint);
}
