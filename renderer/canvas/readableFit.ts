/**
 * Fit view that keeps the graph readable: the graph is fitted into the canvas minus padding, but
 * never below `minZoom` (text stays legible) nor above `maxZoom`. When it is too big to fit at
 * `minZoom`, it starts at its left (the Inputs node) and top, inside the padding, and the rest is
 * reached by panning — never centred so that its start slides off the left edge. Pure.
 */
export interface Rect { x: number; y: number; width: number; height: number }
export interface Padding { top: number; right: number; bottom: number; left: number }
export interface Viewport { x: number; y: number; zoom: number }

export interface ReadableFitOptions {
  minZoom: number;
  maxZoom: number;
  padding: Padding;
  /**
   * A box kept clear in the bottom-right corner (the minimap), when the graph is wider than the
   * canvas and would run under it: then the graph keeps above it if the height allows.
   */
  corner?: { width: number; height: number } | undefined;
}

export function readableViewport(bounds: Rect, canvas: { width: number; height: number }, { minZoom, maxZoom, padding, corner }: ReadableFitOptions): Viewport {
  const availWidth = Math.max(1, canvas.width - padding.left - padding.right);
  const availHeight = Math.max(1, canvas.height - padding.top - padding.bottom);
  const fitZoom = Math.min(availWidth / Math.max(1, bounds.width), availHeight / Math.max(1, bounds.height));
  const zoom = Math.min(maxZoom, Math.max(minZoom, fitZoom));
  const width = bounds.width * zoom;
  const height = bounds.height * zoom;
  const fitsAcross = width <= availWidth + 0.5;
  const x = fitsAcross ? padding.left + (availWidth - width) / 2 - bounds.x * zoom : padding.left - bounds.x * zoom;
  // Wider than the canvas with a minimap: the part right of the canvas edge would pass under it, so
  // the graph sits in the band above the minimap when it fits there.
  const cornerFree = corner && !fitsAcross ? corner.height + padding.bottom : 0;
  const bandHeight = canvas.height - padding.top - Math.max(padding.bottom, cornerFree);
  const band = height <= bandHeight + 0.5 ? bandHeight : availHeight;
  const y = height <= band + 0.5 ? padding.top + (band - height) / 2 - bounds.y * zoom : padding.top - bounds.y * zoom;
  return { x, y, zoom };
}
