/**
 * A sliding-window log: the times of the requests granted in the last `windowMs`.
 * Exact (no burst at window edges), and small: at most `limit` entries are kept.
 */
export class SlidingWindow {
  private readonly times: number[] = [];
  private head = 0;

  constructor(readonly windowMs: number) {}

  private prune(now: number): void {
    while (this.head < this.times.length && (this.times[this.head] as number) <= now - this.windowMs) this.head += 1;
    // Compact now and then so the array does not grow forever.
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
  }

  count(now: number): number {
    this.prune(now);
    return this.times.length - this.head;
  }

  /** How long until a request may go, given `limit` per window (0 = now). */
  waitMs(now: number, limit: number): number {
    const inWindow = this.count(now);
    if (inWindow < limit) return 0;
    // The slot frees when the request `inWindow - limit` places from the oldest leaves the window.
    const freeing = this.times[this.head + inWindow - limit] as number;
    return Math.max(1, freeing + this.windowMs - now);
  }

  record(now: number): void {
    this.times.push(now);
  }
}
