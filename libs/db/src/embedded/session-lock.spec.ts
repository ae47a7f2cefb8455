import { SessionAbandonedError, SessionLock, SessionLockTimeoutError } from './session-lock';

describe(SessionLock.name, () => {
  let sut: SessionLock;

  beforeEach(() => {
    sut = new SessionLock();
  });

  it('grants a free session at once and again to its holder', async () => {
    await sut.acquire(1);
    await sut.acquire(1);
    expect(sut.holder).toBe(1);
  });

  it('hands the session over in arrival order', async () => {
    await sut.acquire(1);
    const order: number[] = [];
    const second = sut.acquire(2).then(() => order.push(2));
    const third = sut.acquire(3).then(() => order.push(3));
    sut.release(1);
    await second;
    expect(sut.holder).toBe(2);
    sut.release(2);
    await third;
    expect(order).toEqual([2, 3]);
  });

  it('ignores a release by anyone but the holder', async () => {
    await sut.acquire(1);
    sut.release(2);
    expect(sut.holder).toBe(1);
  });

  it('fails a waiter after its timeout and forgets it', async () => {
    jest.useFakeTimers();
    try {
      await sut.acquire(1);
      const waiting = sut.acquire(2, 1_000);
      jest.advanceTimersByTime(1_000);
      await expect(waiting).rejects.toThrow(SessionLockTimeoutError);
      await expect(waiting).rejects.toThrow(/connection #1/);
      sut.release(1);
      expect(sut.holder).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  it('fails the waiters of a connection that went away', async () => {
    await sut.acquire(1);
    const waiting = sut.acquire(2);
    sut.abandon(2);
    await expect(waiting).rejects.toThrow(SessionAbandonedError);
    sut.release(1);
    expect(sut.holder).toBeNull();
  });
});
