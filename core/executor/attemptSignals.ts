/**
 * The signals a run's attempts hand to the transport. An attempt's signal aborts when the run
 * stops or when the attempt times out. Most attempts end with their signal untouched, and
 * such a signal can serve the next attempt as is: the pool keeps those, so a run creates one
 * controller per concurrently running attempt instead of one per attempt (an AbortController,
 * its listener on the run signal, and their cleanup are a measurable share of a fast run).
 */
export interface AttemptSignals {
  /** A controller that is not aborted and follows the run signal. */
  acquire(): AbortController;
  /** Hands a controller back once its attempt is over; an aborted one is dropped. */
  release(controller: AbortController): void;
}

export function createAttemptSignals(runSignal: AbortSignal): AttemptSignals {
  const idle: AbortController[] = [];
  return {
    acquire() {
      const reused = idle.pop();
      if (reused && !reused.signal.aborted) return reused;
      const controller = new AbortController();
      // The run signal lives as long as the run, like every controller made here.
      runSignal.addEventListener('abort', () => controller.abort(runSignal.reason), { once: true });
      return controller;
    },
    release(controller) {
      if (!controller.signal.aborted) idle.push(controller);
    },
  };
}
