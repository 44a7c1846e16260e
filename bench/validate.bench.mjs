// Validation of large files (issue 11, point 5): a 1,000-step interchange file — a chain, and one
// step fanning out to 999 — through the core's validateDocument (import, schema, every rule), as
// the CLI's validate and the host's import run it. Before the graph index this took 7–10 s.
// Baseline in the same run: the same files through JSON.parse and the interchange zod schema
// alone (the unavoidable parse), and a 100-step chain, so the 1,000/100 ratio shows how the
// cost grows (10× is linear, 100× quadratic). The core is bundled from source first.
//   node bench/validate.bench.mjs   (BENCH_ROUNDS to change the number of rounds, default 7)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { median, report } from './lib/report.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const root = fileURLToPath(new URL('..', import.meta.url));

const step = (i, url) => ({ id: `step_${i}`, name: `Step ${i}`, method: 'GET', url, outputs: { v: '$.v' } });
const file = (steps) => JSON.stringify({ name: 'Large', type: 'multi-step', input_schema: { phone: { type: 'string' } }, config: { steps }, field_mappings: [] });
const chain = (n) => file(Array.from({ length: n }, (_, i) => step(i + 1, `https://api.example.com/x/${i === 0 ? '{{phone}}' : `{{step_${i}.v}}`}`)));
const wide = (n) => file([step(1, 'https://api.example.com/{{phone}}'), { type: 'parallel', id: 'group', steps: Array.from({ length: n - 1 }, (_, i) => step(i + 2, 'https://api.example.com/{{step_1.v}}')) }]);

const dir = await mkdtemp(join(tmpdir(), 'connector-studio-validate-bench-'));
try {
  const outfile = join(dir, 'core.mjs');
  // The barrel, plus the interchange schema for the parse-only baseline (core keeps it internal).
  const entry = `export * from ${JSON.stringify(join(root, 'core/index.ts'))};\nexport { InterchangeSchema } from ${JSON.stringify(join(root, 'core/interchange/schema.ts'))};\n`;
  await build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'warning' });
  const core = await import(pathToFileURL(outfile).href);
  const files = { chain100: chain(100), chain1000: chain(1000), wide1000: wide(1000) };

  const time = (fn) => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  };
  const validate = (text) => {
    const result = core.validateDocument(JSON.parse(text));
    // Over the step limit and nothing else: the rules ran and found exactly that.
    if (result.ok || !result.issues.some((issue) => /the limit is 5/.test(issue.message))) throw new Error(`unexpected result: ${JSON.stringify(result.issues.slice(0, 3))}`);
  };
  const parseOnly = (text) => {
    if (!core.InterchangeSchema.safeParse(JSON.parse(text)).success) throw new Error('the bench file does not parse');
  };

  const samples = { chain100: [], chain1000: [], wide1000: [], parse1000: [] };
  validate(files.chain100); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    samples.chain100.push(time(() => validate(files.chain100)));
    samples.chain1000.push(time(() => validate(files.chain1000)));
    samples.wide1000.push(time(() => validate(files.wide1000)));
    samples.parse1000.push(time(() => parseOnly(files.chain1000)));
  }
  const m = Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, median(values)]));
  console.log(`medians of ${ROUNDS} rounds: ${Object.entries(m).map(([key, value]) => `${key} ${value.toFixed(1)} ms`).join(', ')}`);
  report({ metric: 'validate a 1,000-step interchange chain', value: m.chain1000, unit: 'ms', target: '< 1000 ms', met: m.chain1000 < 1000 });
  report({ metric: 'validate a 1,000-step fan-out (1 → 999)', value: m.wide1000, unit: 'ms', target: '< 1000 ms', met: m.wide1000 < 1000 });
  report({ metric: '1,000-step chain / JSON.parse + interchange schema alone', value: m.chain1000 / m.parse1000, unit: '×' });
  report({ metric: 'growth: 1,000-step / 100-step chain (10× = linear)', value: m.chain1000 / m.chain100, unit: '×', target: '≤ 20×', met: m.chain1000 / m.chain100 <= 20 });
} finally {
  await rm(dir, { recursive: true, force: true });
}
