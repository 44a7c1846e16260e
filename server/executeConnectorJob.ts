/**
 * The one job function behind every engine: validate the job, load the connector's current
 * revision and check it may run, take a connector slot, run it with core's runConnector and
 * the workspace's audited credentials, and record the result exactly once.
 */
import { ConnectorError, CONNECTOR_LIMITS, runConnector, silentLogger, systemClock } from '../core/index.js';
import { createAuditedCredentials } from './auditedCredentials.js';
import { NonRetryableJobError } from './errors.js';
import { ConnectorJobSchema, type ConnectorJob } from './job.js';
import { loadConnector } from './loadConnector.js';
import { DEFAULT_CONNECTOR_CONCURRENCY, type ServerPorts } from './ports.js';
import { findExecution, markRunStarted, recordExecution, type ExecutionStatus } from './recordExecution.js';
import { createServiceRateLimiter } from './serviceRateLimiter.js';

export interface JobOutcome {
  runId: string;
  executionId: string;
  status: ExecutionStatus;
  /** True when the run had been recorded before (a retry or duplicate): nothing ran again. */
  alreadyRecorded: boolean;
  durationMs: number;
}

export function parseJob(input: unknown): ConnectorJob {
  const parsed = ConnectorJobSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  throw new NonRetryableJobError('invalid_job', `The job is not valid (${problems.join('; ')}); enqueue it again with enqueue_connector_runs.`);
}

export async function executeConnectorJob(ports: ServerPorts, input: unknown): Promise<JobOutcome> {
  const job = parseJob(input);
  const clock = ports.clock ?? systemClock;
  const logger = ports.logger ?? silentLogger;
  const deadlineMs = Math.min(ports.deadlineMs ?? CONNECTOR_LIMITS.MAX_EXECUTION_TIME_MS, CONNECTOR_LIMITS.MAX_EXECUTION_TIME_MS);

  const existing = await ports.db.asService((sql) => findExecution(sql, job));
  if (existing) {
    logger.info('run already recorded', { runId: job.runId, executionId: existing.id });
    return { runId: job.runId, executionId: existing.id, status: existing.status, alreadyRecorded: true, durationMs: 0 };
  }

  const { connector, revision } = await loadConnector(ports.db, job.connectorId, job.workspaceId);
  const slot = await ports.slots?.acquire(job.connectorId, connector.rateLimit.maxConcurrent ?? DEFAULT_CONNECTOR_CONCURRENCY, ports.signal);
  try {
    await markRunStarted(ports.db, job);
    const record = await runConnector(connector, {
      inputs: job.inputs,
      transport: ports.transport,
      secrets: createAuditedCredentials(ports.db, job.workspaceId, job.connectorId),
      clock,
      logger,
      signal: ports.signal,
      rateLimiter: createServiceRateLimiter(ports.db, clock, { sharedService: Boolean(connector.rateLimit.serviceKey) }),
      runId: job.runId,
      maxExecutionMs: deadlineMs,
      recordDetail: 'summary',
    });
    if (ports.signal?.aborted) {
      // Shutting down: leave no row, so the job's retry runs it completely.
      throw new ConnectorError('CANCELLED', `Run ${job.runId} was stopped by the worker shutting down; it will be retried.`);
    }
    const stored = await recordExecution(ports.db, job, record, revision);
    logger.info('run recorded', { runId: job.runId, executionId: stored.id, status: stored.status, durationMs: record.durationMs });
    return { runId: job.runId, executionId: stored.id, status: stored.status, alreadyRecorded: false, durationMs: record.durationMs };
  } finally {
    await slot?.release();
  }
}
