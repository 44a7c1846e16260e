/**
 * A Clock whose time moves only when a test says so. `sleep` registers a timer;
 * `advance(ms)` fires due timers in time order, letting the code under test run
 * (microtasks and a macrotask turn) after each one. Tests wait for the executor to ask
 * for a sleep (`waitForSleep`) instead of guessing with real delays.
 */
import { abortReason, type Clock } from '../ports/index.js';

interface Timer {
  id: number;
  due: number;
  ms: number;
  resolve: () => void;
}

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
  let nextId = 1;
  const timers: Timer[] = [];
  const requested: number[] = [];
  const watchers: Array<{ match: (ms: number) => boolean; resolve: (ms: number) => void }> = [];

  return {
    requested,
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(abortReason(signal));
        requested.push(ms);
        // Like a real zero timeout: no one needs to advance time for it.
        if (ms <= 0) return void Promise.resolve().then(resolve);
        const timer: Timer = { id: nextId++, due: now + Math.max(0, ms), ms, resolve: () => {} };
        const onAbort = () => {
          const index = timers.indexOf(timer);
          if (index >= 0) timers.splice(index, 1);
          reject(abortReason(signal as AbortSignal));
        };
        timer.resolve = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        timers.push(timer);
        for (const watcher of [...watchers]) {
          if (watcher.match(ms)) {
            watchers.splice(watchers.indexOf(watcher), 1);
            watcher.resolve(ms);
          }
        }
      });
    },
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        await turn();
        timers.sort((a, b) => a.due - b.due || a.id - b.id);
        const first = timers[0];
        if (!first || first.due > target) break;
        timers.shift();
        now = first.due;
        first.resolve();
      }
      now = target;
      await turn();
    },
    pending: () => timers.map((timer) => timer.due - now),
    waitForSleep(match = () => true) {
      const existing = timers.find((timer) => match(timer.ms));
      if (existing) return Promise.resolve(existing.ms);
      return new Promise<number>((resolve) => watchers.push({ match, resolve }));
    },
  };
}
