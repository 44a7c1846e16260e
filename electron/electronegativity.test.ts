/**
 * @doyensec/electronegativity over electron/ and the built renderer: no HIGH finding may be
 * left unexplained (see electron/electronegativity-allowlist.json).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs script without type declarations
import { loadAllowlist, parseReport, runElectronegativity, unexplainedHighFindings } from '../scripts/electronegativity.mjs';

interface Finding {
  check: string;
  severity: string;
  file: string;
}

const root = new URL('..', import.meta.url).pathname;
let tempRenderer: string | undefined;
afterAll(() => tempRenderer && rmSync(tempRenderer, { recursive: true, force: true }));

/** A private build of the renderer: dist/renderer is shared and may be mid-rebuild by another process. */
function rendererDir(): string {
  tempRenderer = mkdtempSync(join(tmpdir(), 'cs-renderer-'));
  const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', tempRenderer, '--emptyOutDir'], { cwd: root, encoding: 'utf8' });
  if (vite.status !== 0) throw new Error(`vite build failed:\n${vite.stderr}`);
  return tempRenderer;
}

describe('electronegativity', () => {
  it('parses its CSV report, including quoted multi-line fields', () => {
    const csv = 'issue, severity, confidence, filename, location, sample, description, url\nCSP_GLOBAL_CHECK,"LOW","CERTAIN","a.html","1:0","x","Failed,\nto parse ""CSP""",https://x\nNODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","main.ts","3:4","new BrowserWindow","Disable nodeIntegration",https://y\n';
    expect(parseReport(csv)).toEqual([
      expect.objectContaining({ check: 'CSP_GLOBAL_CHECK', severity: 'LOW', description: 'Failed,\nto parse "CSP"' }),
      expect.objectContaining({ check: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH', file: 'main.ts' }),
    ]);
  });

  it('refuses a torn report (electronegativity writes header and rows concurrently) instead of trusting it', () => {
    const torn = 'issue, severity, confidence, filename, location, sample, description, url\n/A,"Failed to parse CSP, it may not be valid.",https://x\nCSP_GLOBAL_CHECK,"LOW","CERTAIN","a.html","1:0","x","d",https://y\n';
    expect(() => parseReport(torn)).toThrow(/torn report row/);
    expect(() => parseReport('CSP_GLOBAL_CHECK,"LOW"\n')).toThrow(/header was torn/);
  });

  it('flags HIGH findings that the allow-list does not explain', () => {
    const allowlist = { allow: [{ check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'electron/createMainWindow.ts', reason: 'factory' }] };
    const findings: Finding[] = [
      { check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', file: 'electron/createMainWindow.ts' },
      { check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', file: 'electron/otherWindow.ts' },
      { check: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH', file: 'electron/createMainWindow.ts' },
      { check: 'AUXCLICK_JS_CHECK', severity: 'MEDIUM', file: 'electron/createMainWindow.ts' },
    ];
    expect(unexplainedHighFindings(findings, allowlist).map((f: Finding) => `${f.check} ${f.file}`)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK electron/otherWindow.ts',
      'NODE_INTEGRATION_JS_CHECK electron/createMainWindow.ts',
    ]);
  });

  it('finds no unexplained HIGH finding in electron/ and the built renderer', { timeout: 240_000 }, () => {
    const allowlist = loadAllowlist();
    for (const entry of allowlist.allow) expect(entry.reason, `${entry.check} needs a reason`).toMatch(/\w{20,}/);
    const findings: Finding[] = runElectronegativity({ rendererDir: rendererDir(), reportFile: join(tmpdir(), `cs-electronegativity-${process.pid}.csv`) });
    // The scan really ran over both halves: the renderer's CSP meta tag and the main process were seen.
    expect(findings.some((f) => f.file.startsWith('renderer/'))).toBe(true);
    expect(findings.some((f) => f.file.startsWith('electron/'))).toBe(true);
    expect(unexplainedHighFindings(findings, allowlist)).toEqual([]);
  });
});
