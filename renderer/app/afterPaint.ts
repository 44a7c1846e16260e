/**
 * Runs `task` once the next frame has been painted (or after `fallbackMs` when no frame comes, as
 * in a hidden window, where requestAnimationFrame does not fire). For work a screen starts when it
 * mounts but nobody waits for (badges, status, prefetches): its fetches and the renders they cause
 * then land after the screen is on screen, not between its commit and its first paint.
 */
export function afterNextPaint(task: () => void, fallbackMs = 250): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    task();
  };
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => { timeout = setTimeout(run, 0); }) : undefined;
  const fallback = setTimeout(run, fallbackMs);
  function cancel() {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timeout);
    clearTimeout(fallback);
  }
  return () => {
    done = true;
    cancel();
  };
}
