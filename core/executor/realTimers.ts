/**
 * Real-clock timers for the executor, all served by one host timer. A run starts a deadline and
 * one timeout per attempt, and nearly all of them are cancelled long before they fire. With one
 * setTimeout each, every run made and destroyed the host's timer bookkeeping several times
 * (Node: a timer list per duration, its priority queue, the event loop's ref count), which was a
 * measurable share of a fast run (bench/README.md). Here a cancel only marks its entry; the host
 * timer is armed for the earliest entry and moved only when an earlier one comes, and it is
 * cleared as soon as nothing is pending, so it never keeps a finished process alive.
 *
 * Timers fire in order of their due time (ties in the order they were started), never before
 * `ms` have passed on the monotonic clock.
 */

interface Entry {
  at: number;
  seq: number;
  onFire: (() => void) | undefined;
}

/** Pending entries, earliest first (a binary heap); cancelled ones stay until they reach the top. */
const heap: Entry[] = [];
let live = 0;
let seq = 0;
let handle: TimerHandle | undefined;
let handleAt = Infinity;

const earlier = (a: Entry, b: Entry) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

function push(entry: Entry): void {
  let i = heap.push(entry) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!earlier(entry, heap[parent] as Entry)) break;
    heap[i] = heap[parent] as Entry;
    i = parent;
  }
  heap[i] = entry;
}

function pop(): Entry | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0 && last) {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && earlier(heap[right] as Entry, heap[left] as Entry) ? right : left;
      if (!earlier(heap[child] as Entry, last)) break;
      heap[i] = heap[child] as Entry;
      i = child;
    }
    heap[i] = last;
  }
  return top;
}

function disarm(): void {
  if (handle !== undefined) clearTimeout(handle);
  handle = undefined;
  handleAt = Infinity;
}

function arm(at: number): void {
  disarm();
  handleAt = at;
  handle = setTimeout(fireDue, Math.max(0, Math.ceil(at - performance.now())));
}

function fireDue(): void {
  handle = undefined;
  handleAt = Infinity;
  const now = performance.now();
  const due: Array<() => void> = [];
  while (heap.length > 0 && (heap[0] as Entry).at <= now) {
    const entry = pop() as Entry;
    if (entry.onFire) {
      due.push(entry.onFire);
      entry.onFire = undefined;
      live -= 1;
    }
  }
  while (heap.length > 0 && !(heap[0] as Entry).onFire) pop();
  // Re-armed before the callbacks run: one of them may start or cancel timers.
  if (heap.length > 0) arm((heap[0] as Entry).at);
  for (const onFire of due) onFire();
}

/** Many runs at once (a server worker) keep some timer pending all the time: cancelled entries are dropped in bulk. */
const COMPACT_AT = 1024;

function compact(): void {
  const kept = heap.filter((entry) => entry.onFire).sort((a, b) => (earlier(a, b) ? -1 : 1));
  // A sorted array is a valid heap.
  heap.length = 0;
  heap.push(...kept);
}

/** Calls `onFire` after `ms` unless the returned `cancel` is called first. */
export function startRealTimer(ms: number, onFire: () => void): () => void {
  const entry: Entry = { at: performance.now() + Math.max(0, ms), seq: seq++, onFire };
  push(entry);
  live += 1;
  if (entry.at < handleAt) arm(entry.at);
  return () => {
    if (!entry.onFire) return;
    entry.onFire = undefined;
    live -= 1;
    if (live === 0) {
      // Nothing pending: forget the cancelled entries and let the process exit.
      heap.length = 0;
      disarm();
    } else if (heap.length > COMPACT_AT && heap.length > 4 * live) {
      compact();
    }
  };
}

/** How many timers are pending (for tests). */
export function pendingRealTimers(): number {
  return live;
}
