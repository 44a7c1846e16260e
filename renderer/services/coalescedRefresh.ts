/**
 * Turns a burst of "something changed" signals into few refreshes. A `git pull` or a sync
 * download reports one change per file; listing the workspace once per file would send
 * hundreds of identical requests. Requests are gathered for `delayMs` (counted from the
 * first one, so a steady stream still refreshes regularly), at most one refresh runs at a
 * time, and requests that arrive while one runs cause exactly one more after it.
 */
export interface RefreshTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: RefreshTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class CoalescedRefresh {
  private timer: unknown = undefined;
  private running = false;
  private requestedWhileRunning = false;
  private disposed = false;

  constructor(
    private readonly refresh: () => Promise<void>,
    private readonly delayMs = 150,
    private readonly timers: RefreshTimers = browserTimers,
  ) {}

  request(): void {
    if (this.disposed) return;
    if (this.running) {
      this.requestedWhileRunning = true;
      return;
    }
    if (this.timer !== undefined) return; // already gathered into the coming refresh
    this.timer = this.timers.setTimeout(() => void this.run(), this.delayMs);
  }

  /** Drops a pending refresh; nothing runs after this. */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    if (this.disposed) return;
    this.running = true;
    try {
      await this.refresh();
    } catch {
      // the refresh reports its own errors; a failure must not stop later refreshes
    } finally {
      this.running = false;
    }
    if (this.requestedWhileRunning) {
      this.requestedWhileRunning = false;
      this.request();
    }
  }
}
