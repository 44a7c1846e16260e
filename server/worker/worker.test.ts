/**
 * The queue's guarantees, each proved with REAL worker processes (`npm run worker`'s entry,
 * spawned) on a real PostgreSQL against a local 127.0.0.1 sandbox API, from what the sandbox
 * saw and what the database holds.
 */
import { randomUUID } from 'node:crypto';
import { PgBoss } from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../test-helpers/sandbox.js';
import { spawnWorker, type WorkerProcess } from '../test-helpers/workerProcess.js';
import { addConnector, CANARY, createServerWorld, enqueue, waitFor, type ServerWorld } from '../test-helpers/world.js';
import { QUEUE_NAME } from './queue.js';

const hasPostgres = Boolean(process.env.DATABASE_URL);

describe.skipIf(!hasPostgres)('pg-boss workers (real processes, real PostgreSQL, local sandbox)', { timeout: 120_000 }, () => {
  let world: ServerWorld;
  let sandbox: Sandbox;
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    world = await createServerWorld();
    sandbox = await startSandbox();
  });
  afterEach(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    workers = [];
  });
  afterAll(async () => {
    await sandbox?.close();
    await world?.db.close();
  });

  const start = async (count: number, env: Record<string, string> = {}) => {
    const started = await Promise.all(Array.from({ length: count }, () => spawnWorker(world.url, env)));
    workers.push(...started);
    return started;
  };
  const executions = async (connectorId: string) =>
    (await world.db.query<{ status: string; error_message: string | null; client_run_id: string }>(
      `select status, error_message, client_run_id from connector_executions where connector_id = $1`, [connectorId])).rows;
  const stats = async (connectorId: string) =>
    (await world.db.query(`select total_executions, successful_executions, failed_executions from connectors where id = $1`, [connectorId])).rows[0];
  const contacts = (n: number) => Array.from({ length: n }, () => randomUUID());

  it.each([
    ['with pg-boss groupConcurrency', 'on'],
    ['with connector slots alone (groupConcurrency off)', 'off'],
  ])('per-connector concurrency: never more than K runs of one connector at once across 3 workers, %s', async (_how, group) => {
    const two = await addConnector(world, { tag: `k2${group}`, baseUrl: sandbox.baseUrl, query: 'delay=250', rateLimit: { enabled: false, maxConcurrent: 2 } });
    const three = await addConnector(world, { tag: `k3${group}`, baseUrl: sandbox.baseUrl, query: 'delay=250', rateLimit: { enabled: false, maxConcurrent: 3 } });
    // Two jobs at a time per worker: reaching 3 runs of one connector at once then takes two workers,
    // so the limit is proved across processes whichever worker polls first (with 6, one busy-enough
    // worker could take every slot, and a loaded machine made that happen).
    await start(3, { WORKER_CONCURRENCY: '2', WORKER_GROUP_CONCURRENCY: group });
    await enqueue(world, two, { email: 'a@example.com' }, contacts(12));
    await enqueue(world, three, { email: 'b@example.com' }, contacts(12));
    await waitFor('24 recorded runs', async () => (await executions(two)).length + (await executions(three)).length === 24, 60_000);

    // From the sandbox's own arrival and finish times.
    expect(sandbox.maxInFlight(`k2${group}`)).toBe(2);
    expect(sandbox.maxInFlight(`k3${group}`)).toBe(3);
    expect(sandbox.count(`k2${group}`)).toBe(12);
    expect((await executions(two)).every((row) => row.status === 'success')).toBe(true);
    // The work was shared: more than one worker ran jobs.
    expect(workers.filter((worker) => worker.output().includes('"run recorded"')).length).toBeGreaterThan(1);
  });

  it('service-level rate limit (fail): connectors sharing a service key share one budget, counted atomically across workers', async () => {
    const rateLimit = { enabled: true, maxRequestsPerMinute: 5, strategy: 'fail', serviceKey: 'svc-fail' };
    const a = await addConnector(world, { tag: 'rfa', baseUrl: sandbox.baseUrl, rateLimit });
    const b = await addConnector(world, { tag: 'rfb', baseUrl: sandbox.baseUrl, rateLimit });
    await start(2);
    await Promise.all([enqueue(world, a, { email: 'a@example.com' }, contacts(8)), enqueue(world, b, { email: 'b@example.com' }, contacts(8))]);
    await waitFor('16 recorded runs', async () => (await executions(a)).length + (await executions(b)).length === 16, 60_000);

    const rows = [...(await executions(a)), ...(await executions(b))];
    expect(sandbox.count('rfa') + sandbox.count('rfb')).toBe(5);
    expect(rows.filter((row) => row.status === 'success')).toHaveLength(5);
    const failed = rows.filter((row) => row.status === 'failed');
    expect(failed).toHaveLength(11);
    expect(failed.every((row) => /rate limit of "svc-fail" is used up/.test(row.error_message ?? ''))).toBe(true);
  });

  it('service-level rate limit (queue): runs over the budget wait for the next window instead of failing', async () => {
    const rateLimit = { enabled: true, maxRequestsPerMinute: 2, strategy: 'queue', serviceKey: 'svc-queue' };
    const q = await addConnector(world, { tag: 'rq', baseUrl: sandbox.baseUrl, rateLimit });
    await start(2);
    await enqueue(world, q, { email: 'q@example.com' }, contacts(4));
    await waitFor('the first two requests', async () => sandbox.count('rq') >= 2);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(sandbox.count('rq')).toBe(2); // the other two are waiting, not failing
    expect(await executions(q)).toHaveLength(2);
    // Let the minute pass without waiting a minute: the window started 59 s earlier.
    await world.db.query(`update api_rate_limits set minute_window_start = minute_window_start - interval '59 seconds' where service_name = 'svc-queue'`);
    await waitFor('4 recorded runs', async () => (await executions(q)).length === 4, 30_000);
    expect((await executions(q)).every((row) => row.status === 'success')).toBe(true);
    expect(sandbox.count('rq')).toBe(4);
  });

  it('a 429 with Retry-After pauses the service for every worker, so new runs do not pile on', async () => {
    const rateLimit = { enabled: true, maxRequestsPerMinute: 1000, strategy: 'queue', serviceKey: 'svc-429' };
    const storm = await addConnector(world, { tag: 'r429', baseUrl: sandbox.baseUrl, query: 'status=429&retry_after=3', rateLimit, maxRetries: 1 });
    await start(2);
    await enqueue(world, storm, { email: 's@example.com' });
    const first = await waitFor('the first 429', async () => sandbox.requests.find((r) => r.tag === 'r429' && r.finishedAt));
    await enqueue(world, storm, { email: 's@example.com' }, contacts(4));
    await waitFor('5 recorded runs', async () => (await executions(storm)).length === 5, 60_000);
    const during = sandbox.requests.filter((r) => r.tag === 'r429' && r !== first && r.arrivedAt < first.finishedAt! + 2_800);
    expect(during).toEqual([]);
    // Each run made at most its 2 attempts: 10 requests, never more.
    expect(sandbox.count('r429')).toBe(10);
  });

  it('crash safety: a worker SIGKILLed mid-job → another worker retries it; one row, stats counted once', async () => {
    const slow = await addConnector(world, { tag: 'crash', baseUrl: sandbox.baseUrl, query: 'delay=2500' });
    const [victim] = await start(1);
    const [runId] = await enqueue(world, slow, { email: 'c@example.com' });
    await waitFor('the victim to start the request', async () => sandbox.count('crash') >= 1);
    await victim!.kill('SIGKILL');
    await start(1);
    await waitFor('the retried run to be recorded', async () => (await executions(slow)).length === 1, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rows = await executions(slow);
    expect(rows).toEqual([expect.objectContaining({ status: 'success', client_run_id: runId })]);
    expect(sandbox.count('crash')).toBe(2); // the killed attempt and the retry
    expect(await stats(slow)).toEqual({ total_executions: 1, successful_executions: 1, failed_executions: 0 });
  });

  it('exactly once: a duplicate enqueue, a re-dispatch and a crash after the write leave one row and one count', async () => {
    const once = await addConnector(world, { tag: 'once', baseUrl: sandbox.baseUrl });
    await start(2);
    const [runId] = await enqueue(world, once, { email: 'o@example.com' });
    await waitFor('the run', async () => (await executions(once)).length === 1);

    // A duplicate job for the same run (another engine or an operator enqueued it again).
    const boss = new PgBoss({ connectionString: world.url, supervise: false, schedule: false, migrate: false });
    await boss.start();
    const duplicate = await boss.send(QUEUE_NAME, { runId, connectorId: once, workspaceId: world.workspaceId, inputs: { email: 'o@example.com' } });
    // The dispatcher crashed after inserting the job but before marking the request.
    await world.db.query(`update connector_run_requests set dispatched_at = null where id = $1`, [runId]);
    // A crash after record_execution committed: the row exists, the job was never completed.
    const crashedRunId = randomUUID();
    await world.db.query(`insert into connector_run_requests (id, workspace_id, connector_id, inputs) values ($1, $2, $3, '{"email":"o@example.com"}')`, [crashedRunId, world.workspaceId, once]);
    await world.db.query(`select set_config('request.jwt.claims', '{"role":"service_role"}', false)`);
    await world.db.query(`select record_execution(p_workspace_id => $1, p_connector_id => $2, p_status => 'success', p_client_run_id => $3, p_source => 'server')`, [world.workspaceId, once, crashedRunId]);
    await world.db.query(`select pg_notify('connector_run_requests', '')`);

    await waitFor('the duplicate job to finish', async () => (await boss.getJobById(QUEUE_NAME, duplicate!))?.state === 'completed');
    await waitFor('the re-dispatched request and the crashed job to settle', async () => {
      const { rows } = await world.db.query(`select count(*)::int as n from connector_run_requests where connector_id = $1 and dispatched_at is null`, [once]);
      const crashed = await boss.getJobById(QUEUE_NAME, crashedRunId);
      return rows[0]!.n === 0 && crashed?.state === 'completed';
    });
    await boss.stop({ graceful: false });

    const rows = await executions(once);
    expect(rows.map((row) => row.client_run_id).sort()).toEqual([runId, crashedRunId].sort());
    expect(sandbox.count('once')).toBe(1); // neither the duplicate nor the crashed run called the API again
    expect(await stats(once)).toEqual({ total_executions: 2, successful_executions: 2, failed_executions: 0 });
  });

  it.each([
    ['completed as soon as its row is written', 'on'],
    ['completed with its batch, after the slowest', 'off'],
  ])('a fast job fetched in one batch with a slow one is %s (WORKER_COMPLETE_EACH_JOB=%s)', async (_how, each) => {
    const fast = await addConnector(world, { tag: `fast${each}`, baseUrl: sandbox.baseUrl });
    const slow = await addConnector(world, { tag: `slow${each}`, baseUrl: sandbox.baseUrl, query: 'delay=1500' });
    // Both queued before the worker starts, so its dispatcher moves them in one transaction and
    // its one poller fetches them as one batch of 2.
    const [slowRun] = await enqueue(world, slow, { email: 's@example.com' });
    const [fastRun] = await enqueue(world, fast, { email: 'f@example.com' });
    await start(1, { WORKER_CONCURRENCY: '2', WORKER_BATCH_SIZE: '2', WORKER_COMPLETE_EACH_JOB: each });
    await waitFor('both jobs completed', async () => {
      const { rows } = await world.db.query(`select count(*)::int as n from pgboss.job where id = any($1) and state = 'completed'`, [[slowRun, fastRun]]);
      return rows[0]!.n === 2;
    }, 60_000);
    const { rows } = await world.db.query<{ id: string; started_on: Date; completed_on: Date; recorded_at: Date }>(
      `select j.id, j.started_on, j.completed_on, e.created_at as recorded_at
       from pgboss.job j join connector_executions e on e.client_run_id = j.id where j.id = any($1)`, [[slowRun, fastRun]]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const [fastJob, slowJob] = [byId.get(fastRun!)!, byId.get(slowRun!)!];
    expect(fastJob.started_on.getTime()).toBe(slowJob.started_on.getTime()); // one fetch: one batch
    if (each === 'on') expect(fastJob.completed_on.getTime()).toBeLessThan(slowJob.recorded_at.getTime());
    else expect(fastJob.completed_on.getTime()).toBeGreaterThanOrEqual(slowJob.recorded_at.getTime());
    expect((await executions(fast)).length + (await executions(slow)).length).toBe(2);
  });

  it('rejects a disabled connector without retrying, and logs no credential value', async () => {
    const off = await addConnector(world, { tag: 'off', baseUrl: sandbox.baseUrl });
    const [worker] = await start(1);
    const [runId] = await enqueue(world, off, { email: 'x@example.com' });
    await waitFor('the first run', async () => (await executions(off)).length === 1);
    // Disabled after a run was queued (the RPC refuses disabled ones): that job is refused when it runs.
    await world.db.query(`update connectors set enabled = false where id = $1`, [off]);
    const second = randomUUID();
    await world.db.query(`insert into connector_run_requests (id, workspace_id, connector_id, inputs) values ($1, $2, $3, '{"email":"x@example.com"}')`, [second, world.workspaceId, off]);
    await world.db.query(`select pg_notify('connector_run_requests', '')`);
    await waitFor('the rejection to be logged', async () => worker!.output().includes(`"runId":"${second}"`) && worker!.output().includes('not retried'));
    // The log line comes just before pg-boss settles the job: wait for the settled state.
    const rows = await waitFor('the job to be settled', async () => {
      const found = await world.db.query<{ state: string; retry_count: number; output: { reason: string } }>(
        `select state, retry_count, output from pgboss.job where id = $1`, [second]);
      return found.rows[0]?.state === 'failed' ? found.rows : undefined;
    });
    expect(rows[0]).toMatchObject({ state: 'failed', retry_count: 0, output: { reason: 'connector_disabled' } });
    expect(await executions(off)).toEqual([expect.objectContaining({ client_run_id: runId })]);
    expect(worker!.output()).not.toContain(CANARY);
  });
});
