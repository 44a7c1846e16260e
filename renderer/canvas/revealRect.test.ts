import { describe, expect, it } from 'vitest';
import { revealRect } from './revealRect.js';

const canvas = { width: 800, height: 400 };
const node = (x: number, y: number) => ({ x, y, width: 200, height: 60 });

describe('revealRect', () => {
  it('leaves a node in view where it is', () => {
    expect(revealRect(node(100, 100), { x: 0, y: 0, zoom: 1 }, canvas)).toBeUndefined();
  });

  it('pans left just enough for a node past the right edge, at the same zoom', () => {
    // At zoom 0.8 the node spans 720..880 on screen; it must end at 800 - 24.
    expect(revealRect(node(900, 100), { x: 0, y: 0, zoom: 0.8 }, canvas)).toEqual({ x: -104, y: 0, zoom: 0.8 });
  });

  it('pans right and down for a node above and left of the view', () => {
    expect(revealRect(node(-300, -200), { x: 0, y: 0, zoom: 1 }, canvas)).toEqual({ x: 324, y: 224, zoom: 1 });
  });

  it('shows the top-left of a node bigger than the canvas', () => {
    expect(revealRect({ x: 0, y: 0, width: 2000, height: 60 }, { x: -500, y: 100, zoom: 1 }, canvas)).toEqual({ x: 24, y: 100, zoom: 1 });
  });
});
