/**
 * A clock for offline runs (mock and replay transports), where no real I/O happens: time
 * jumps to the next timer whenever everything else has settled. A mock's 2 s latency or a
 * "timeout" fault then costs no wall time, and records are deterministic.
 * Do not use it with a live transport: timers would fire before real answers arrive.
 */
import { abortReason, type Clock } from '../ports/index.js';

interface Timer {
  due: number;
  order: number;
  resolve: () => void;
}

export function createVirtualClock(start = Date.UTC(2026, 0, 1)): Clock {
  let now = start;
  let order = 0;
  let scheduled = false;
  const timers: Timer[] = [];

  const fireNext = () => {
    scheduled = false;
    timers.sort((a, b) => a.due - b.due || a.order - b.order);
    const next = timers.shift();
    if (!next) return;
    now = Math.max(now, next.due);
    next.resolve();
    schedule();
  };
  // A macrotask runs only after every pending promise reaction: the run is idle by then.
  const schedule = () => {
    if (scheduled || timers.length === 0) return;
    scheduled = true;
    setTimeout(fireNext, 0);
  };

  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(abortReason(signal));
        const timer: Timer = { due: now + Math.max(0, ms), order: order++, resolve: () => {} };
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
        schedule();
      });
    },
  };
}
