/**
 * The one job function behind every engine: validate the job, then in one statement check the
 * run is not recorded yet, load the connector's current revision, check it may run and take a
 * connector slot; run it with core's runConnector and the workspace's audited credentials, and
 * record the result exactly once.
 */
import { ConnectorError, CONNECTOR_LIMITS, runConnector, silentLogger, systemClock } from '#core';
import { createAuditedCredentials } from './auditedCredentials.js';
import { credentialsToPrefetch, rememberCredentialsRead } from './credentialPrefetch.js';
import { NonRetryableJobError } from './errors.js';
import { ConnectorJobSchema, type ConnectorJob } from './job.js';
import { releaseSlot, type ConnectorSlot } from './connectorSlots.js';
import { startJob } from './startJob.js';
import { DEFAULT_CONNECTOR_CONCURRENCY, type ServerPorts } from './ports.js';
import { markRunStarted, recordExecution, type ExecutionStatus } from './recordExecution.js';
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

  // The job's own connection, for all of its statements (usually two: start — with the
  // credentials the connector's last run read — and record): its connector slot is a session advisory lock that lives while the session is held.
  const session = await ports.db.session();
  let slot: ConnectorSlot | undefined;
  // Only after the row is written (exactly once does not depend on it: a job settled late, or
  // never because its worker died, finds its row on the retry).
  const settled = async (outcome: JobOutcome): Promise<JobOutcome> => {
    await ports.settle?.(outcome).catch((error: unknown) =>
      logger.warn('settling the job at once failed; the engine settles it after the handler', { runId: job.runId, error: String(error) }));
    return outcome;
  };
  try {
    const start = await startJob(session, job, Boolean(ports.slots), credentialsToPrefetch(job.connectorId));
    if (start.kind === 'recorded') {
      logger.info('run already recorded', { runId: job.runId, executionId: start.execution.id });
      return await settled({ runId: job.runId, executionId: start.execution.id, status: start.execution.status, alreadyRecorded: true, durationMs: 0 });
    }
    const { connector, revision } = start.loaded;
    const limit = connector.rateLimit.maxConcurrent ?? DEFAULT_CONNECTOR_CONCURRENCY;
    slot = await ports.slots?.acquire(session, job.connectorId, limit, { signal: ports.signal, taken: start.slot });
    if (!start.started) await markRunStarted(session, job);
    const secrets = createAuditedCredentials(session, job.workspaceId, job.connectorId, start.credentials);
    const record = await runConnector(connector, {
      inputs: job.inputs,
      transport: ports.transport,
      secrets,
      clock,
      logger,
      signal: ports.signal,
      rateLimiter: createServiceRateLimiter(session, clock, { sharedService: Boolean(connector.rateLimit.serviceKey) }),
      runId: job.runId,
      maxExecutionMs: deadlineMs,
      recordDetail: 'summary',
    });
    if (ports.signal?.aborted) {
      // Shutting down: leave no row, so the job's retry runs it completely.
      throw new ConnectorError('CANCELLED', `Run ${job.runId} was stopped by the worker shutting down; it will be retried.`);
    }
    // Writes the row and frees the slot in one statement.
    const stored = await recordExecution(session, job, record, revision, slot);
    slot = undefined;
    rememberCredentialsRead(job.connectorId, await secrets.readNames());
    logger.info('run recorded', { runId: job.runId, executionId: stored.id, status: stored.status, durationMs: record.durationMs });
    return await settled({ runId: job.runId, executionId: stored.id, status: stored.status, alreadyRecorded: false, durationMs: record.durationMs });
  } finally {
    // A slot still held (the run failed or stopped before its record): free it. If that fails the
    // session is closed on release, which frees it too.
    if (slot) await releaseSlot(session, slot).catch(() => undefined);
    session.release();
  }
}
