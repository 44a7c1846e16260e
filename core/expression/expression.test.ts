import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors/ConnectorError.js';
import type { Scope } from '../template/scope.js';
import { evaluateCondition, evaluateExpression, listExpressionReferences, parseExpression, MAX_EXPRESSION_DEPTH } from './index.js';

const scope: Scope = {
  inputs: { score: 12, name: 'Ann', numeric: '42', empty: '' },
  credentials: { token: 't' },
  steps: { step_2: { companyId: null, found: true, list: [1, 2], contact: { city: 'Oslo' } } },
};

function errorOf(fn: () => unknown): ConnectorError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw new Error(`expected a ConnectorError, got ${String(error)}`);
  }
  throw new Error('expected an error');
}

describe('parseExpression', () => {
  it('builds an AST with operator precedence', () => {
    const ast = parseExpression('{{a}} || {{b}} && !{{c}} === 1');
    expect(ast).toMatchObject({ type: 'binary', operator: '||', right: { type: 'binary', operator: '&&', right: { type: 'binary', operator: '===', left: { type: 'not' } } } });
  });

  it('reads literals: numbers, both string quotes with escapes, keywords', () => {
    expect(evaluateExpression("'it\\'s'", scope)).toBe("it's");
    expect(evaluateExpression('"a\\nb\\u0041"', scope)).toBe('a\nbA');
    expect(evaluateExpression('-1.5e2', scope)).toBe(-150);
    expect(evaluateExpression('undefined', scope)).toBeUndefined();
    expect(evaluateExpression('null', scope)).toBeNull();
  });

  it('rejects everything outside the grammar with a column and a hint', () => {
    const cases: Array<[string, RegExp]> = [
      ['{{a}} = 1', /Assignment.*column 7/],
      ['foo === 1', /Unknown name "foo".*column 1/],
      ['{{a}} + 1', /Unexpected character "\+".*column 7/],
      ['({{a}} === 1', /Expected "\)".*column 13/],
      ['{{a}} ===', /ends too early.*column 10/],
      ['{{a}} {{b}}', /Unexpected \{\{b\}\}.*column 7/],
      ["'abc", /Unterminated string.*column 1/],
      ['{{a.constructor}}', /constructor/],
      ['', /empty/],
      ['{{a}} - 1', /Unexpected character "-"/],
      ['{{a}}.length', /Unexpected character "\."/],
      ['x => 1', /Unknown name/],
      ['`x`', /Unexpected character/],
      ['[1]', /Unexpected character "\["/],
    ];
    for (const [src, message] of cases) {
      const error = errorOf(() => parseExpression(src));
      expect(error.code, src).toBe('INVALID_EXPRESSION');
      expect(error.message, src).toMatch(message);
      expect(error.hint, src).toBeTruthy();
    }
  });

  it('caps length and depth', () => {
    expect(errorOf(() => parseExpression('1 === 1 '.repeat(200))).message).toMatch(/limit is 1000/);
    const deep = '('.repeat(MAX_EXPRESSION_DEPTH + 1) + '1' + ')'.repeat(MAX_EXPRESSION_DEPTH + 1);
    expect(errorOf(() => parseExpression(deep)).message).toMatch(/Nesting deeper than 32/);
    const ok = '('.repeat(MAX_EXPRESSION_DEPTH) + '1' + ')'.repeat(MAX_EXPRESSION_DEPTH);
    expect(evaluateExpression(ok, scope)).toBe(1);
    expect(errorOf(() => parseExpression('!'.repeat(40) + 'true')).message).toMatch(/Nesting/);
  });

  it('lists the references a condition reads', () => {
    expect(listExpressionReferences('{{step_2.found}} && ({{score}} > 1 || {{credentials.token}} == null)').map((r) => r.raw)).toEqual([
      '{{step_2.found}}', '{{score}}', '{{credentials.token}}',
    ]);
  });
});

describe('evaluateCondition', () => {
  it('evaluates the seed example', () => {
    expect(evaluateCondition('{{step_2.companyId}} !== null', scope)).toBe(false);
    expect(evaluateCondition('{{step_2.found}} === true && {{score}} >= 10', scope)).toBe(true);
  });

  it('treats missing data as undefined, never walking prototypes', () => {
    expect(evaluateExpression('{{step_9.x}}', scope)).toBeUndefined();
    expect(evaluateExpression('{{nope}}', scope)).toBeUndefined();
    expect(evaluateExpression('{{toString}}', scope)).toBeUndefined();
    expect(evaluateExpression('{{step_2.contact.toString}}', scope)).toBeUndefined();
    expect(evaluateExpression('{{step_2.list.length}}', scope)).toBe(2); // an own property of arrays
    expect(evaluateExpression('{{step_2.list.1}}', scope)).toBe(2);
    expect(evaluateExpression('{{step_2.contact.city}}', scope)).toBe('Oslo');
  });

  it('== and != are loose only for null/undefined', () => {
    expect(evaluateCondition('{{step_2.companyId}} == undefined', scope)).toBe(true);
    expect(evaluateCondition('{{nope}} == null', scope)).toBe(true);
    expect(evaluateCondition('{{nope}} === null', scope)).toBe(false);
    expect(evaluateCondition('{{numeric}} == 42', scope)).toBe(false);
    expect(evaluateCondition("0 == ''", scope)).toBe(false);
    expect(evaluateCondition('0 != null', scope)).toBe(true);
  });

  it('compares numbers, strings, numeric strings; other pairs are false', () => {
    expect(evaluateCondition('{{numeric}} > 41', scope)).toBe(true);
    expect(evaluateCondition("{{name}} < 'Bob'", scope)).toBe(true);
    expect(evaluateCondition('{{name}} > 1', scope)).toBe(false);
    expect(evaluateCondition('{{name}} <= 1', scope)).toBe(false);
    expect(evaluateCondition('null >= 0', scope)).toBe(false);
    expect(evaluateCondition('{{step_2.list}} > 0', scope)).toBe(false);
  });

  it('&&, || short-circuit and ! negates with JS truthiness', () => {
    expect(evaluateExpression("{{empty}} || 'fallback'", scope)).toBe('fallback');
    expect(evaluateExpression('{{score}} && {{name}}', scope)).toBe('Ann');
    expect(evaluateCondition('!{{empty}}', scope)).toBe(true);
    expect(evaluateCondition('!!{{step_2.list}}', scope)).toBe(true);
    expect(evaluateCondition('{{score}}', scope)).toBe(true);
  });

  it('accepts a parsed AST', () => {
    const ast = parseExpression('{{score}} > 10');
    expect(evaluateCondition(ast, scope)).toBe(true);
    expect(evaluateCondition(ast, { ...scope, inputs: { score: 1 } })).toBe(false);
  });
});
