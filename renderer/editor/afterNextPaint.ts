/**
 * Runs `task` once the browser has painted the next frame: a timer set from an animation-frame
 * callback fires after that frame's rendering. Work a keystroke can wait for then never holds
 * back the frame that shows the keystroke. Returns a function that cancels it.
 */
export function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => { timer = setTimeout(task, 0); });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
