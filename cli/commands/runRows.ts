import type { ExecutionRecord, HttpTransport, InputValue } from '#core';
import { loadRows, type Row } from '../io/loadRows.js';
import { formatMs, formatRowLine } from '../output/formatRunReport.js';
import { createProgressBar } from '../output/ProgressBar.js';
import { toJsonResult } from '../output/toJsonResult.js';
import { runOnce, type RunSetup } from './runOnce.js';

export interface RowsOptions {
  dataPath: string;
  /** --input values, applied to every row unless the row has its own. */
  baseInputs: Record<string, InputValue>;
  concurrency: number;
  json: boolean;
}

/**
 * `run --data`: one run per row, `concurrency` at a time, all through ONE rate limiter
 * registry so the connector's per-minute/per-hour limit holds across rows. Results are
 * printed as each row finishes (JSON lines carry `row`, the 1-based row number).
 */
export async function runRows(setup: RunSetup, transport: HttpTransport, options: RowsOptions): Promise<number> {
  const { terminal, signal } = setup.context;
  const rows = await loadRows(options.dataPath);
  const known = new Set(setup.connector.inputs.map((input) => input.name));
  warnAboutUnknownColumns(setup, rows, known);

  const startedAt = performance.now();
  const progress = createProgressBar(rows.length, terminal);
  let next = 0;
  let succeeded = 0;
  let failed = 0;

  const print = (record: ExecutionRecord, index: number) => {
    if (options.json) {
      terminal.out(`${JSON.stringify(toJsonResult(record, index + 1))}\n`);
    } else {
      progress.clear();
      terminal.out(formatRowLine(record, index + 1));
    }
    progress.advance(record.status === 'success');
  };
  const printAfterNextTurn = (record: ExecutionRecord, index: number) => setImmediate(print, record, index);

  const worker = async () => {
    while (next < rows.length && !signal.aborted) {
      const index = next++;
      const record = await runOnce(setup, transport, { ...options.baseInputs, ...onlyInputs(rows[index] ?? {}, known) });
      if (record.status === 'success') succeeded++;
      else failed++;
      // Printed once the next row's first request is on its way: the formatting and the write
      // then use the time the CLI waits for that answer instead of delaying it. Two turns of the
      // event loop, not one: undici writes a request on a reused keep-alive socket from an
      // immediate of its own (it first reads what the idle socket may hold), and this one would
      // run before it. Rows still run one after another, and print in order.
      setImmediate(printAfterNextTurn, record, index);
    }
    // Immediates run in order: two turns on, every row of this worker is printed.
    await new Promise((done) => setImmediate(() => setImmediate(done)));
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, rows.length) }, worker));
  progress.finish();

  const durationMs = Math.round(performance.now() - startedAt);
  const total = rows.length;
  const notRun = total - succeeded - failed;
  if (options.json) {
    terminal.out(`${JSON.stringify({ summary: { total, succeeded, failed: failed + notRun, durationMs } })}\n`);
  } else {
    const cancelled = notRun > 0 ? `, ${notRun} not run (cancelled)` : '';
    terminal.out(`\n${total} row${total === 1 ? '' : 's'}: ${succeeded} succeeded, ${failed} failed${cancelled} in ${formatMs(durationMs)}\n`);
  }
  return failed + notRun === 0 ? 0 : 1;
}

function onlyInputs(row: Row, known: Set<string>): Row {
  const inputs: Row = {};
  for (const [key, value] of Object.entries(row)) if (known.has(key)) inputs[key] = value;
  return inputs;
}

function warnAboutUnknownColumns(setup: RunSetup, rows: Row[], known: Set<string>): void {
  const unknown = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) if (!known.has(key)) unknown.add(key);
  if (unknown.size > 0) {
    setup.context.terminal.err(`Note: ignoring column${unknown.size === 1 ? '' : 's'} that ${unknown.size === 1 ? 'is' : 'are'} not an input of ${setup.connector.name}: ${[...unknown].join(', ')}\n`);
  }
}
