import { cachedFor } from './cached-for';

describe(cachedFor.name, () => {
  it('reads at most once per window, and again after it', async () => {
    let clock = 0;
    const read = jest.fn(async () => clock);
    const counts = cachedFor(30_000, read, () => clock);
    expect(await counts()).toBe(0);
    clock = 29_999;
    expect(await counts()).toBe(0);
    expect(read).toHaveBeenCalledTimes(1);
    clock = 30_000;
    expect(await counts()).toBe(30_000);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed read', async () => {
    const read = jest.fn().mockRejectedValueOnce(new Error('Temporal unavailable')).mockResolvedValueOnce(7);
    const counts = cachedFor(30_000, read, () => 0);
    await expect(counts()).rejects.toThrow('Temporal unavailable');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await counts()).toBe(7);
  });
});
