import { describe, expect, it } from 'vitest';
import { overflowingTabs } from './tabOverflow.js';

const strip = (available: number) => ({ widths: [80, 90, 50, 50, 90, 50, 80], gap: 2, moreWidth: 70, available });

describe('overflowingTabs', () => {
  it('puts nothing in the menu when every tab fits', () => {
    // 490 for the tabs and 6 gaps of 2 = 502.
    expect(overflowingTabs(strip(502), 0)).toEqual([]);
    expect(overflowingTabs(strip(1000), 6)).toEqual([]);
  });

  it('keeps tabs in order and moves the ones after the last that fits beside the More button', () => {
    // Room for tabs: 400 - 70 - 2 = 328 → 80+2+90+2+50+2+50 = 276 fits, +2+90 = 368 does not.
    expect(overflowingTabs(strip(400), 0)).toEqual([4, 5, 6]);
  });

  it('always shows the active tab, in place of the last ones that fit', () => {
    // Active Advanced (80): 276 + 2 + 80 = 358 > 328, drop index 3 → 80+2+90+2+50+2+80 = 306 fits.
    expect(overflowingTabs(strip(400), 6)).toEqual([3, 4, 5]);
    expect(overflowingTabs(strip(400), 5)).toEqual([4, 6]);
  });

  it('keeps both the active tab and the one the arrows moved to', () => {
    // Active Query (0), arrows on Mock (5): 80+2+90+2+50+2+50 + 2+50 = 328 fits the room of 328.
    expect(overflowingTabs(strip(400), [0, 5])).toEqual([4, 6]);
    expect(overflowingTabs(strip(400), [6, 6])).toEqual([3, 4, 5]);
    expect(overflowingTabs(strip(502), [0, 6])).toEqual([]);
  });

  it('shows the active tab alone when nothing else fits beside it', () => {
    expect(overflowingTabs(strip(100), 4)).toEqual([0, 1, 2, 3, 5, 6]);
    expect(overflowingTabs(strip(10), 0)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('tolerates fractional measurements on the edge', () => {
    expect(overflowingTabs({ widths: [50.3, 50.3], gap: 0, moreWidth: 40, available: 100.4 }, 0)).toEqual([]);
  });
});
