import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors/ConnectorError.js';
import type { Scope } from '../template/scope.js';
import { evaluateCondition, parseExpression } from './index.js';

const scope: Scope = { inputs: { a: 1, b: 'x', c: null }, credentials: { k: 'v' }, steps: { s: { o: [1, { p: true }], n: 0 } } };

/** Fragments of the grammar and of common attacks, glued into random sources. */
const fragment = fc.constantFrom(
  '{{a}}', '{{b}}', '{{c}}', '{{s.o}}', '{{s.o.1.p}}', '{{s.n}}', '{{credentials.k}}', '{{nope}}', '{{s.missing}}', '{{a.__proto__}}', '{{',
  '}}', '(', ')', '!', '===', '!==', '==', '!=', '<', '<=', '>', '>=', '&&', '||', '=', '+', '-', '.', '[', ']',
  '1', '-2.5', '1e3', "'str'", '"q\\"x"', "'", 'true', 'false', 'null', 'undefined', 'this', 'constructor', 'x', ' ', '\n', '\\u0041',
);
const source = fc.oneof(fc.string({ maxLength: 60 }), fc.array(fragment, { maxLength: 25 }).map((parts) => parts.join(' ')), fc.array(fragment, { maxLength: 25 }).map((parts) => parts.join('')));

describe('expression properties', () => {
  it('parsing either succeeds or throws ConnectorError(INVALID_EXPRESSION) with a column', () => {
    fc.assert(fc.property(source, (src) => {
      try {
        parseExpression(src);
      } catch (error) {
        expect(error).toBeInstanceOf(ConnectorError);
        expect((error as ConnectorError).code).toBe('INVALID_EXPRESSION');
        expect((error as ConnectorError).hint).toBeTruthy();
        if (src.length <= 1000) expect((error as ConnectorError).message).toMatch(/column \d+|limit/);
      }
    }), { numRuns: 2000 });
  });

  it('a condition that parses always evaluates to a boolean, without throwing', () => {
    fc.assert(fc.property(source, fc.jsonValue(), (src, value) => {
      let ast;
      try {
        ast = parseExpression(src);
      } catch {
        return;
      }
      const result = evaluateCondition(ast, { ...scope, inputs: { ...scope.inputs, a: value } });
      expect(typeof result).toBe('boolean');
    }), { numRuns: 2000 });
  });

  it('comparison of two literals agrees with JavaScript for numbers and strings', () => {
    const lit = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.string({ maxLength: 5 }).filter((s) => !/['\\\n]/.test(s)));
    const show = (v: number | string) => (typeof v === 'number' ? String(v) : `'${v}'`);
    fc.assert(fc.property(lit, fc.constantFrom('===', '!==', '<', '<=', '>', '>='), lit, (left, op, right) => {
      const sameType = typeof left === typeof right;
      const js: Record<string, boolean> = {
        '===': left === right, '!==': left !== right,
        '<': sameType && left < right, '<=': sameType && left <= right, '>': sameType && left > right, '>=': sameType && left >= right,
      };
      const numericString = (v: unknown) => typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v));
      if (!sameType && (numericString(left) || numericString(right)) && !['===', '!=='].includes(op)) return; // numeric strings compare as numbers (documented)
      expect(evaluateCondition(`${show(left)} ${op} ${show(right)}`, scope)).toBe(js[op]);
    }));
  });
});
