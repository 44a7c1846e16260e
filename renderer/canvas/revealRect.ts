/**
 * The smallest pan that brings a node fully into the canvas (inside `margin`), at the same zoom;
 * undefined when it is in view already. A node bigger than the canvas shows its top-left. Pure.
 */
import type { Rect, Viewport } from './readableFit.js';

export function revealRect(rect: Rect, viewport: Viewport, canvas: { width: number; height: number }, margin = 24): Viewport | undefined {
  const { zoom } = viewport;
  const shift = (start: number, size: number, room: number) => {
    const end = start + size;
    if (start < margin) return margin - start;
    if (end > room - margin) return Math.max(margin - start, room - margin - end);
    return 0;
  };
  const dx = shift(rect.x * zoom + viewport.x, rect.width * zoom, canvas.width);
  const dy = shift(rect.y * zoom + viewport.y, rect.height * zoom, canvas.height);
  if (dx === 0 && dy === 0) return undefined;
  return { x: viewport.x + dx, y: viewport.y + dy, zoom };
}
