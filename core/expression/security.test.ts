import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors/ConnectorError.js';
import { extractPath } from '../jsonpath/index.js';
import { interpolate } from '../template/index.js';
import type { Scope } from '../template/scope.js';
import { validateConnector } from '../validation/index.js';
import { evaluateCondition, evaluateExpression, parseExpression } from './index.js';

const scope: Scope = { inputs: { a: 'x' }, credentials: {}, steps: { step_1: { out: { nested: 1 } } } };
let before: string[];
const snapshot = () => [Object.prototype, Function.prototype, Array.prototype, String.prototype].flatMap((proto) => Object.getOwnPropertyNames(proto).map((name) => `${String(proto.constructor.name)}.${name}`)).sort();

beforeEach(() => {
  before = snapshot();
});
afterEach(() => {
  expect(snapshot()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
});

function rejected(fn: () => unknown, code: string): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, 'expected the payload to be rejected').toBeInstanceOf(ConnectorError);
  expect((error as ConnectorError).code).toBe(code);
}

describe('expression escape payloads are rejected and leave no side effect', () => {
  const payloads = [
    "constructor.constructor('x')()",
    "constructor.constructor('globalThis.pwned = 1')()",
    '{{a}}.constructor',
    "{{a}}['constructor']['constructor']('return process')()",
    '{{a.constructor}}',
    '{{a.constructor.constructor}}',
    '{{__proto__.polluted}}',
    '{{step_1.out.__proto__}}',
    '{{step_1.prototype}}',
    '{{ step_1 . constructor }}',
    'this',
    'globalThis',
    'process.exit(1)',
    'require("child_process")',
    'import("fs")',
    '(() => 1)()',
    '`${1}`',
    '{{a}} = 1',
    'a = 1',
    "{{a}}; globalThis.pwned = 1",
    'new Function("x")',
    'void 0',
    'typeof {{a}}',
    '[].constructor',
    '{}.__proto__',
    "'x'.constructor",
    '{{a}}.length',
    '{{a}}, 1',
  ];
  it.each(payloads)('%s', (payload) => {
    rejected(() => parseExpression(payload), 'INVALID_EXPRESSION');
    rejected(() => evaluateCondition(payload, scope), 'INVALID_EXPRESSION');
  });

  it('rejects huge nesting and 1 MB sources quickly, with INVALID_EXPRESSION', () => {
    rejected(() => parseExpression('('.repeat(10_000) + '1' + ')'.repeat(10_000)), 'INVALID_EXPRESSION');
    rejected(() => parseExpression('!'.repeat(500) + 'true'), 'INVALID_EXPRESSION');
    rejected(() => parseExpression(`'${'a'.repeat(1024 * 1024)}'`), 'INVALID_EXPRESSION');
    rejected(() => parseExpression('{{a}} === 1 && '.repeat(70_000) + 'true'), 'INVALID_EXPRESSION');
  });

  it('evaluates over own properties only: inherited names read as undefined', () => {
    const hostile: Scope = { inputs: Object.create({ inherited: 'yes' }) as Record<string, unknown>, credentials: {}, steps: {} };
    expect(evaluateExpression('{{inherited}}', hostile)).toBeUndefined();
    expect(evaluateExpression('{{hasOwnProperty}}', scope)).toBeUndefined();
    expect(evaluateExpression('{{step_1.toString}}', scope)).toBeUndefined();
  });
});

describe('template payloads', () => {
  it('rejects prototype segments in references', () => {
    for (const t of ['{{__proto__}}', '{{a.__proto__}}', '{{step_1.out.constructor}}', 'x {{step_1.prototype}} y', '{{credentials.__proto__}}']) {
      rejected(() => interpolate(t, scope), 'INVALID_TEMPLATE');
    }
  });

  it('a JSON body with __proto__ keys stays data and pollutes nothing', () => {
    const body = JSON.parse('{"__proto__": {"polluted": "{{a}}"}, "constructor": {"prototype": {"polluted": 1}}}');
    const out = interpolate(body, scope) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'constructor']);
  });

  it('a connector document with __proto__ keys validates without pollution', () => {
    const raw = JSON.parse('{"schemaVersion":2,"id":"x","name":"X","__proto__":{"polluted":true},"steps":[{"id":"s","url":"https://x.io","__proto__":{"polluted":true},"body":{"type":"json","value":{"__proto__":{"polluted":true}}}}]}');
    const result = validateConnector(raw);
    expect(result.ok).toBe(true);
  });
});

describe('JSONPath payloads', () => {
  const body = { a: [{ b: 1 }], constructor: 'data' };
  const payloads = [
    '$..[?(@.constructor.constructor("return process")())]',
    "$[?(@.constructor.constructor('globalThis.pwned=1')())]",
    '$.a[?(@.b == 1)]',
    '$.a[(@.length-1)]',
    '$..constructor',
    '$.__proto__',
    "$['constructor']['prototype']",
    '$.a[?(@property === "b")]',
    '$..*@function()',
    '$.a.prototype',
  ];
  it.each(payloads)('%s', (path) => {
    rejected(() => extractPath(body, path), 'INVALID_JSONPATH');
  });
});
