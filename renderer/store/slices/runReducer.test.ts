import { describe, expect, it } from 'vitest';
import type { StepRecord } from '#core';
import { reduceRunEvent } from './runReducer.js';

const record = (id: string, status: StepRecord['status']): StepRecord => ({
  id, name: id, status, startedAt: 10, finishedAt: 30, durationMs: 20, attempts: [{ attempt: 1, startedAt: 10, durationMs: 20, status: 200 }], outputs: {},
});

describe('reduceRunEvent', () => {
  it('follows steps from pending through running to their outcome', () => {
    let run = reduceRunEvent(null, { type: 'run.started', runId: 'r1', at: 0, stepIds: ['a', 'b'] });
    expect(run?.steps.a?.status).toBe('pending');
    run = reduceRunEvent(run, { type: 'step.started', runId: 'r1', stepId: 'a', at: 10 });
    expect(run?.steps.a?.status).toBe('running');
    run = reduceRunEvent(run, { type: 'step.attempt', runId: 'r1', stepId: 'a', attempt: 2, at: 15, status: 429, retryInMs: 100 });
    expect(run?.steps.a).toMatchObject({ attempt: 2, retryInMs: 100 });
    run = reduceRunEvent(run, { type: 'step.succeeded', runId: 'r1', stepId: 'a', at: 30, result: record('a', 'success') });
    expect(run?.steps.a).toMatchObject({ status: 'success', durationMs: 20, startedAt: 10, finishedAt: 30 });
    run = reduceRunEvent(run, { type: 'step.skipped', runId: 'r1', stepId: 'b', at: 31, reason: 'condition was false' });
    expect(run?.steps.b).toMatchObject({ status: 'skipped', skipReason: 'condition was false' });
  });

  it('ignores events of another run', () => {
    const run = reduceRunEvent(null, { type: 'run.started', runId: 'r1', at: 0, stepIds: ['a'] });
    expect(reduceRunEvent(run, { type: 'step.started', runId: 'other', stepId: 'a', at: 1 })).toBe(run);
  });
});
