/**
 * Every command of cli/main.ts gets a bundle of its own (cli/build.mjs), which the bin starts
 * instead of the full one; a command added to main.ts but not to the build would silently run
 * the full bundle. Each own bundle also runs its command: its --help is the command's help.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce, REPO_ROOT, runCli } from './test-helpers/runCli.js';

const commands = [...readFileSync(join(REPO_ROOT, 'cli/main.ts'), 'utf8').matchAll(/^ {2}(\w+): async \(\) => \{ const m = await import\('\.\/commands\/\w+\.js'\)/gm)].map((m) => m[1] as string);

beforeAll(() => buildCliOnce());

describe('command bundles', () => {
  it('finds the commands of cli/main.ts', () => {
    expect(commands).toEqual(expect.arrayContaining(['validate', 'run', 'convert', 'enqueue']));
  });

  // The bin reads bundles as latin1 (bin/runScriptWithCodeCache.cjs): a byte above 0x7f would be misread.
  it.each(['', ...commands.map((command) => `-${command}`)])('connector-studio%s.cjs is pure ASCII', (suffix) => {
    const bytes = readFileSync(join(REPO_ROOT, `dist/cli/connector-studio${suffix}.cjs`));
    expect(bytes.findIndex((byte) => byte > 0x7f)).toBe(-1);
  });

  it.each(commands)('%s has its own bundle, and it runs that command', async (command) => {
    expect(existsSync(join(REPO_ROOT, `dist/cli/connector-studio-${command}.cjs`))).toBe(true);
    const result = await runCli([command, '--help']);
    expect(result.stdout).toContain(`connector-studio ${command}`);
  });
});
