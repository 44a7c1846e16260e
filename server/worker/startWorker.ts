/**
 * One worker process: a pg-boss instance on DATABASE_URL (the schema is created or migrated
 * on first start), the outbox dispatcher, and `concurrency` executions at a time through
 * executeConnectorJob. Any number of these on any number of machines share one queue.
 */
import { PgBoss, type Job, type JobResult } from 'pg-boss';
import { systemClock, type HttpTransport, type Logger } from '#core';
import { createAddressGuard } from '../../host/http/addressGuard.js';
import { createNodeTransport } from '../../host/http/createNodeTransport.js';
import { createConnectorSlots } from '../connectorSlots.js';
import { createServiceDatabase } from '../database.js';
import { isNonRetryable } from '../errors.js';
import { executeConnectorJob, type JobOutcome } from '../executeConnectorJob.js';
import type { ConnectorJob } from '../job.js';
import { DEFAULT_CONNECTOR_CONCURRENCY } from '../ports.js';
import { startDispatcher } from './dispatcher.js';
import { groupTiers, QUEUE_NAME, QUEUE_OPTIONS } from './queue.js';

export interface WorkerOptions {
  databaseUrl: string;
  /** Executions at once in this process (default 8). */
  concurrency?: number;
  /** Internal addresses connectors may call anyway (CIDRs); empty in production. */
  allowAddresses?: readonly string[];
  logger: Logger;
  /** pg-boss supervision cadence (expired/heartbeat-lost jobs are retried on it); default 5 s. */
  superviseIntervalSeconds?: number;
  /** How long an idle poller waits before asking the queue again (default 0.5 s, pg-boss's minimum). */
  pollingIntervalSeconds?: number;
  /**
   * Jobs fetched per query (default 4). A full batch is followed at once by the next fetch
   * (pg-boss's burstWhenBatchFull); a single-job fetch would wait the polling interval after
   * every job, which capped a worker at concurrency / 0.5 s executions per second.
   */
  batchSize?: number;
  /**
   * Let pg-boss skip fetching jobs of connectors at their cap (default true). The cap itself is
   * the connector slots' either way; the tests run with it off to prove that.
   */
  groupConcurrency?: boolean;
  /**
   * Complete a job of a batch as soon as its row is written while others of its batch still run
   * (default false). It takes the wait for the batch's slowest job out of a job's time, at the
   * cost of one more pg-boss statement per job that finishes early (bench/README.md has both).
   */
  completeEachJob?: boolean;
  /** Replaces the guarded Node transport (tests of the job logic only). */
  transport?: HttpTransport;
}

export interface Worker {
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { pollers, batchSize, concurrency } = pollerLayout(options.concurrency ?? 8, options.batchSize ?? 4);
  const logger = options.logger;
  // One connection per running execution (its session: every statement of the job, and its
  // connector slot), one more for the rest. Keep workers × (concurrency + 8) under the server's
  // max_connections (pg-boss 4, the dispatcher 2 and its listener 1).
  const db = createServiceDatabase(options.databaseUrl, { max: concurrency + 1, applicationName: 'connector-studio-worker' });
  const transport = options.transport ?? createNodeTransport({ addressGuard: createAddressGuard({ allow: options.allowAddresses ?? [] }) });
  const slots = createConnectorSlots({ clock: systemClock });
  const shutdown = new AbortController();

  const supervise = options.superviseIntervalSeconds ?? 5;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    max: 4,
    superviseIntervalSeconds: supervise,
    monitorIntervalSeconds: supervise,
    schedule: false,
  });
  boss.on('error', (error) => logger.warn('pg-boss reported an error', { error: String(error) }));
  await boss.start();
  await boss.createQueue(QUEUE_NAME, QUEUE_OPTIONS).catch(async (error: unknown) => {
    // Another worker created it first.
    if (!(await boss.getQueue(QUEUE_NAME))) throw error;
  });

  /**
   * `markDone`: marks the job done (recorded, or failed; a second call changes nothing) and says whether other
   * jobs of its batch still run. pg-boss completes a fetched batch only when all of it is done,
   * so a job would otherwise wait for the slowest of its batch: with `completeEachJob`, one that
   * finishes while others run is completed at once, right after its row is written, fenced to this attempt (a job
   * whose claim lapsed is left alone; the batch's own settle then finds it completed and leaves
   * it). The last one to finish is left to that settle, which follows at once. On pg-boss's own
   * pool: the job's connection is the service role, which has no rights on pg-boss's schema.
   */
  async function handle(job: Job<ConnectorJob>, markDone: () => boolean): Promise<JobResult> {
    const signal = AbortSignal.any([shutdown.signal, job.signal]);
    const settle = async (outcome: JobOutcome) => {
      if (markDone() && options.completeEachJob) await boss.complete(QUEUE_NAME, { id: job.id, retryCount: job.retryCount }, outcome);
    };
    try {
      const outcome = await executeConnectorJob({ db, transport, clock: systemClock, logger, slots, signal, settle }, job.data);
      return { id: job.id, status: 'completed', output: outcome };
    } catch (error) {
      markDone();
      const message = error instanceof Error ? error.message : String(error);
      if (isNonRetryable(error)) {
        logger.warn('job rejected, not retried', { runId: job.id, reason: error.reason, detail: message });
        return { id: job.id, status: 'deadletter', output: { reason: error.reason, message } };
      }
      logger.warn('job failed, will be retried', { runId: job.id, attempt: job.retryCount, detail: message });
      return { id: job.id, status: 'failed', output: { message } };
    }
  }

  function handleBatch(jobs: Job<ConnectorJob>[]): Promise<JobResult[]> {
    let running = jobs.length;
    return Promise.all(jobs.map((job) => {
      let done = false;
      return handle(job, () => {
        if (!done) {
          done = true;
          running -= 1;
        }
        return running > 0;
      });
    }));
  }

  await boss.work<ConnectorJob>(QUEUE_NAME, {
    batchSize,
    localConcurrency: pollers,
    // While the queue has work, fetch again as soon as a full batch is done instead of
    // sleeping the polling interval (see `batchSize` above).
    burstWhenBatchFull: batchSize > 1,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5,
    perJobResults: true,
    // Skips fetching jobs whose connector is at its cap; connectorSlots enforces the cap itself.
    ...(options.groupConcurrency === false ? {} : { groupConcurrency: { default: DEFAULT_CONNECTOR_CONCURRENCY, tiers: groupTiers() } }),
  }, handleBatch);

  const dispatcher = await startDispatcher(options.databaseUrl, boss, logger);
  logger.info('worker started', { concurrency, pollers, batchSize, queue: QUEUE_NAME });

  return {
    async stop() {
      shutdown.abort();
      await dispatcher.stop();
      await boss.stop({ graceful: true, timeout: 10_000 });
      if (!options.transport && 'close' in transport) (transport as { close(): void }).close();
      await db.close();
    },
  };
}

/**
 * `concurrency` executions at once as pollers × batch: each pg-boss poller runs one fetched
 * batch at a time. The batch is at most `batchSize`, and as even as the split allows
 * (concurrency 6, batch 4 → 2 pollers × 3).
 */
export function pollerLayout(concurrency: number, batchSize: number): { pollers: number; batchSize: number; concurrency: number } {
  const wanted = Math.max(1, Math.floor(concurrency));
  const pollers = Math.ceil(wanted / Math.max(1, Math.min(Math.floor(batchSize), wanted)));
  const batch = Math.ceil(wanted / pollers);
  return { pollers, batchSize: batch, concurrency: pollers * batch };
}
