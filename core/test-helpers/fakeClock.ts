/**
 * A Clock whose time moves only when a test says so. `sleep` registers a timer;
 * `advance(ms)` fires due timers in time order, letting the code under test run
 * (microtasks and a macrotask turn) after each one. Tests wait for the executor to ask
 * for a sleep (`waitForSleep`) instead of guessing with real delays.
 */
import { abortReason, type Clock } from '../ports/index.js';
import { createTimerQueue } from '../testing/timerQueue.js';

export interface FakeClock extends Clock {
  advance(ms: number): Promise<void>;
  /** Every duration ever requested, in order. */
  readonly requested: number[];
  /** Durations of the timers still pending. */
  pending(): number[];
  /** Resolves with the duration of the first pending (or next) sleep that matches. */
  waitForSleep(match?: (ms: number) => boolean): Promise<number>;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createFakeClock(start = 1_700_000_000_000): FakeClock {
  let now = start;
  const timers = createTimerQueue();
  const requested: number[] = [];
  const watchers: Array<{ match: (ms: number) => boolean; resolve: (ms: number) => void }> = [];

  return {
    requested,
    now: () => now,
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      requested.push(ms);
      // Like a real zero timeout: no one needs to advance time for it.
      if (ms <= 0) return new Promise<void>((resolve) => void Promise.resolve().then(resolve));
      const done = timers.add(now + ms, ms, signal);
      for (const watcher of [...watchers]) {
        if (watcher.match(ms)) {
          watchers.splice(watchers.indexOf(watcher), 1);
          watcher.resolve(ms);
        }
      }
      return done;
    },
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        await turn();
        const next = timers.takeNext(target);
        if (!next) break;
        now = next.due;
        next.fire();
      }
      now = target;
      await turn();
    },
    pending: () => timers.pending().map((timer) => timer.due - now),
    waitForSleep(match = () => true) {
      const existing = timers.pending().find((timer) => match(timer.ms));
      if (existing) return Promise.resolve(existing.ms);
      return new Promise<number>((resolve) => watchers.push({ match, resolve }));
    },
  };
}
