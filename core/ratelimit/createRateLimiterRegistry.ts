/**
 * Rate limits per connector (or per shared service key), per minute and per hour, with
 * the seed's two strategies: `queue` waits for a slot (cancellable), `fail` throws
 * RATE_LIMITED at once.
 *
 * Why not p-throttle (installed): it reads Date.now()/setTimeout directly (no injectable
 * clock, so the core could not be tested deterministically), has one window per throttle
 * (we need minute AND hour), only a global abort signal (we need per-request
 * cancellation), and no fail-fast mode. A sliding-window log over the injected Clock is a
 * few dozen lines and exact.
 *
 * `pauseUntil` is how retries and the limiter share one budget: when an API answers 429
 * with Retry-After, every request of that key waits, not just the one that got the 429.
 */
import { ConnectorError } from '../errors/ConnectorError.js';
import { abortReason, systemClock, type Clock } from '../ports/index.js';
import type { RateLimiterRegistry } from '../executor/types.js';
import { SlidingWindow } from './slidingWindow.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export type RateLimitSpec = Parameters<RateLimiterRegistry['acquire']>[1];

export interface RateLimiterRegistryWithPause extends RateLimiterRegistry {
  /** Holds every request of `key` until `untilMs` (clock time), e.g. after a 429 Retry-After. */
  pauseUntil(key: string, untilMs: number): void;
  /** Requests granted in the last minute / hour (for tests and status displays). */
  usage(key: string): { lastMinute: number; lastHour: number };
}

interface KeyState {
  minute: SlidingWindow;
  hour: SlidingWindow;
  pausedUntil: number;
  /** FIFO: each waiter chains on the previous one so queued requests keep their order. */
  tail: Promise<void>;
  /** Acquires in the queue; with none, a request that needs no wait is granted at once. */
  queued: number;
}

function waitForTurn(previous: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    void previous.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

export function createRateLimiterRegistry(clock: Clock = systemClock): RateLimiterRegistryWithPause {
  const states = new Map<string, KeyState>();
  const stateOf = (key: string): KeyState => {
    let state = states.get(key);
    if (!state) {
      state = { minute: new SlidingWindow(MINUTE_MS), hour: new SlidingWindow(HOUR_MS), pausedUntil: 0, tail: Promise.resolve(), queued: 0 };
      states.set(key, state);
    }
    return state;
  };

  const waitNeeded = (state: KeyState, limit: RateLimitSpec, now: number): { ms: number; why: string } => {
    const pause = Math.max(0, state.pausedUntil - now);
    const minute = limit.perMinute ? state.minute.waitMs(now, limit.perMinute) : 0;
    const hour = limit.perHour ? state.hour.waitMs(now, limit.perHour) : 0;
    const ms = Math.max(pause, minute, hour);
    const why = ms === pause && pause > 0 ? 'the API asked to wait (Retry-After)' : ms === hour ? `${limit.perHour} requests per hour` : `${limit.perMinute} requests per minute`;
    return { ms, why };
  };

  return {
    async acquire(key, limit, signal) {
      const state = stateOf(key);
      // The common case (nobody queued, a slot free) without the queue's promises and listeners.
      if (state.queued === 0) {
        if (signal.aborted) throw abortReason(signal);
        const now = clock.now();
        if (waitNeeded(state, limit, now).ms === 0) {
          state.minute.record(now);
          state.hour.record(now);
          return;
        }
      }
      state.queued += 1;
      const previous = state.tail;
      let release!: () => void;
      const mine = new Promise<void>((resolve) => (release = resolve));
      state.tail = previous.then(() => mine);
      try {
        await waitForTurn(previous, signal);
        for (;;) {
          const now = clock.now();
          const { ms, why } = waitNeeded(state, limit, now);
          if (ms === 0) {
            state.minute.record(now);
            state.hour.record(now);
            return;
          }
          if (limit.strategy === 'fail') {
            throw new ConnectorError('RATE_LIMITED', `Rate limit reached for "${key}" (${why}); the next slot is free in ${Math.ceil(ms / 1000)} s.`, {
              hint: 'Switch the rate limit strategy to "queue" to wait for a slot, raise the limit if the API allows it, or run fewer rows at once.',
            });
          }
          await clock.sleep(ms, signal);
        }
      } finally {
        state.queued -= 1;
        release();
      }
    },
    pauseUntil(key, untilMs) {
      const state = stateOf(key);
      state.pausedUntil = Math.max(state.pausedUntil, untilMs);
    },
    usage(key) {
      const state = stateOf(key);
      const now = clock.now();
      return { lastMinute: state.minute.count(now), lastHour: state.hour.count(now) };
    },
  };
}
