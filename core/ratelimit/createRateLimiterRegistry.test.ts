import { describe, expect, it } from 'vitest';
import { createRateLimiterRegistry } from './index.js';
import { createFakeClock } from '../test-helpers/fakeClock.js';
import { isConnectorError } from '../errors/ConnectorError.js';

const never = new AbortController().signal;

describe('createRateLimiterRegistry', () => {
  it('queue: grants up to the per-minute limit at once, then waits for the window to slide', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiterRegistry(clock);
    const limit = { perMinute: 2, strategy: 'queue' as const };
    await limiter.acquire('crm', limit, never);
    await clock.advance(10_000);
    await limiter.acquire('crm', limit, never);
    let third = false;
    const pending = limiter.acquire('crm', limit, never).then(() => (third = true));
    expect(await clock.waitForSleep()).toBe(50_000); // the first slot frees 60 s after it was taken
    await clock.advance(49_999);
    expect(third).toBe(false);
    await clock.advance(1);
    await pending;
    expect(third).toBe(true);
    expect(limiter.usage('crm').lastMinute).toBe(2);
  });

  it('fail: throws RATE_LIMITED with a hint instead of waiting', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiterRegistry(clock);
    const limit = { perMinute: 1, strategy: 'fail' as const };
    await limiter.acquire('crm', limit, never);
    const error = await limiter.acquire('crm', limit, never).catch((e: unknown) => e);
    expect(isConnectorError(error) && error.code).toBe('RATE_LIMITED');
    expect((error as Error & { hint: string }).hint).toMatch(/queue/);
    expect(clock.requested).toEqual([]);
  });

  it('enforces the per-hour window independently of the per-minute one', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiterRegistry(clock);
    const limit = { perMinute: 10, perHour: 3, strategy: 'fail' as const };
    for (let i = 0; i < 3; i += 1) {
      await limiter.acquire('k', limit, never);
      await clock.advance(61_000);
    }
    await expect(limiter.acquire('k', limit, never)).rejects.toMatchObject({ code: 'RATE_LIMITED', message: /per hour/ });
    await clock.advance(3_600_000);
    await expect(limiter.acquire('k', limit, never)).resolves.toBeUndefined();
  });

  it('keys are independent; a shared service key is one limit', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiterRegistry(clock);
    const limit = { perMinute: 1, strategy: 'fail' as const };
    await limiter.acquire('a', limit, never);
    await limiter.acquire('b', limit, never);
    await expect(limiter.acquire('a', limit, never)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('serves queued requests in order and a cancelled waiter leaves without a slot', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiterRegistry(clock);
    const limit = { perMinute: 1, strategy: 'queue' as const };
    await limiter.acquire('k', limit, never);
    const order: string[] = [];
    const cancel = new AbortController();
    const first = limiter.acquire('k', limit, never).then(() => order.push('first'));
    const cancelled = limiter.acquire('k', limit, cancel.signal).then(() => order.push('cancelled'), (e: unknown) => order.push(`cancelled:${(e as { code: string }).code}`));
    const third = limiter.acquire('k', limit, never).then(() => order.push('third'));
    await clock.waitForSleep();
    cancel.abort();
    await cancelled;
    await clock.advance(60_000);
    await first;
    await clock.advance(60_000);
    await third;
    expect(order).toEqual(['cancelled:CANCELLED', 'first', 'third']);
  });

  it('pauseUntil holds every request of the key (a 429 Retry-After)', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiterRegistry(clock);
    limiter.pauseUntil('k', clock.now() + 5_000);
    let granted = false;
    const p = limiter.acquire('k', { strategy: 'queue' }, never).then(() => (granted = true));
    expect(await clock.waitForSleep()).toBe(5_000);
    expect(granted).toBe(false);
    await clock.advance(5_000);
    await p;
    expect(granted).toBe(true);
  });
});
