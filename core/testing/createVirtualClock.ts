/**
 * A clock for offline runs (mock and replay transports), where no real I/O happens: time
 * jumps to the next timer whenever everything else has settled. A mock's 2 s latency or a
 * "timeout" fault then costs no wall time, and records are deterministic.
 * Do not use it with a live transport: timers would fire before real answers arrive.
 */
import type { Clock } from '../ports/index.js';
import { createTimerQueue } from './timerQueue.js';

export function createVirtualClock(start = Date.UTC(2026, 0, 1)): Clock {
  let now = start;
  let scheduled = false;
  const timers = createTimerQueue();

  const fireNext = () => {
    scheduled = false;
    const next = timers.takeNext();
    if (!next) return;
    now = Math.max(now, next.due);
    next.fire();
    schedule();
  };
  // A macrotask runs only after every pending promise reaction: the run is idle by then.
  const schedule = () => {
    if (scheduled || timers.pending().length === 0) return;
    scheduled = true;
    setTimeout(fireNext, 0);
  };

  return {
    now: () => now,
    sleep(ms, signal) {
      const done = timers.add(now + Math.max(0, ms), ms, signal);
      schedule();
      return done;
    },
  };
}
