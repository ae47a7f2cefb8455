// PGlite is one PostgreSQL backend with one session. Many client connections
// can share it only if each one owns the whole session from the first message
// of a request until the backend is idle again (ReadyForQuery outside a
// transaction): the unnamed prepared statement, portals and an open
// transaction all live in that single session. This lock hands the session to
// one connection at a time, first come first served.

export class SessionLockTimeoutError extends Error {
  override readonly name = 'SessionLockTimeoutError';

  constructor(
    readonly waitedMs: number,
    readonly holder: number | null,
  ) {
    super(
      `the embedded database is busy: connection #${holder ?? '?'} has held its session for over ${waitedMs} ms ` +
        '(an open transaction waiting on this one would deadlock)',
    );
  }
}

/** Rejects the pending acquire of a connection that went away while waiting. */
export class SessionAbandonedError extends Error {
  override readonly name = 'SessionAbandonedError';
}

interface Waiter {
  readonly owner: number;
  readonly grant: () => void;
  readonly fail: (error: Error) => void;
}

export class SessionLock {
  private owner: number | null = null;
  private readonly waiters: Waiter[] = [];

  get holder(): number | null {
    return this.owner;
  }

  isHeldBy(owner: number): boolean {
    return this.owner === owner;
  }

  /**
   * Resolves once `owner` holds the session. Re-entrant for the current holder.
   * Rejects with SessionLockTimeoutError after `timeoutMs` (no timeout when undefined).
   */
  acquire(owner: number, timeoutMs?: number): Promise<void> {
    if (this.owner === owner) return Promise.resolve();
    if (this.owner === null && this.waiters.length === 0) {
      this.owner = owner;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => waiter.fail(new SessionLockTimeoutError(timeoutMs, this.owner)), timeoutMs);
      const settle = (): void => {
        if (timer) clearTimeout(timer);
        this.remove(waiter);
      };
      const waiter: Waiter = {
        owner,
        grant: () => {
          settle();
          resolve();
        },
        fail: (error) => {
          settle();
          reject(error);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Gives the session to the next waiter. A no-op for anyone but the holder. */
  release(owner: number): void {
    if (this.owner !== owner) return;
    const next = this.waiters[0];
    this.owner = next ? next.owner : null;
    next?.grant();
  }

  /** Fails every queued request of `owner`, e.g. when its client disconnected. */
  abandon(owner: number): void {
    for (const waiter of this.waiters.filter((w) => w.owner === owner)) {
      waiter.fail(new SessionAbandonedError(`connection #${owner} closed while waiting`));
    }
  }

  private remove(waiter: Waiter): void {
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) this.waiters.splice(index, 1);
  }
}
