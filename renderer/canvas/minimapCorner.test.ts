import { describe, expect, it } from 'vitest';
import { anyOverlaps, minimapBox } from './minimapCorner.js';

describe('minimap corner', () => {
  const area = minimapBox({ width: 1000, height: 600 }, { width: 160, height: 110 });
  it('sits in the bottom-right corner, inside the panel margin', () => {
    expect(area).toEqual({ x: 825, y: 475, width: 160, height: 110 });
  });
  it('is covered by a node that overlaps it, not by one beside or above it', () => {
    expect(anyOverlaps(area, [{ x: 800, y: 500, width: 240, height: 60 }])).toBe(true);
    expect(anyOverlaps(area, [{ x: 500, y: 500, width: 240, height: 60 }, { x: 850, y: 300, width: 240, height: 60 }])).toBe(false);
    // Touching edges is not covering.
    expect(anyOverlaps(area, [{ x: 585, y: 475, width: 240, height: 60 }])).toBe(false);
    expect(anyOverlaps(area, [])).toBe(false);
  });
});
