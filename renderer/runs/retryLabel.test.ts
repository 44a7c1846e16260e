import { describe, expect, it } from 'vitest';
import { attemptsSummary, retryingLabel } from './retryLabel.js';

describe('retry labels', () => {
  it('says what failed, how long it waits and why', () => {
    expect(retryingLabel(429, undefined, 1000, 'retry-after')).toBe('retrying (429, waiting 1 s as asked by Retry-After)');
    expect(retryingLabel(undefined, 'NETWORK_ERROR', 450, 'backoff')).toBe('retrying (NETWORK_ERROR, waiting 0.5 s before trying again)');
    expect(retryingLabel(401, undefined, 0, 'token-refresh')).toBe('retrying (401, with a fresh token)');
  });
  it('sums the waits of a step that needed several attempts', () => {
    expect(attemptsSummary([{ attempt: 1, startedAt: 0, durationMs: 5 }])).toBe('');
    expect(attemptsSummary([
      { attempt: 1, startedAt: 0, durationMs: 5, status: 429, retryInMs: 1000, retryReason: 'retry-after' },
      { attempt: 2, startedAt: 0, durationMs: 5, status: 503, retryInMs: 250, retryReason: 'backoff' },
      { attempt: 3, startedAt: 0, durationMs: 5, status: 200 },
    ])).toBe('3 attempts · waited 1.3 s');
  });
});
