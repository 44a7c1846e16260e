/**
 * The minimap never covers a node: it sits in the canvas's bottom-right corner (React Flow's panel
 * margin from the edges) and steps aside while any node is drawn under it — e.g. after panning a graph
 * wider than the canvas. Pure geometry here; Canvas reads React Flow's store with it.
 */
export interface Box { x: number; y: number; width: number; height: number }

/** React Flow's `.react-flow__panel` margin. */
export const PANEL_MARGIN = 15;

/** Where the minimap is drawn in a canvas of that size. */
export function minimapBox(canvas: { width: number; height: number }, size: { width: number; height: number }): Box {
  return { x: canvas.width - PANEL_MARGIN - size.width, y: canvas.height - PANEL_MARGIN - size.height, width: size.width, height: size.height };
}

/** Whether any of the boxes (nodes on screen) overlaps `area`. */
export function anyOverlaps(area: Box, boxes: Iterable<Box>): boolean {
  for (const b of boxes) if (b.x < area.x + area.width && b.x + b.width > area.x && b.y < area.y + area.height && b.y + b.height > area.y) return true;
  return false;
}
