/**
 * The abortable, time-ordered timer list behind the clocks that do not wait in real time:
 * `createVirtualClock` (offline runs) and the tests' fake clock. They differ only in *when*
 * time moves (by itself when idle, or when a test says so); this is the part they share.
 */
import { abortReason } from '../ports/index.js';

export interface DueTimer {
  readonly due: number;
  /** The duration that was asked for. */
  readonly ms: number;
  /** Resolves the sleep that created the timer. */
  fire(): void;
}

export interface TimerQueue {
  /** Resolves when the timer is fired; rejects with the signal's reason if aborted first (the timer is then dropped). */
  add(due: number, ms: number, signal?: AbortSignal): Promise<void>;
  /** Removes and returns the earliest timer due at or before `until` (same due time: first added first). */
  takeNext(until?: number): DueTimer | undefined;
  /** The timers still pending, earliest first. */
  pending(): readonly DueTimer[];
}

interface Timer extends DueTimer {
  order: number;
}

export function createTimerQueue(): TimerQueue {
  let order = 0;
  const timers: Timer[] = [];
  const sort = () => timers.sort((a, b) => a.due - b.due || a.order - b.order);

  return {
    add(due, ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(abortReason(signal));
        const onAbort = () => {
          const index = timers.indexOf(timer);
          if (index >= 0) timers.splice(index, 1);
          reject(abortReason(signal as AbortSignal));
        };
        const timer: Timer = {
          due,
          ms,
          order: order++,
          fire: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        timers.push(timer);
      });
    },
    takeNext(until = Number.POSITIVE_INFINITY) {
      sort();
      const first = timers[0];
      if (!first || first.due > until) return undefined;
      return timers.shift();
    },
    pending: () => [...sort()],
  };
}
