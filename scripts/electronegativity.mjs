#!/usr/bin/env node
/**
 * `npm run security:electron`: runs @doyensec/electronegativity over the Electron main
 * process sources (electron/) and the built renderer (dist/renderer) in one scan, so its
 * global checks (navigation limits, permission handler, CSP) see both halves. Fails on any
 * HIGH finding that is not explained in electron/electronegativity-allowlist.json.
 * The report is written to test-results/electronegativity.csv.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ELECTRON_VERSION = '45.0.0';

/** Findings as objects: { check, severity, confidence, file, location, sample, description }. */
export function parseReport(csvText) {
  // csv-parse (already a dependency of the CLI) handles quoted multi-line fields; relax_quotes
  // because electronegativity writes code samples with bare quotes into unquoted fields.
  const [header, ...rows] = parse(csvText, { trim: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true });
  if (!header || header[0] !== 'issue') throw new TornReportError('Not an electronegativity CSV report (or its header was torn).');
  const findings = rows.map(([check, severity, confidence, file, location, sample, description]) => ({ check, severity, confidence, file, location, sample, description }));
  const torn = findings.find((f) => !/^[A-Z0-9_]+_CHECK$/.test(f.check ?? '') || !['LOW', 'MEDIUM', 'HIGH', 'INFORMATIONAL'].includes(f.severity) || !f.file);
  if (torn) throw new TornReportError(`electronegativity wrote a torn report row: ${JSON.stringify(torn)}`);
  return findings;
}

/**
 * electronegativity 1.10 writes the CSV header and the rows with two concurrent fs.writeFile
 * calls (util/file.js), so now and then the header lands on top of the first row. A torn
 * report is detected here and the scan is run again rather than trusted.
 */
export class TornReportError extends Error {
  name = 'TornReportError';
}

export function unexplainedHighFindings(findings, allowlist) {
  return findings.filter((f) => f.severity === 'HIGH' && !allowlist.allow.some((a) => a.check === f.check && (a.file === undefined || a.file === f.file)));
}

/** Runs the scan; returns the findings. `rendererDir` defaults to dist/renderer. */
export function runElectronegativity({ rendererDir = join(root, 'dist/renderer'), reportFile = join(root, 'test-results/electronegativity.csv') } = {}) {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`No built renderer at ${rendererDir}: run \`npm run build\` first.`);
  const input = mkdtempSync(join(tmpdir(), 'cs-electronegativity-'));
  try {
    cpSync(join(root, 'electron'), join(input, 'electron'), { recursive: true, filter: (src) => !src.endsWith('.test.ts') && !src.endsWith('.json') });
    cpSync(rendererDir, join(input, 'renderer'), { recursive: true, filter: (src) => !src.endsWith('.map') });
    mkdirSync(dirname(reportFile), { recursive: true });
    rmSync(reportFile, { force: true });
    const cli = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
    for (let attempt = 1; ; attempt += 1) {
      rmSync(reportFile, { force: true });
      const result = spawnSync(process.execPath, [cli, '-i', input, '-o', reportFile, '-e', ELECTRON_VERSION, '-r'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (!existsSync(reportFile)) throw new Error(`electronegativity produced no report (exit ${result.status}):\n${result.stderr}`);
      try {
        return parseReport(readFileSync(reportFile, 'utf8'));
      } catch (error) {
        if (!(error instanceof TornReportError) || attempt === 5) throw error;
      }
    }
  } finally {
    rmSync(input, { recursive: true, force: true });
  }
}

export function loadAllowlist() {
  return JSON.parse(readFileSync(join(root, 'electron/electronegativity-allowlist.json'), 'utf8'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const findings = runElectronegativity();
  for (const f of findings) console.log(`${f.severity.padEnd(6)} ${f.check.padEnd(42)} ${f.file}:${f.location}`);
  const bad = unexplainedHighFindings(findings, loadAllowlist());
  if (bad.length > 0) {
    console.error(`\n${bad.length} unexplained HIGH finding(s). Fix them or explain them in electron/electronegativity-allowlist.json.`);
    process.exit(1);
  }
  console.log(`\nelectronegativity: ${findings.length} finding(s), no unexplained HIGH. Report: test-results/electronegativity.csv`);
}
