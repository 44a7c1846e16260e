#!/usr/bin/env node
// `npm test`: every check the project has, in the order that fails fastest, ending with
// one plain `N passed, N failed, N skipped` line that CI can read.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const resultsDir = 'test-results/summary';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const only = process.argv.slice(2); // e.g. `npm test -- unit` runs one stage
const stages = [
  { name: 'lint', cmd: ['npm', 'run', 'lint'] },
  { name: 'typecheck', cmd: ['npm', 'run', 'typecheck'] },
  { name: 'unit', cmd: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${resultsDir}/vitest.json`] },
  { name: 'build', cmd: ['npm', 'run', 'build'] },
  { name: 'e2e', cmd: ['npx', 'playwright', 'test', '--reporter=list,json'], env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${resultsDir}/playwright.json` } },
];

const failedStages = [];
for (const stage of stages) {
  if (only.length > 0 && !only.includes(stage.name)) continue;
  console.log(`\n=== ${stage.name}: ${stage.cmd.join(' ')}`);
  const result = spawnSync(stage.cmd[0], stage.cmd.slice(1), { stdio: 'inherit', env: { ...process.env, ...stage.env } });
  if (result.status !== 0) {
    failedStages.push(stage.name);
    // A broken build makes the e2e stage meaningless; everything else still reports.
    if (stage.name === 'build') break;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
const vitestFile = `${resultsDir}/vitest.json`;
if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
const playwrightFile = `${resultsDir}/playwright.json`;
if (existsSync(playwrightFile)) {
  const p = JSON.parse(readFileSync(playwrightFile, 'utf8'));
  passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
  const flaky = flakyTitles(p.suites ?? []);
  if (flaky.length > 0) console.log(`\nFlaky (failed once, passed on retry — fix these):\n${flaky.map((t) => `  ${t}`).join('\n')}`);
  failed += p.stats?.unexpected ?? 0;
  skipped += p.stats?.skipped ?? 0;
}
// Stages that are not test runners (lint, typecheck, build) count as one check each.
for (const name of failedStages) if (name === 'lint' || name === 'typecheck' || name === 'build') failed += 1;

console.log(failedStages.length > 0 ? `\nFailed stages: ${failedStages.join(', ')}` : '\nAll stages passed.');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStages.length > 0 ? 1 : 0);

/** Titles of Playwright tests whose outcome was "flaky", from the JSON reporter's suite tree. */
function flakyTitles(suites) {
  const titles = [];
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) if (t.status === 'flaky') titles.push(`${spec.file}: ${spec.title}`);
    }
    titles.push(...flakyTitles(suite.suites ?? []));
  }
  return titles;
}
