import { describe, expect, it } from 'vitest';
import { mergeTeamRunStats } from './teamRunStats.js';

const local = { runs: 4, successRate: 0.5, p95DurationMs: 120, lastRunAt: 1_000, lastStatus: 'failed' as const };

describe('mergeTeamRunStats', () => {
  it('adds teammates\' runs and successes; the later last run wins', () => {
    expect(mergeTeamRunStats(local, { runs: 6, successes: 6, lastRunAt: 2_000, lastStatus: 'success' }))
      .toEqual({ runs: 10, successRate: 0.8, p95DurationMs: 120, lastRunAt: 2_000, lastStatus: 'success', teamRuns: 6 });
    expect(mergeTeamRunStats(local, { runs: 1, successes: 0, lastRunAt: 500, lastStatus: 'timeout' })).toMatchObject({ runs: 5, lastRunAt: 1_000, lastStatus: 'failed' });
  });

  it('a connector never run locally takes the team\'s figures; no team runs leave the local ones as they are', () => {
    const never = { runs: 0, successRate: null, p95DurationMs: null, lastRunAt: null, lastStatus: null };
    expect(mergeTeamRunStats(never, { runs: 3, successes: 2, lastRunAt: 9, lastStatus: 'success' })).toEqual({ runs: 3, successRate: 2 / 3, p95DurationMs: null, lastRunAt: 9, lastStatus: 'success', teamRuns: 3 });
    expect(mergeTeamRunStats(local, undefined)).toBe(local);
    expect(mergeTeamRunStats(local, { runs: 0, successes: 0, lastRunAt: null, lastStatus: null })).toBe(local);
  });
});
