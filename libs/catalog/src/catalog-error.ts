/** A caller asked the catalog about something a validated catalog cannot contain: a programming error. */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
}
