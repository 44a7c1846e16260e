// The server runtime benchmark (issue 14, section 4): N = 1, 2, 4 real worker processes
// (`npm run worker`'s entry) drain 2,000 queued executions of a 3-step connector against a
// local sandbox that holds every answer 20 ms. Reported per N: executions/s (first request
// queued → last row recorded), p50/p95 queue-to-done latency (run request created → execution
// completed, from the database's own timestamps), and the ratio to the baseline measured in the
// same run: the same 2,000 runs in one process by the CLI's `--data` at the same per-process
// concurrency. Needs DATABASE_URL (a real PostgreSQL; workers are separate processes).
//
// Also per phase, so "the queue" and "the machine" can be told apart:
// - CPU per execution: the workers' own /proc counters, and their PostgreSQL backends' (found in
//   pg_stat_activity by application_name, sampled from /proc while the phase runs);
// - how busy the machine's cores were (/proc/stat) and the load average;
// - where a job's time went (database timestamps, medians): fetched → run started (the job's
//   start), the run itself, run finished → job completed (record, the rest of its batch, pg-boss
//   complete). The queue's overhead per execution is the first plus the last.
// - the queue's overhead per execution, defined explicitly and printed beside the requests' own
//   time (3 × 20 ms):
//   CPU: everything a server execution costs beyond the run itself = the workers' CPU minus the
//     CLI's CPU per execution (the same runConnector and transport, so the run's own share) plus
//     all the Postgres CPU (the executor's statements, the credential read, pg-boss, dispatcher);
//   wall: per job, pg-boss fetched → completed minus the run's own duration, and minus the
//     requests' 3 × 20 ms (the run's duration includes its own statements, such as a credential
//     read: where those happen should not move the figure) (medians); both also
//     at low concurrency (1 worker running one job at a time, batch 1), where the machine's
//     queueing adds least.
// And once, through a counting proxy (bench/lib/pgRoundTrips.mjs): database round trips per
// execution, split into the executor's own and pg-boss's.
// BENCH_SERVER_BASELINE_REF=<git ref> adds the same phases for that commit's worker (checked
// out with `git archive` into a temporary directory): before/after in one run.
// Bounded: each phase stops after BENCH_SERVER_PHASE_S seconds (default 240).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { startRoundTripCounter } from './lib/pgRoundTrips.mjs';
import { report } from './lib/report.mjs';

if (!process.env.DATABASE_URL) {
  process.stdout.write('skipped: the server bench needs DATABASE_URL (a real PostgreSQL), e.g. from `npm run db:postgres`\n');
  process.exit(0);
}

register();
const root = fileURLToPath(new URL('..', import.meta.url));
const { startSandbox } = await import('../server/test-helpers/sandbox.ts');
const { spawnWorker } = await import('../server/test-helpers/workerProcess.ts');
const { addConnector, createServerWorld, enqueue, sandboxConnectorDocument, CANARY } = await import('../server/test-helpers/world.ts');

const RUNS = Number(process.env.BENCH_SERVER_RUNS ?? 2000);
// 8 at once per process, as the CLI baseline: 4 workers × (8 + 8) connections stay under PostgreSQL's default 100.
const CONCURRENCY = Number(process.env.BENCH_SERVER_CONCURRENCY ?? 8);
const WORKER_COUNTS = (process.env.BENCH_SERVER_WORKERS ?? '1,2,4').split(',').map(Number);
const BATCH = Number(process.env.BENCH_SERVER_BATCH ?? 4);
const COUNT_RUNS = Number(process.env.BENCH_SERVER_COUNT_RUNS ?? 200);
const BASELINE_REF = process.env.BENCH_SERVER_BASELINE_REF;
// "n", "nxbatch" or "nxbatche": phases to run; a trailing "e" runs the workers with
// WORKER_COMPLETE_EACH_JOB=on (each job completed as soon as its row is written).
const PHASES = (process.env.BENCH_SERVER_PHASES ?? WORKER_COUNTS.map((n) => `${n}x${BATCH}`).join(','))
  .split(',').map((phase) => {
    const [n, batch = ''] = phase.split('x');
    return { n: Number(n), batch: Number.parseInt(batch, 10) || BATCH, each: batch.endsWith('e') };
  });
const PHASE_MS = Number(process.env.BENCH_SERVER_PHASE_S ?? 240) * 1000;
const LATENCY_MS = 20;
const STEPS = 3;
// The low-concurrency phase: 1 worker, one job at a time (0 skips it).
const LOW_RUNS = Number(process.env.BENCH_SERVER_LOW_RUNS ?? 100);
const TICKS = 100; // USER_HZ: /proc counts CPU in 1/100 s on Linux

/** CPU seconds a process has used so far (user + system), from /proc; undefined once it is gone. */
async function cpuSeconds(pid) {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return undefined;
  }
}

/**
 * Seconds a process's threads have spent runnable but waiting for a core so far (the second field
 * of /proc/<pid>/task/<tid>/schedstat, in ns), summed over its threads; undefined once it is gone.
 * On a machine whose cores are full this is where a job's wall time goes that is neither the
 * queue's work nor the requests': it is shown beside the phases, not counted as queue overhead.
 */
async function runQueueSeconds(pid) {
  try {
    let ns = 0;
    for (const tid of await readdir(`/proc/${pid}/task`)) {
      const fields = (await readFile(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').catch(() => '0 0')).split(' ');
      ns += Number(fields[1]);
    }
    return ns / 1e9;
  } catch {
    return undefined;
  }
}

/** The machine's busy and total CPU seconds so far, over all cores (/proc/stat). */
async function machineCpu() {
  const [, ...fields] = (await readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/);
  const values = fields.map(Number);
  const idle = values[3] + values[4];
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / TICKS, total: total / TICKS };
}

/** Runs a process to its end; wall ms and its CPU seconds (sampled every 50 ms, the last sample kept). */
function runMeasured(command, args) {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let cpu = 0;
    const sampler = setInterval(() => void cpuSeconds(child.pid).then((value) => { if (value > cpu) cpu = value; }), 50);
    child.stdout.setEncoding('utf8').on('data', (chunk) => { stdout += chunk; });
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', () => { clearInterval(sampler); resolve({ ms: performance.now() - startedAt, stdout, cpu }); });
  });
}

/** A checkout of `ref` in a temporary directory sharing this one's node_modules, to run its worker. */
async function checkout(ref) {
  const dir = await mkdtemp(join(tmpdir(), 'connector-studio-baseline-'));
  execFileSync('sh', ['-c', `git -C "${root}" archive "${ref}" | tar -x -C "${dir}"`]);
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const sandbox = await startSandbox({ latencyMs: LATENCY_MS });
const world = await createServerWorld();
const dir = await mkdtemp(join(tmpdir(), 'connector-studio-server-bench-'));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
// No per-connector cap below the workers' own concurrency: the bench measures the queue.
const rateLimit = { enabled: false, maxConcurrent: 100 };
const baselineDir = BASELINE_REF ? await checkout(BASELINE_REF) : undefined;
// The baseline's phases run on a database built from the baseline's own migrations (its
// test helpers read the migrations next to them), so SQL changes are compared too.
const baselineWorld = baselineDir ? await (await import(join(baselineDir, 'server/test-helpers/world.ts'))).createServerWorld() : undefined;
const builds = [{ name: 'this tree', from: root, world }, ...(baselineDir ? [{ name: `baseline ${BASELINE_REF}`, from: baselineDir, world: baselineWorld }] : [])];

/** The bench database's backends (not this process's own), grouped as the executor's, pg-boss's or the dispatcher's. */
async function backends(world) {
  const { rows } = await world.db.query(
    `select pid, application_name from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`);
  return rows.map((row) => ({ pid: row.pid, group: row.application_name.startsWith('pgboss') ? 'pg-boss' : row.application_name === 'connector-studio-dispatcher' ? 'dispatcher' : 'executor' }));
}

/** CPU seconds per backend pid, the last value seen (a backend that exits keeps its last sample). */
function backendSampler(world) {
  const seen = new Map();
  return {
    async sample() {
      for (const { pid, group } of await backends(world)) {
        const [cpu, wait] = await Promise.all([cpuSeconds(pid), runQueueSeconds(pid)]);
        if (cpu === undefined || wait === undefined) continue;
        const entry = seen.get(pid) ?? { group, first: cpu, last: cpu, firstWait: wait, lastWait: wait };
        entry.last = cpu;
        entry.lastWait = wait;
        seen.set(pid, entry);
      }
    },
    /** CPU seconds since the first sample, by group (backends that appeared later count from 0). */
    totals(baseline) {
      const totals = { executor: 0, 'pg-boss': 0, dispatcher: 0 };
      for (const [pid, entry] of seen) totals[entry.group] += entry.last - (baseline.has(pid) ? entry.first : 0);
      return totals;
    },
    /** Seconds all of them waited for a core since the first sample. */
    waited(baseline) {
      let total = 0;
      for (const [pid, entry] of seen) total += entry.lastWait - (baseline.has(pid) ? entry.firstWait : 0);
      return total;
    },
    pids: () => new Set(seen.keys()),
  };
}

async function waitForRows(world, connectorId, expected, onTick) {
  const deadline = Date.now() + PHASE_MS;
  let done = 0;
  while (done < expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    await onTick?.();
    done = (await world.db.query(`select count(*)::int as n from connector_executions where connector_id = $1`, [connectorId])).rows[0].n;
  }
  return done;
}

async function enqueueAll(world, connectorId, runs) {
  const contacts = Array.from({ length: runs }, () => crypto.randomUUID());
  for (let i = 0; i < runs; i += 1000) await enqueue(world, connectorId, { email: 'bench@example.com' }, contacts.slice(i, i + 1000));
}

async function drainPhase({ n, batch, each = false, concurrency = CONCURRENCY, runs = RUNS }, build) {
  const { world } = build;
  const tag = `bench-n${n}-b${batch}${each ? 'e' : ''}-c${concurrency}-${build === builds[0] ? 'a' : 'b'}`;
  const label = `${build === builds[0] ? '' : `${build.name}: `}${n} worker(s), batch ${batch}${each ? ' (each job completed at once)' : ''}${concurrency === CONCURRENCY ? '' : `, ${concurrency} at once`}`;
  const connectorId = await addConnector(world, { tag, steps: STEPS, baseUrl: sandbox.baseUrl, rateLimit });
  const workers = await Promise.all(Array.from({ length: n }, () =>
    spawnWorker(world.url, { WORKER_CONCURRENCY: String(concurrency), WORKER_BATCH_SIZE: String(batch), WORKER_SUPERVISE_INTERVAL_SECONDS: '5', WORKER_COMPLETE_EACH_JOB: each ? 'on' : 'off' }, build.from)));
  try {
    const cpuBefore = (await Promise.all(workers.map((worker) => cpuSeconds(worker.pid)))).reduce((a, b) => a + (b ?? 0), 0);
    const waitBefore = (await Promise.all(workers.map((worker) => runQueueSeconds(worker.pid)))).reduce((a, b) => a + (b ?? 0), 0);
    const sampler = backendSampler(world);
    await sampler.sample();
    const baseline = sampler.pids();
    const machineBefore = await machineCpu();
    const phaseLoad = loadavg()[0];
    await enqueueAll(world, connectorId, runs);
    const done = await waitForRows(world, connectorId, runs, () => sampler.sample());
    await sampler.sample();
    const machineAfter = await machineCpu();
    const workerCpu = (await Promise.all(workers.map((worker) => cpuSeconds(worker.pid)))).reduce((a, b) => a + (b ?? 0), 0) - cpuBefore;
    const workerWait = (await Promise.all(workers.map((worker) => runQueueSeconds(worker.pid)))).reduce((a, b) => a + (b ?? 0), 0) - waitBefore;
    const pgCpu = sampler.totals(baseline);
    const pgWait = sampler.waited(baseline);
    const loadAfter = loadavg()[0];
    // Where a job's time went, phase by phase, from timestamps taken on one clock (the database's
    // now() at the start of each statement, and the run's own start and end from the worker):
    //   fetch      pg-boss's fetch statement began (started_on) → start_server_execution began
    //              (connector_run_requests.started_at): the fetch itself, pg-boss handing the job
    //              over, the job's connection checked out;
    //   start      start_server_execution began → the run began (that statement, parsing the document);
    //   run        the run (runConnector: the 3 requests and the run's own CPU);
    //   to record  the run ended → record_execution began (connector_executions.created_at);
    //   complete   record_execution began → pg-boss's complete statement began (completed_on): the
    //              record statement, then whatever the job waits for before pg-boss completes it.
    // Each phase's median, and the whole job (fetched → completed) beyond the run and beyond the
    // requests' 3 × 20 ms.
    const { rows: [split] } = await world.db.query(
      `with job as (
         select extract(epoch from (r.started_at - j.started_on)) * 1000 as fetch_ms,
                extract(epoch from (e.started_at - r.started_at)) * 1000 as start_ms,
                extract(epoch from (e.completed_at - e.started_at)) * 1000 as run_ms,
                extract(epoch from (e.created_at - e.completed_at)) * 1000 as to_record_ms,
                extract(epoch from (j.completed_on - e.created_at)) * 1000 as complete_ms,
                extract(epoch from (j.completed_on - j.started_on)) * 1000 as job_ms
         from connector_executions e
         join pgboss.job j on j.id = e.client_run_id and j.name = $2
         join connector_run_requests r on r.id = e.client_run_id
         where e.connector_id = $1 and j.completed_on is not null and r.started_at is not null)
       select ${['fetch', 'start', 'run', 'to_record', 'complete', 'job'].map((phase) =>
         `percentile_cont(0.5) within group (order by ${phase}_ms) as ${phase}_ms, percentile_cont(0.95) within group (order by ${phase}_ms) as ${phase}_p95`).join(', ')},
              percentile_cont(0.5) within group (order by job_ms - run_ms) as overhead_ms,
              percentile_cont(0.95) within group (order by job_ms - run_ms) as overhead_p95
       from job`,
      [connectorId, 'connector-executions'],
    );
    const { rows: timing } = await world.db.query(
      `select extract(epoch from (e.completed_at - r.created_at)) * 1000 as latency_ms, e.status,
              extract(epoch from r.created_at) * 1000 as queued_at, extract(epoch from e.completed_at) * 1000 as done_at
       from connector_executions e join connector_run_requests r on r.id = e.client_run_id where e.connector_id = $1`,
      [connectorId],
    );
    const latencies = timing.map((row) => Number(row.latency_ms)).sort((a, b) => a - b);
    const first = Math.min(...timing.map((row) => Number(row.queued_at)));
    const last = Math.max(...timing.map((row) => Number(row.done_at)));
    const seconds = (last - first) / 1000;
    const rate = timing.length / seconds;
    const count = Math.max(1, timing.length);
    const perRun = (cpuSeconds) => (cpuSeconds * 1000) / count;
    const machineBusy = (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total);
    return {
      label, rate, seconds, runs: timing.length, ok: timing.filter((row) => row.status === 'success').length,
      note: done < runs ? ` (stopped at the ${PHASE_MS / 1000} s bound: ${done}/${runs})` : '',
      p50: percentile(latencies, 50), p95: percentile(latencies, 95),
      workerCpuMs: perRun(workerCpu), executorPgCpuMs: perRun(pgCpu.executor), bossPgCpuMs: perRun(pgCpu['pg-boss'] + pgCpu.dispatcher),
      phases: Object.fromEntries(['fetch', 'start', 'run', 'to_record', 'complete', 'job', 'overhead'].map((phase) => [phase, { p50: Number(split?.[`${phase}_ms`]), p95: Number(split?.[`${phase}_p95`]) }])),
      runMs: Number(split?.run_ms), overheadMs: Number(split?.overhead_ms), jobMs: Number(split?.job_ms),
      workerWaitMs: perRun(workerWait), pgWaitMs: perRun(pgWait),
      machineBusy, load: phaseLoad, loadAfter,
      // One job at a time, batch 1: the poller sleeps its 0.5 s interval after each job and its
      // idle fetches and pg-boss's supervision are spread over few executions.
      idleShare: batch === 1,
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}

/** Round trips per execution, one worker, through the counting proxy. */
async function countRoundTrips(build) {
  const { world } = build;
  const target = new URL(world.url);
  const counter = await startRoundTripCounter(target.hostname, Number(target.port || 5432));
  const proxied = new URL(world.url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(counter.port);
  const connectorId = await addConnector(world, { tag: `bench-count-${build === builds[0] ? 'a' : 'b'}`, steps: 3, baseUrl: sandbox.baseUrl, rateLimit });
  const [worker] = await Promise.all([spawnWorker(proxied.toString(), { WORKER_CONCURRENCY: String(CONCURRENCY), WORKER_BATCH_SIZE: String(BATCH) }, build.from)]);
  try {
    counter.reset();
    await enqueueAll(world, connectorId, COUNT_RUNS);
    const done = await waitForRows(world, connectorId, COUNT_RUNS);
    const counts = counter.counts();
    // pg-boss names its connections pgboss:<instance>.
    const bossTrips = [...counts].filter(([app]) => app.startsWith('pgboss')).reduce((sum, [, n]) => sum + n, 0);
    // A worker from before application_name was set: its executor and dispatcher both show as ''.
    const executorTrips = (counts.get('connector-studio-worker') ?? 0) + (counts.get('') ?? 0);
    const dispatcherTrips = counts.get('connector-studio-dispatcher') ?? 0;
    return { executor: executorTrips / done, boss: bossTrips / done, dispatcher: dispatcherTrips / done, done };
  } finally {
    await worker.stop();
    await counter.close();
  }
}

try {
  // Baseline: one process, the CLI, the same connector document, the same sandbox.
  const doc = sandboxConnectorDocument({ tag: 'bench-cli', steps: 3, baseUrl: sandbox.baseUrl, rateLimit });
  const file = join(dir, 'bench.connector.json');
  await writeFile(file, JSON.stringify(doc));
  const rows = join(dir, 'rows.csv');
  await writeFile(rows, `email\n${Array.from({ length: RUNS }, (_, i) => `user${i}@example.com`).join('\n')}\n`);
  const load = loadavg()[0];
  const machineBefore = await machineCpu();
  const cli = await runMeasured(process.execPath, [join(root, 'bin/connector-studio.cjs'), 'run', file, '--data', rows, '--json', '--concurrency', String(CONCURRENCY), '--credential', `api_key=${CANARY}`]);
  const machineAfter = await machineCpu();
  const summary = JSON.parse(cli.stdout.trim().split('\n').at(-1)).summary;
  if (summary?.succeeded !== RUNS) throw new Error(`the CLI baseline did not succeed ${RUNS} times: ${JSON.stringify(summary)}`);
  const cliRate = RUNS / (cli.ms / 1000);
  const cliCpuMs = (cli.cpu * 1000) / RUNS;
  const cliBusy = (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total);
  process.stdout.write(`cli --data: ${RUNS} runs in ${(cli.ms / 1000).toFixed(1)} s = ${cliRate.toFixed(0)} executions/s (concurrency ${CONCURRENCY}), ` +
    `${cliCpuMs.toFixed(2)} ms CPU per execution, cores ${(cliBusy * 100).toFixed(0)}% busy, load average ${load.toFixed(1)}\n`);
  report({ metric: `cli --data (1 process, concurrency ${CONCURRENCY})`, value: cliRate, unit: 'executions/s' });
  report({ metric: 'cli --data: CPU per execution', value: cliCpuMs, unit: 'ms' });

  for (const build of builds) {
    const trips = await countRoundTrips(build);
    const who = build === builds[0] ? '' : `${build.name}: `;
    process.stdout.write(`${who}round trips per execution (1 worker, ${trips.done} runs through a counting proxy): executor ${trips.executor.toFixed(1)}, ` +
      `pg-boss ${trips.boss.toFixed(1)}, dispatcher ${trips.dispatcher.toFixed(2)}\n`);
    report({ metric: `${who}round trips per execution: executor`, value: trips.executor, unit: '' });
    report({ metric: `${who}round trips per execution: pg-boss`, value: trips.boss, unit: '' });
  }

  const requestsMs = STEPS * LATENCY_MS;
  const PHASE_NAMES = [['fetch', 'fetched → start'], ['start', 'start → run'], ['run', 'run'], ['to_record', 'run → record'], ['complete', 'record → completed']];
  const printPhase = (r) => {
    const cpuTotal = r.workerCpuMs + r.executorPgCpuMs + r.bossPgCpuMs;
    // The queue's overhead per execution: what a server execution costs beyond the run itself
    // (the CLI's CPU per execution stands for the run's own share of the worker's CPU).
    const overheadCpuMs = Math.max(0, r.workerCpuMs - cliCpuMs) + r.executorPgCpuMs + r.bossPgCpuMs;
    process.stdout.write(`${r.label}: ${r.runs} runs (${r.ok} ok) in ${r.seconds.toFixed(1)} s = ${r.rate.toFixed(0)} executions/s, ` +
      `p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms queue-to-done, ${(r.rate / cliRate).toFixed(2)}x the CLI; ` +
      `CPU per execution ${cpuTotal.toFixed(1)} ms (worker ${r.workerCpuMs.toFixed(1)}, its Postgres backends ${r.executorPgCpuMs.toFixed(1)}, pg-boss's ${r.bossPgCpuMs.toFixed(1)}); ` +
      `cores ${(r.machineBusy * 100).toFixed(0)}% busy, load average ${r.load.toFixed(1)} → ${r.loadAfter.toFixed(1)}${r.note}\n` +
      `  a job's wall time by phase, median / p95 ms: ${PHASE_NAMES.map(([key, name]) => `${name} ${r.phases[key].p50.toFixed(1)} / ${r.phases[key].p95.toFixed(0)}`).join(', ')}; ` +
      `beyond the run ${r.phases.overhead.p50.toFixed(1)} / ${r.phases.overhead.p95.toFixed(0)}; ` +
      // Not the queue's: time its processes were runnable with no core free, per execution.
      `waiting for a core, per execution (all threads, summed): workers ${r.workerWaitMs.toFixed(1)} ms, their Postgres backends ${r.pgWaitMs.toFixed(1)} ms\n` +
      `  queue overhead per execution, beside the requests' own ${STEPS} × ${LATENCY_MS} ms = ${requestsMs} ms: ` +
      `CPU ${overheadCpuMs.toFixed(1)} ms (worker beyond the CLI's ${cliCpuMs.toFixed(1)} ms run ${Math.max(0, r.workerCpuMs - cliCpuMs).toFixed(1)}, Postgres ${(r.executorPgCpuMs + r.bossPgCpuMs).toFixed(1)}) = ${(overheadCpuMs / requestsMs).toFixed(2)}x the requests' time` +
      `${r.idleShare ? ' (with the idle polling between jobs: read the wall figure here)' : ''}; ` +
      `wall ${r.overheadMs.toFixed(0)} ms per job beside its ${r.runMs.toFixed(0)} ms run = ${(r.overheadMs / r.runMs).toFixed(2)}x the run, ${(r.overheadMs / requestsMs).toFixed(2)}x the requests' time; ` +
      // The run's own duration includes whatever statements it makes (a credential read), so
      // also the whole job beyond the requests: fetched → completed minus 3 × 20 ms.
      `a job fetched → completed ${r.jobMs.toFixed(0)} ms = requests + ${(r.jobMs - requestsMs).toFixed(0)} ms (${((r.jobMs - requestsMs) / requestsMs).toFixed(2)}x)\n`);
    report({ metric: `${r.label}: throughput`, value: r.rate, unit: 'executions/s', note: r.note });
    report({ metric: `${r.label}: p50 / p95 queue-to-done`, value: r.p50, unit: `/ ${r.p95.toFixed(0)} ms` });
    report({ metric: `${r.label} / cli --data`, value: r.rate / cliRate, unit: 'x' });
    report({ metric: `${r.label}: CPU per execution (worker + Postgres)`, value: cpuTotal, unit: 'ms' });
    report({ metric: `${r.label}: queue overhead CPU per execution / ${requestsMs} ms of requests`, value: overheadCpuMs, unit: 'ms' });
    report({ metric: `${r.label}: queue overhead wall per job / run (medians)`, value: r.overheadMs, unit: `/ ${r.runMs.toFixed(0)} ms` });
    report({ metric: `${r.label}: a job fetched → completed beyond the ${requestsMs} ms of requests (median)`, value: r.jobMs - requestsMs, unit: 'ms' });
    for (const [key, name] of PHASE_NAMES) report({ metric: `${r.label}: a job's ${name} (median)`, value: r.phases[key].p50, unit: `ms (p95 ${r.phases[key].p95.toFixed(0)})` });
    report({ metric: `${r.label}: waiting for a core per execution (workers + Postgres)`, value: r.workerWaitMs + r.pgWaitMs, unit: 'ms' });
    report({ metric: `${r.label}: cores busy`, value: r.machineBusy * 100, unit: '%' });
    report({ metric: `${r.label}: load average`, value: r.load, unit: `→ ${r.loadAfter.toFixed(1)}` });
  };

  // Interleaved: each phase of this tree, then the same phase of the baseline (when asked for).
  // First the low-concurrency phase, where the wall overhead is least inflated by queueing for a core.
  const phases = [...(LOW_RUNS > 0 ? [{ n: 1, batch: 1, concurrency: 1, runs: LOW_RUNS }] : []), ...PHASES];
  for (const phase of phases) {
    for (const build of builds) printPhase(await drainPhase(phase, build));
  }
} finally {
  await rm(dir, { recursive: true, force: true });
  if (baselineDir) await rm(baselineDir, { recursive: true, force: true });
  await sandbox.close();
  await world.db.close();
  await baselineWorld?.db.close();
}
