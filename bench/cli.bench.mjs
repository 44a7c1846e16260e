// The chain benchmark (issue #2, section 8): 200 iterations of the 3-step chain
// (search contact by phone → get contact → get company) against a local server, each
// contestant as a whole process, measured in the same run and interleaved so drift on a
// shared machine hits all of them alike:
//   cli          connector-studio run chain --data 200 rows --json   (the prebuilt bundle)
//   cli-cold     the same with an empty V8 compile cache (the first run after an install)
//   handwritten  a plain fetch loop doing the same requests (baselines/handwritten-chain.cjs):
//                the yardstick
//   http         the same loop over node:http (baselines/handwritten-chain-http.cjs): issue 10's
//                "physical limit" (≤ 1.2×), printed too
//   http-wire    that loop sending the CLI's own headers (fetch's defaults: accept */*,
//                accept-encoding, user-agent), so both put the same requests on the wire (checked
//                on the server): how much of CLI / http is the server reading more headers
//   undici-long  the same loop over undici's dispatcher (baselines/handwritten-chain-undici.cjs), the
//                HTTP client the CLI uses, over the 2,000 rows: CLI / it is the engine's own cost.
//                Unbundled, it starts ~100 ms slower than the CLI's copy, hence the long batch only
//   newman       Newman running the equivalent Postman collection with 200 data rows
//   cli-long, http-long  the cli and the node:http loop over 2,000 rows: a long batch, where
//                V8's optimising compiler has had time to work (fewer rounds)
// Each contestant's output is checked (200 successes, 600 requests) so a fast failure
// never counts as a fast run. Figures are printed, not asserted.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_TOKEN, phoneRows, startChainServer } from './lib/chainServer.mjs';
import { median, report } from './lib/report.mjs';
import { timeProcess } from './lib/timeProcess.mjs';

const ROWS = 200;
// 11 rounds: with 7, one or two rounds disturbed by other load on a shared machine moved the median ratio by ±0.15.
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const NEWMAN_RUNS = Number(process.env.BENCH_NEWMAN_RUNS ?? 3);
const LONG_ROWS = 2000;
const LONG_RUNS = Number(process.env.BENCH_LONG_RUNS ?? 5);
const root = fileURLToPath(new URL('..', import.meta.url));

const server = await startChainServer();
const dir = await mkdtemp(join(tmpdir(), 'connector-studio-bench-'));
try {
  const rowsCsv = join(dir, 'rows.csv');
  await writeFile(rowsCsv, `phone\n${phoneRows(ROWS).join('\n')}\n`);
  const longRowsCsv = join(dir, 'rows-long.csv');
  await writeFile(longRowsCsv, `phone\n${phoneRows(LONG_ROWS).join('\n')}\n`);

  const lastJsonLine = (stdout) => JSON.parse(stdout.trim().split('\n').at(-1));
  const contestants = {
    cli: {
      args: [join(root, 'bin/connector-studio.cjs'), 'run', join(root, 'bench/fixtures/chain.interchange.json'), '--data', rowsCsv, '--json',
        '--input', `base_url=${server.baseUrl}`, '--credential', `crm_token=${BENCH_TOKEN}`],
      check: (result) => lastJsonLine(result.stdout).summary?.succeeded === ROWS,
      runs: RUNS,
    },
    // The same command with an empty V8 compile cache (bin/connector-studio.cjs keeps one under
    // the user's cache directory): what the first run after an install or an upgrade costs.
    'cli-cold': {
      args: [join(root, 'bin/connector-studio.cjs'), 'run', join(root, 'bench/fixtures/chain.interchange.json'), '--data', rowsCsv, '--json',
        '--input', `base_url=${server.baseUrl}`, '--credential', `crm_token=${BENCH_TOKEN}`],
      check: (result) => lastJsonLine(result.stdout).summary?.succeeded === ROWS,
      runs: RUNS,
      env: async () => {
        const cache = join(dir, 'compile-cache');
        await rm(cache, { recursive: true, force: true });
        return { ...process.env, NODE_COMPILE_CACHE: cache };
      },
    },
    handwritten: {
      args: [join(root, 'bench/baselines/handwritten-chain.cjs'), server.baseUrl, rowsCsv, BENCH_TOKEN],
      check: (result) => lastJsonLine(result.stdout).summary?.succeeded === ROWS,
      runs: RUNS,
    },
    http: {
      args: [join(root, 'bench/baselines/handwritten-chain-http.cjs'), server.baseUrl, rowsCsv, BENCH_TOKEN],
      check: (result) => lastJsonLine(result.stdout).summary?.succeeded === ROWS,
      runs: RUNS,
    },
    'http-wire': {
      args: [join(root, 'bench/baselines/handwritten-chain-http.cjs'), server.baseUrl, rowsCsv, BENCH_TOKEN, 'as-the-cli-sends'],
      check: (result) => lastJsonLine(result.stdout).summary?.succeeded === ROWS,
      runs: RUNS,
    },
    newman: {
      args: [join(root, 'node_modules/newman/bin/newman.js'), 'run', join(root, 'bench/baselines/chain.postman_collection.json'),
        '--iteration-data', rowsCsv, '--env-var', `base_url=${server.baseUrl}`, '--env-var', `crm_token=${BENCH_TOKEN}`, '--silent'],
      check: (result) => result.code === 0,
      runs: NEWMAN_RUNS,
      // Newman's several seconds dwarf any cache effect: no warm-up run, to keep the bench short.
      skipWarmUp: true,
    },
    'cli-long': {
      args: [join(root, 'bin/connector-studio.cjs'), 'run', join(root, 'bench/fixtures/chain.interchange.json'), '--data', longRowsCsv, '--json',
        '--input', `base_url=${server.baseUrl}`, '--credential', `crm_token=${BENCH_TOKEN}`],
      check: (result) => lastJsonLine(result.stdout).summary?.succeeded === LONG_ROWS,
      rows: LONG_ROWS,
      runs: LONG_RUNS,
    },
    'undici-long': {
      args: [join(root, 'bench/baselines/handwritten-chain-undici.cjs'), server.baseUrl, longRowsCsv, BENCH_TOKEN],
      check: (result) => lastJsonLine(result.stdout).summary?.succeeded === LONG_ROWS,
      rows: LONG_ROWS,
      runs: LONG_RUNS,
    },
    'http-long': {
      args: [join(root, 'bench/baselines/handwritten-chain-http.cjs'), server.baseUrl, longRowsCsv, BENCH_TOKEN],
      check: (result) => lastJsonLine(result.stdout).summary?.succeeded === LONG_ROWS,
      rows: LONG_ROWS,
      runs: LONG_RUNS,
    },
  };

  const times = Object.fromEntries(Object.keys(contestants).map((name) => [name, []]));
  // The last request's headers, without the ones each client sets itself (host, connection).
  const comparableHeaders = (headers) => Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'host' && name !== 'connection').sort(([a], [b]) => a.localeCompare(b)));
  const wireHeaders = {};
  // One unmeasured warm-up each (disk cache, first compile), then interleaved measured runs.
  for (let run = 0; run <= RUNS; run++) {
    for (const [name, contestant] of Object.entries(contestants)) {
      if (run > contestant.runs || (run === 0 && contestant.skipWarmUp)) continue;
      const before = server.requestCount();
      const env = contestant.env ? await contestant.env() : process.env;
      const result = await timeProcess(process.execPath, contestant.args, { cwd: root, env });
      const requests = server.requestCount() - before;
      const rows = contestant.rows ?? ROWS;
      if (result.code !== 0 && name !== 'newman' || !contestant.check(result) || requests !== rows * 3) {
        throw new Error(`${name} did not complete the ${rows} iterations (exit ${result.code}, ${requests} requests):\n${result.stderr.slice(0, 2000)}${result.stdout.slice(-1000)}`);
      }
      if (run > 0) times[name].push(result.ms);
      if (name === 'cli' || name === 'http-wire') wireHeaders[name] = comparableHeaders(server.lastHeaders());
    }
    if (JSON.stringify(wireHeaders.cli) !== JSON.stringify(wireHeaders['http-wire'])) {
      throw new Error(`http-wire must send what the CLI sends: the CLI sent ${JSON.stringify(wireHeaders.cli)}, http-wire ${JSON.stringify(wireHeaders['http-wire'])}`);
    }
  }

  // Runs are interleaved, so each round's CLI/hand-written ratio compares runs made under the
  // same machine load; its median is steadier than the ratio of medians on a shared machine.
  const pairRatios = times.cli.map((ms, i) => ms / times.handwritten[i]);
  const cli = median(times.cli);
  const handwritten = median(times.handwritten);
  const http = median(times.http);
  const newman = median(times.newman);
  for (const [name, values] of Object.entries(times)) {
    console.log(`${name.padEnd(12)} median ${median(values).toFixed(0)} ms  runs: ${values.map((ms) => ms.toFixed(0)).join(', ')}`);
  }
  report({ metric: `CLI, ${ROWS} rows × 3 requests (median of ${RUNS})`, value: Math.round(cli), unit: 'ms' });
  report({ metric: `hand-written fetch loop (median of ${RUNS})`, value: Math.round(handwritten), unit: 'ms' });
  report({ metric: `hand-written node:http loop (median of ${RUNS})`, value: Math.round(http), unit: 'ms' });
  report({ metric: `Newman (median of ${NEWMAN_RUNS})`, value: Math.round(newman), unit: 'ms' });
  report({ metric: 'CLI / hand-written (ratio of medians)', value: cli / handwritten, unit: '×', target: '≤ 1.2×', met: cli / handwritten <= 1.2 });
  report({ metric: 'CLI / hand-written (median of per-round ratios)', value: median(pairRatios), unit: '×', target: '≤ 1.2×', met: median(pairRatios) <= 1.2 });
  // Issue 10 §3's yardstick (≤ 1.2×); the CLI's own client is undici (see undici-long).
  report({ metric: 'CLI / hand-written node:http loop (median of per-round ratios)', value: median(times.cli.map((ms, i) => ms / times.http[i])), unit: '×', target: '≤ 1.2×', met: median(times.cli.map((ms, i) => ms / times.http[i])) <= 1.2 });
  report({ metric: `hand-written node:http loop sending the CLI's headers, the same requests on the wire (median of ${RUNS})`, value: Math.round(median(times['http-wire'])), unit: 'ms' });
  report({ metric: 'CLI / that loop (median of per-round ratios)', value: median(times.cli.map((ms, i) => ms / times['http-wire'][i])), unit: '×' });
  report({ metric: `CLI with an empty compile cache (median of ${RUNS})`, value: Math.round(median(times['cli-cold'])), unit: 'ms' });
  report({ metric: 'CLI with an empty compile cache / hand-written node:http loop (median of per-round ratios)', value: median(times['cli-cold'].map((ms, i) => ms / times.http[i])), unit: '×' });
  const longRounds = times['cli-long'].length;
  report({ metric: `CLI, ${LONG_ROWS} rows (median of ${longRounds})`, value: Math.round(median(times['cli-long'])), unit: 'ms' });
  report({ metric: `hand-written node:http loop, ${LONG_ROWS} rows (median of ${longRounds})`, value: Math.round(median(times['http-long'])), unit: 'ms' });
  report({ metric: `CLI / hand-written node:http loop, ${LONG_ROWS} rows (median of per-round ratios)`, value: median(times['cli-long'].map((ms, i) => ms / times['http-long'][i])), unit: '×' });
  report({ metric: `hand-written undici loop, ${LONG_ROWS} rows (median of ${longRounds})`, value: Math.round(median(times['undici-long'])), unit: 'ms' });
  report({ metric: `CLI / hand-written undici loop (the CLI's own client), ${LONG_ROWS} rows (median of per-round ratios)`, value: median(times['cli-long'].map((ms, i) => ms / times['undici-long'][i])), unit: '×' });
  report({ metric: 'Newman / CLI', value: newman / cli, unit: '×', target: '≥ 10×', met: newman / cli >= 10 });
} finally {
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
