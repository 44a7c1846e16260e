/**
 * `npm run worker`: one worker process against DATABASE_URL. Settings from the environment:
 *   DATABASE_URL                          Postgres of the Supabase project (a direct or session-mode
 *                                         connection: connector slots are session advisory locks)
 *   WORKER_CONCURRENCY                    executions at once in this process (default 8)
 *   CONNECTOR_STUDIO_ALLOW_ADDRESSES      internal addresses connectors may call anyway, comma-separated
 *                                         IPs/CIDRs (tests: 127.0.0.1); unset in production
 *   WORKER_SUPERVISE_INTERVAL_SECONDS     how often expired / heartbeat-lost jobs are retried (default 5)
 *   WORKER_BATCH_SIZE                     jobs fetched per queue query (default 4; 1 fetches one job at a time
 *                                         and then waits the polling interval, which caps throughput)
 *   WORKER_GROUP_CONCURRENCY=off          don't ask pg-boss to hold back jobs of busy connectors (the
 *                                         connector slots still cap them; tests use it to prove that)
 *   WORKER_COMPLETE_EACH_JOB=on           complete a job of a batch as soon as its row is written instead of
 *                                         with its whole batch (one more pg-boss statement per such job)
 * Logs are JSON lines on stdout: run ids, statuses and timings, never inputs or credentials.
 */
import { parseAllowList } from '../../host/http/addressGuard.js';
import type { Logger } from '#core';
import { startWorker } from './startWorker.js';

function jsonLogger(): Logger {
  const line = (level: string) => (message: string, data?: Record<string, unknown>) =>
    process.stdout.write(`${JSON.stringify({ ...data, level, at: new Date().toISOString(), pid: process.pid, message })}\n`);
  return { debug: () => undefined, info: line('info'), warn: line('warn'), error: line('error') };
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write('DATABASE_URL is not set: point it at the Supabase project\'s Postgres (Settings → Database → connection string).\n');
  process.exit(2);
}

const logger = jsonLogger();
const worker = await startWorker({
  databaseUrl,
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 8),
  batchSize: Number(process.env.WORKER_BATCH_SIZE ?? 4),
  allowAddresses: parseAllowList(process.env.CONNECTOR_STUDIO_ALLOW_ADDRESSES),
  superviseIntervalSeconds: Number(process.env.WORKER_SUPERVISE_INTERVAL_SECONDS ?? 5),
  groupConcurrency: process.env.WORKER_GROUP_CONCURRENCY !== 'off',
  completeEachJob: process.env.WORKER_COMPLETE_EACH_JOB === 'on',
  logger,
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping: finishing running jobs', { signal });
    void worker.stop().then(() => process.exit(0), () => process.exit(1));
  });
}
