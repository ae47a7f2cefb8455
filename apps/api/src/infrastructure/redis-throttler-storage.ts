// Rate-limit counters in Redis, so every API replica counts against the same limit
// (in-process counters let two replicas double it). One Lua script per hit keeps the
// count, its window and the block atomic. Written here because the maintained
// adapter (@nest-lab/throttler-storage-redis) declares NestJS ≤ 11 only.
import { type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { Redis } from 'ioredis';

/** KEYS: hits, block. ARGV: window ms, limit, block ms. Returns hits, ms left in the window, blocked (0/1), ms left blocked. */
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local window = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then return {hits, window, 1, blocked} end
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return {hits, window, 1, tonumber(ARGV[3])}
end
return {hits, window, 0, 0}
`;

export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(redisUrl: string, private readonly prefix = 'dondoc:throttle') {
    this.redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:${throttlerName}:${key}`;
    const [totalHits, windowMs, blocked, blockMs] = (await this.redis.eval(HIT, 2, `${base}:hits`, `${base}:block`, ttl, limit, blockDuration || ttl)) as [number, number, number, number];
    // The guard wants seconds (Retry-After).
    return { totalHits, timeToExpire: Math.max(0, Math.ceil(windowMs / 1000)), isBlocked: blocked === 1, timeToBlockExpire: Math.max(0, Math.ceil(blockMs / 1000)) };
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
