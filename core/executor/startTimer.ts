/**
 * Calls `onFire` after `ms` of clock time unless the returned `cancel` is called first.
 *
 * Most timers of a run (the run deadline, each attempt's timeout) are cancelled, not fired,
 * so cancelling must be cheap: with the real clock this is a plain setTimeout/clearTimeout.
 * Any other clock (a test's virtual clock) only offers `sleep(ms, signal)`; it is cancelled
 * through its signal with one shared reason, so no Error is built per cancelled timer.
 */
import { ConnectorError } from '../errors/ConnectorError.js';
import { systemClock, type Clock } from '../ports/index.js';

/** The reason a cancelled timer's sleep ends with; nobody ever sees it (the rejection is ignored). */
const TIMER_CANCELLED = new ConnectorError('CANCELLED', 'The timer was cancelled.');
const ignore = () => {};

export function startTimer(clock: Clock, ms: number, onFire: () => void): () => void {
  if (clock === systemClock) {
    const timer = setTimeout(onFire, Math.max(0, ms));
    return () => clearTimeout(timer);
  }
  const controller = new AbortController();
  // A sleep that ended just before the cancel still must not fire afterwards.
  clock.sleep(ms, controller.signal).then(() => {
    if (!controller.signal.aborted) onFire();
  }, ignore);
  return () => controller.abort(TIMER_CANCELLED);
}
