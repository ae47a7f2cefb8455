/** `read` at most once per `ttlMs`: scrapes in between reuse its last answer (a scrape must not cost six Temporal counts). */
export function cachedFor<T>(ttlMs: number, read: () => Promise<T>, now: () => number = Date.now): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | null = null;
  return () => {
    if (last && now() - last.at < ttlMs) return last.value;
    const value = read();
    last = { at: now(), value };
    // A failed read is not kept: the next scrape tries again.
    value.catch(() => (last = null));
    return value;
  };
}
