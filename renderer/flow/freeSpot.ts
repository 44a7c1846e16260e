/**
 * Where a new step goes on the canvas: `wanted`, or the first spot below it that no step
 * occupies, so a new node never lands on top of another (and hides it from clicks). Pure.
 */
export interface Point { x: number; y: number }

/** A step node's footprint on the canvas, with some air around it. */
const FOOTPRINT = { width: 260, height: 110 };
const ROW = 140;

export function freeSpot(wanted: Point, occupied: readonly Point[]): Point {
  const taken = (p: Point) => occupied.some((o) => Math.abs(o.x - p.x) < FOOTPRINT.width && Math.abs(o.y - p.y) < FOOTPRINT.height);
  let spot = wanted;
  // Bounded: one more row than there are steps is always free.
  for (let i = 0; i <= occupied.length && taken(spot); i++) spot = { x: wanted.x, y: wanted.y + (i + 1) * ROW };
  return spot;
}
