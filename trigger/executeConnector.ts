/**
 * The Trigger.dev v4 engine around the same job function the pg-boss workers run. Kept thin
 * on purpose (configuration as data, `run` only calls executeConnectorJob):
 * - queues are declared ahead (v4): one per concurrency tier, and each run is triggered with
 *   `concurrencyKey: connectorId`, so every connector gets its own copy of its tier's queue
 *   — at most K runs of one connector at once;
 * - retries with exponential backoff are for infrastructure failures; a job that can never
 *   succeed (disabled, deleted, foreign connector, invalid job) aborts without retrying;
 * - the idempotency key is the run id, so triggering a run twice starts it once (and
 *   record_execution keys the row by the same id).
 */
import { AbortTaskRunError, queue, task } from '@trigger.dev/sdk';
import { isNonRetryable } from '../server/errors.js';
import { executeConnectorJob, type JobOutcome } from '../server/executeConnectorJob.js';
import type { ConnectorJob } from '../server/job.js';
import { DEFAULT_CONNECTOR_CONCURRENCY } from '../server/ports.js';
import { serverPortsFromEnv } from './serverPorts.js';

export const TASK_ID = 'execute-connector';

/** Declared concurrency tiers; a connector runs in the largest tier not above its own limit. */
export const CONCURRENCY_TIERS = [1, 2, 3, 5, 10, 20] as const;

export const connectorQueues = Object.fromEntries(
  CONCURRENCY_TIERS.map((k) => [k, queue({ name: `connector-execution-k${k}`, concurrencyLimit: k })]),
) as Record<(typeof CONCURRENCY_TIERS)[number], ReturnType<typeof queue>>;

export function queueNameFor(maxConcurrent: number | undefined): string {
  const limit = maxConcurrent ?? DEFAULT_CONNECTOR_CONCURRENCY;
  const tier = [...CONCURRENCY_TIERS].reverse().find((k) => k <= limit) ?? 1;
  return `connector-execution-k${tier}`;
}

/** How a run request is triggered: `tasks.trigger(TASK_ID, job, triggerOptionsFor(job, K))`. */
export function triggerOptionsFor(job: ConnectorJob, maxConcurrent: number | undefined) {
  return {
    queue: queueNameFor(maxConcurrent),
    concurrencyKey: job.connectorId,
    idempotencyKey: job.runId,
    idempotencyKeyTTL: '7d',
    tags: [`connector:${job.connectorId}`, `workspace:${job.workspaceId}`],
  };
}

export const executeConnector = task({
  id: TASK_ID,
  // The default tier; triggerOptionsFor picks the connector's own.
  queue: connectorQueues[DEFAULT_CONNECTOR_CONCURRENCY],
  // A run's own deadline is 60 s; the rest covers loading, recording and a cold start.
  maxDuration: 90,
  retry: { maxAttempts: 5, factor: 2, minTimeoutInMs: 1_000, maxTimeoutInMs: 60_000, randomize: true },
  run: async (payload: ConnectorJob, { signal }): Promise<JobOutcome> => {
    try {
      return await executeConnectorJob({ ...serverPortsFromEnv(), signal }, payload);
    } catch (error) {
      if (isNonRetryable(error)) throw new AbortTaskRunError(error.message);
      throw error;
    }
  },
});
