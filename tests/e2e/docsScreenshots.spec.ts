/**
 * `npm run docs:screenshots` works and produces every image the docs show: the script runs
 * against the built app into a temp folder, and each `../images/x.png` the docs link to is there.
 */
import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));

function imagesTheDocsShow(): string[] {
  const pages = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? pages(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : []));
  const names = pages(join(root, 'docs')).flatMap((page) => [...readFileSync(page, 'utf8').matchAll(/!\[[^\]]*\]\((?:\.\.\/)*images\/([\w-]+\.png)\)/g)].map((m) => m[1] ?? ''));
  return [...new Set(names)];
}

test('the docs screenshots script produces every image the docs show', async () => {
  test.setTimeout(180_000);
  const outDir = await mkdtemp(join(tmpdir(), 'cs-docs-shots-'));
  try {
    await promisify(execFile)(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/docs-screenshots.ts')], {
      cwd: root,
      env: { ...process.env, DOCS_SCREENSHOTS_DIR: outDir },
      timeout: 170_000,
    });
    const shown = imagesTheDocsShow();
    expect(shown.length).toBeGreaterThan(5);
    for (const name of shown) {
      expect(existsSync(join(outDir, name)), `${name} is produced`).toBe(true);
      expect(statSync(join(outDir, name)).size).toBeGreaterThan(10_000);
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
});
