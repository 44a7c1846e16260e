/**
 * cli/build.mjs gives undici's modules a lazy stand-in for node:assert: a function that requires
 * node:assert only when a check fails. That holds only while undici calls it as `assert(value)`
 * (or `assert(value, message)`). If an upgrade starts using `assert.strictEqual` or the like, the
 * stand-in would not have it: this test fails first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './test-helpers/runCli.js';

const undiciLib = join(REPO_ROOT, 'node_modules/undici/lib');
const sources = (readdirSync(undiciLib, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.js'))
  .map((file) => ({ file, text: readFileSync(join(undiciLib, file), 'utf8') }));

describe("undici's use of node:assert", () => {
  const users = sources.filter(({ text }) => /require\('node:assert'\)/.test(text));

  it('finds the modules that require it', () => {
    expect(users.map(({ file }) => file)).toEqual(expect.arrayContaining([join('dispatcher', 'client-h1.js'), join('core', 'request.js')]));
  });

  it('binds it to `assert` and only ever calls it', () => {
    const misuses = users.flatMap(({ file, text }) => {
      const problems: string[] = [];
      if (!/^const assert = require\('node:assert'\)$/m.test(text)) problems.push(`${file}: binds node:assert to another name`);
      // Comments and the require itself set aside, every other `assert` must be a call.
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace("const assert = require('node:assert')", '');
      for (const match of code.matchAll(/\bassert\b(?!\s*\()/g)) problems.push(`${file}: \`${code.slice(match.index, match.index + 30).split('\n')[0]}\``);
      return problems;
    });
    expect(misuses).toEqual([]);
  });
});
