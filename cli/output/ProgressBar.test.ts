import { describe, expect, it } from 'vitest';
import { createProgressBar, renderProgressLine } from './ProgressBar.js';

describe('progress bar', () => {
  it('draws nothing when stderr is not a terminal', () => {
    const written: string[] = [];
    const bar = createProgressBar(3, { err: (text) => written.push(text), errIsTTY: false, columns: 80 });
    bar.advance(true);
    bar.finish();
    expect(written).toEqual([]);
  });

  it('redraws in place on a terminal and ends with the final count', () => {
    const written: string[] = [];
    let now = 0;
    const bar = createProgressBar(2, { err: (text) => written.push(text), errIsTTY: true, columns: 80 }, () => (now += 100));
    bar.advance(true);
    bar.advance(false);
    bar.finish();
    expect(written.every((text) => text.startsWith('\r') || text === '\n')).toBe(true);
    expect(written.at(-2)).toContain('2/2  ✓ 1  ✗ 1');
    expect(written.filter((text) => text.includes('2/2'))).toHaveLength(1);
    expect(written.at(-1)).toBe('\n');
  });

  it('fills the bar in proportion', () => {
    expect(renderProgressLine({ done: 5, failed: 0, total: 10, elapsedMs: 1500, columns: 80 })).toMatch(/^\[█{20}░{20}\] 5\/10 {2}✓ 5 {2}✗ 0 {2}1\.5s$/);
  });
});
