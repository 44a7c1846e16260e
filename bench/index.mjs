// `npm run bench`: runs every bench/*.bench.mjs as its own process (so one bench's heap,
// servers and timers never skew another's), streams its output, and ends with one table
// of every result. A bench reports results by printing lines `BENCH_RESULT {json}`
// (see lib/report.mjs); everything else it prints is shown as is.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { formatTable, RESULT_PREFIX } from './lib/report.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = (await readdir(here))
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => only.length === 0 || only.some((filter) => name.includes(filter)))
  .sort();

const results = [];
let failures = 0;
for (const file of files) {
  process.stdout.write(`\n▶ ${file}\n`);
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [`${here}${file}`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      let newline;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (line.startsWith(RESULT_PREFIX)) results.push({ bench: file.replace('.bench.mjs', ''), ...JSON.parse(line.slice(RESULT_PREFIX.length)) });
        else process.stdout.write(`  ${line}\n`);
      }
    });
    child.on('close', (exitCode) => resolve(exitCode));
  });
  if (code !== 0) {
    failures++;
    process.stdout.write(`  ✗ ${file} exited with code ${code}\n`);
  }
}

process.stdout.write(`\n${formatTable(results)}\n`);
// Figures are reported, not asserted: only a bench that crashed fails the command.
process.exitCode = failures > 0 ? 1 : 0;
