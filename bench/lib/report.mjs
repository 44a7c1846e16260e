// How a bench reports a figure to bench/index.mjs, and how the summary table is drawn.
export const RESULT_PREFIX = 'BENCH_RESULT ';

/**
 * @param {{ metric: string, value: number, unit: string, target?: string, met?: boolean, note?: string }} result
 */
export function report(result) {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function formatTable(results) {
  const header = ['bench', 'metric', 'value', 'target', 'met'];
  const rows = results.map((r) => [
    r.bench,
    r.metric,
    `${formatNumber(r.value)} ${r.unit}`.trim(),
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function formatNumber(value) {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}
