import { createRequire } from 'node:module';
import fc from 'fast-check';
import { JSONPath } from 'jsonpath-plus';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors/ConnectorError.js';
import { checkJsonPath, extractPath } from './index.js';
import { simplePathKeys } from './simplePath.js';

const body = { results: [{ id: 'c1', tags: ['a'] }, { id: 'c2' }], company: { name: 'Acme', id: null }, '@type': 'Person' };

describe('extractPath', () => {
  it('gives one value, null on no match, an array for several matches', () => {
    expect(extractPath(body, '$.results[0].id')).toBe('c1');
    expect(extractPath(body, '$.results[5].id')).toBeNull();
    expect(extractPath(body, '$.company.id')).toBeNull();
    expect(extractPath(body, '$.results[*].id')).toEqual(['c1', 'c2']);
    expect(extractPath(body, '$.results[0].tags')).toEqual(['a']);
    expect(extractPath(body, '$.`@type')).toBe('Person');
    expect(extractPath(body, '$')).toEqual(body);
  });

  it('gives null for a null body and reads primitive bodies', () => {
    expect(extractPath(null, '$.x')).toBeNull();
    expect(extractPath(undefined, '$')).toBeNull();
    expect(extractPath('text', '$')).toBe('text');
  });

  it('throws INVALID_JSONPATH for unsafe paths, before evaluating', () => {
    for (const path of ['results[0]', '$.results[?(@.id=="c1")]', '$..[?(@.constructor.constructor("x")())]', '$.x.__proto__', '$[(@.length-1)]', '$.a.constructor', '$.{{step_1.x}}']) {
      let error: unknown;
      try {
        extractPath(body, path);
      } catch (e) {
        error = e;
      }
      expect(error, path).toBeInstanceOf(ConnectorError);
      expect((error as ConnectorError).code).toBe('INVALID_JSONPATH');
    }
  });
});

describe('checkJsonPath', () => {
  it('accepts ordinary paths and explains problems', () => {
    expect(checkJsonPath('$.results[0].id')).toBeNull();
    expect(checkJsonPath('$..id')).toBeNull();
    expect(checkJsonPath('$.`@context')).toBeNull();
    expect(checkJsonPath("$['@context']")).toMatch(/backtick/);
    expect(checkJsonPath('$..*@string()')).toMatch(/not supported/);
    expect(checkJsonPath('results')).toMatch(/must start with \$/);
    expect(checkJsonPath('')).toMatch(/empty/);
    expect(checkJsonPath('$.a[?(@.b)]')).toMatch(/not supported/);
    expect(checkJsonPath('$.a[0')).toMatch(/unbalanced/);
    expect(checkJsonPath('$.prototype')).toMatch(/prototype/);
    expect(checkJsonPath('$.' + 'a'.repeat(600))).toMatch(/limit/);
  });

  it('runs on a jsonpath-plus release with CVE-2024-21534 and CVE-2025-1302 fixed (>= 10.3.0)', () => {
    const require = createRequire(import.meta.url);
    const { version } = require('jsonpath-plus/package.json') as { version: string };
    const [major, minor] = version.split('.').map(Number) as [number, number];
    expect(major > 10 || (major === 10 && minor >= 3)).toBe(true);
  });
});

describe('simple paths (read without jsonpath-plus)', () => {
  const viaJsonPathPlus = (json: unknown, path: string): unknown => {
    if (json === null || json === undefined) return null;
    const matches: unknown = JSONPath({ path, json: json as object, eval: false, wrap: true });
    if (!Array.isArray(matches) || matches.length === 0) return null;
    return matches.length === 1 ? (matches[0] ?? null) : matches;
  };
  const key = fc.oneof(fc.constantFrom('a', 'b', 'id', 'length', '_x', 'A1'), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,3}$/));
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(null, 0, 1, '', 'text', true, false),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.oneof(key, fc.constantFrom('0', '1', '01')), tie('value'), { maxKeys: 4 }),
    ),
  })).value;
  const path = fc
    .array(fc.oneof(key.map((name) => `.${name}`), fc.constantFrom('[0]', '[1]', '[2]', '[01]', '[10]')), { minLength: 1, maxLength: 4 })
    .map((segments) => `$${segments.join('')}`);

  it('give what jsonpath-plus gives for the same path and body', () => {
    fc.assert(
      fc.property(json, path, (body, p) => {
        expect(simplePathKeys(p), p).toBeDefined();
        expect(extractPath(body, p)).toEqual(viaJsonPathPlus(body, p));
      }),
      { numRuns: 2000 },
    );
  });

  it('leave every other path to jsonpath-plus', () => {
    for (const p of ['$', '$..id', '$.results[*].id', "$['a']", '$.a-b', '$.`@type', '$[-1]', '$[0:2]', '$.a.$', '$.results[0].~']) {
      expect(simplePathKeys(p), p).toBeUndefined();
    }
  });
});
