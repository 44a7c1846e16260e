/**
 * Folds the host's run events into what the canvas and the results panel show.
 * Pure, so it is tested on its own and the store action stays a one-liner.
 */
import type { ExecutionRecord, RetryReason, RunEvent, StepRecord, StepStatus } from '#core';

export interface LiveStep {
  status: StepStatus;
  attempt: number;
  startedAt?: number | undefined;
  finishedAt?: number | undefined;
  durationMs?: number | undefined;
  /** Set while waiting for a retry after a failed attempt. */
  retryInMs?: number | undefined;
  retryReason?: RetryReason | undefined;
  /** The failed attempt's HTTP status or error code (what the retry is about). */
  lastFailure?: { status?: number | undefined; code?: string | undefined } | undefined;
  skipReason?: string | undefined;
  result?: StepRecord | undefined;
}

export interface LiveRun {
  runId: string;
  status: 'running' | ExecutionRecord['status'];
  startedAt: number;
  steps: Record<string, LiveStep>;
  record: ExecutionRecord | null;
}

export function reduceRunEvent(run: LiveRun | null, event: RunEvent): LiveRun | null {
  if (event.type === 'run.started') {
    const steps: Record<string, LiveStep> = {};
    for (const id of event.stepIds) steps[id] = { status: 'pending', attempt: 0 };
    return { runId: event.runId, status: 'running', startedAt: event.at, steps, record: null };
  }
  if (!run || run.runId !== event.runId) return run;
  const update = (stepId: string, patch: Partial<LiveStep>): LiveRun => ({
    ...run,
    steps: { ...run.steps, [stepId]: { ...(run.steps[stepId] ?? { status: 'pending', attempt: 0 }), ...patch } },
  });
  switch (event.type) {
    case 'step.started':
      return update(event.stepId, { status: 'running', startedAt: event.at, attempt: 1 });
    case 'step.attempt':
      return update(event.stepId, event.retryInMs !== undefined
        ? { attempt: event.attempt, retryInMs: event.retryInMs, retryReason: event.retryReason, lastFailure: { status: event.status, code: event.error?.code } }
        : { attempt: event.attempt, retryInMs: undefined, retryReason: undefined });
    case 'step.succeeded':
    case 'step.failed':
      return update(event.stepId, {
        status: event.result.status,
        finishedAt: event.result.finishedAt ?? event.at,
        startedAt: event.result.startedAt ?? run.steps[event.stepId]?.startedAt,
        durationMs: event.result.durationMs,
        retryInMs: undefined,
        retryReason: undefined,
        result: event.result,
      });
    case 'step.skipped':
      return update(event.stepId, { status: 'skipped', skipReason: event.reason });
    case 'run.finished':
      return liveRunFromRecord(event.record);
  }
}

/** A finished record (from history or `run.finished`) shown the same way as a live run. */
export function liveRunFromRecord(record: ExecutionRecord): LiveRun {
  const steps: Record<string, LiveStep> = {};
  for (const step of record.steps) {
    steps[step.id] = {
      status: step.status,
      attempt: step.attempts.length,
      startedAt: step.startedAt,
      finishedAt: step.finishedAt,
      durationMs: step.durationMs,
      skipReason: step.skipReason,
      result: step,
    };
  }
  return { runId: record.runId, status: record.status, startedAt: record.startedAt, steps, record };
}
