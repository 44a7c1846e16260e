import { describe, expect, it } from 'vitest';
import { readableViewport } from './readableFit.js';

const padding = { top: 24, right: 24, bottom: 24, left: 56 };
const options = { minZoom: 0.85, maxZoom: 1.2, padding };

describe('readableViewport', () => {
  it('centres a graph that fits, zoomed as far as it fits (up to maxZoom)', () => {
    // 400 × 100 into 920 × 352: the width limits at 2.3, capped at 1.2.
    const v = readableViewport({ x: 0, y: 0, width: 400, height: 100 }, { width: 1000, height: 400 }, options);
    expect(v.zoom).toBe(1.2);
    expect(v.x).toBeCloseTo(56 + (920 - 480) / 2);
    expect(v.y).toBeCloseTo(24 + (352 - 120) / 2);
  });

  it('shrinks a graph to fit, down to minZoom', () => {
    const v = readableViewport({ x: 100, y: -50, width: 1000, height: 300 }, { width: 1000, height: 400 }, options);
    expect(v.zoom).toBeCloseTo(0.92);
    // The graph's left edge (flow x 100) lands on the padding.
    expect(v.x + 100 * v.zoom).toBeCloseTo(56);
  });

  it('keeps a graph too wide for minZoom at minZoom, its start inside the left padding, not cut off', () => {
    const bounds = { x: -160, y: -200, width: 1600, height: 300 };
    const v = readableViewport(bounds, { width: 860, height: 390 }, options);
    expect(v.zoom).toBe(0.85);
    expect(v.x + bounds.x * v.zoom).toBeCloseTo(56);
    // Vertically it fits (255 of 342), so it is centred.
    expect(v.y + bounds.y * v.zoom).toBeCloseTo(24 + (342 - 255) / 2);
  });

  it('starts a graph too tall at its top', () => {
    const bounds = { x: 0, y: 40, width: 300, height: 2000 };
    const v = readableViewport(bounds, { width: 860, height: 390 }, options);
    expect(v.zoom).toBe(0.85);
    expect(v.y + bounds.y * v.zoom).toBeCloseTo(24);
  });

  it('keeps a wide graph above the minimap in the corner when the height allows', () => {
    const bounds = { x: 0, y: 0, width: 2000, height: 200 };
    const corner = { width: 160, height: 110 };
    const v = readableViewport(bounds, { width: 1200, height: 600 }, { ...options, corner });
    const bottom = v.y + bounds.height * v.zoom;
    expect(bottom).toBeLessThanOrEqual(600 - 24 - 110);
    // A graph that fits across needs no band: the right padding keeps it beside the minimap.
    const fits = readableViewport({ x: 0, y: 0, width: 500, height: 200 }, { width: 1200, height: 600 }, { ...options, corner });
    expect(fits.y + 100 * fits.zoom).toBeCloseTo(24 + (600 - 48) / 2);
  });
});
