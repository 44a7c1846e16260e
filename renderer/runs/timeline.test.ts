import { describe, expect, it } from 'vitest';
import { timelineBars } from './timeline.js';
import type { LiveRun } from '../store/slices/runReducer.js';

describe('timelineBars', () => {
  it('positions bars relative to the run start so parallel steps overlap', () => {
    const run: LiveRun = {
      runId: 'r', status: 'success', startedAt: 1000, record: null,
      steps: {
        search: { status: 'success', attempt: 1, startedAt: 1000, finishedAt: 1100 },
        a: { status: 'success', attempt: 1, startedAt: 1100, finishedAt: 1300 },
        b: { status: 'success', attempt: 1, startedAt: 1105, finishedAt: 1400 },
        c: { status: 'skipped', attempt: 0 },
      },
    };
    const { bars, totalMs } = timelineBars(run, ['search', 'a', 'b', 'c']);
    expect(totalMs).toBe(400);
    const [search, a, b, c] = bars;
    expect(search).toMatchObject({ start: 0, end: 100, left: 0, width: 0.25 });
    expect(a!.start < b!.end && b!.start < a!.end).toBe(true);
    expect(c).toMatchObject({ start: -1, width: 0 });
  });
});
