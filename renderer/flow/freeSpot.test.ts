import { describe, expect, it } from 'vitest';
import { freeSpot } from './freeSpot.js';

describe('freeSpot', () => {
  it('keeps the wanted spot when it is free', () => {
    expect(freeSpot({ x: 600, y: 0 }, [{ x: 300, y: 0 }])).toEqual({ x: 600, y: 0 });
  });

  it('moves below a step that sits there, and below the next one too', () => {
    expect(freeSpot({ x: 600, y: 0 }, [{ x: 600, y: 0 }])).toEqual({ x: 600, y: 140 });
    expect(freeSpot({ x: 600, y: 0 }, [{ x: 620, y: 10 }, { x: 590, y: 150 }])).toEqual({ x: 600, y: 280 });
  });

  it('does not mind a step far enough to the side', () => {
    expect(freeSpot({ x: 600, y: 0 }, [{ x: 300, y: 0 }, { x: 900, y: 0 }])).toEqual({ x: 600, y: 0 });
  });
});
