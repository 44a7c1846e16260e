import { ConnectorError } from '../errors/ConnectorError.js';
import { ownValue, walkPath, type Reference } from '../template/reference.js';
import type { Scope } from '../template/scope.js';
import type { ExpressionNode } from './ast.js';
import { parseExpression } from './parseExpression.js';

/**
 * Evaluates a condition (source or AST) over plain data and returns its value.
 *
 * Semantics (documented here because they differ from JavaScript on purpose):
 * - References read own properties only (`Object.hasOwn`); prototypes are never walked. A
 *   reference to a step that did not run (skipped or failed), an output or path that does not
 *   exist, or an input that was not given is `undefined`; a missing credential is `undefined` too.
 *   The validator catches references that can never exist.
 * - `===`/`!==` are JavaScript strict equality (objects compare by identity).
 * - `==`/`!=`: loose only for nullish values: `x == null` is true when x is null or undefined;
 *   in every other case `==` is `===`. No string/number coercion.
 * - `< <= > >=` compare two numbers or two strings (code-unit order). A number and a numeric
 *   string (`"42"`) compare as numbers. Any other pair is `false`.
 * - `&&`/`||` short-circuit and return an operand, as in JavaScript; `!` returns a boolean.
 */
export function evaluateExpression(srcOrAst: string | ExpressionNode, scope: Scope): unknown {
  const ast = typeof srcOrAst === 'string' ? parseExpression(srcOrAst) : srcOrAst;
  return evaluateNode(ast, scope);
}

/** Evaluates a condition to a boolean (JavaScript truthiness of `evaluateExpression`). */
export function evaluateCondition(srcOrAst: string | ExpressionNode, scope: Scope): boolean {
  return Boolean(evaluateExpression(srcOrAst, scope));
}

function evaluateNode(node: ExpressionNode, scope: Scope): unknown {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'reference':
      return lookup(node.ref, scope);
    case 'not':
      return !evaluateNode(node.operand, scope);
    case 'binary': {
      if (node.operator === '&&') {
        const left = evaluateNode(node.left, scope);
        return left ? evaluateNode(node.right, scope) : left;
      }
      if (node.operator === '||') {
        const left = evaluateNode(node.left, scope);
        return left ? left : evaluateNode(node.right, scope);
      }
      const left = evaluateNode(node.left, scope);
      const right = evaluateNode(node.right, scope);
      switch (node.operator) {
        case '===':
          return left === right;
        case '!==':
          return left !== right;
        case '==':
          return looseEquals(left, right);
        case '!=':
          return !looseEquals(left, right);
        default:
          return compare(node.operator, left, right);
      }
    }
    default:
      throw new ConnectorError('INVALID_EXPRESSION', 'Unknown expression node.', { hint: 'Parse conditions with parseExpression.' });
  }
}

function lookup(ref: Reference, scope: Scope): unknown {
  if (ref.kind === 'input') return ownValue(scope.inputs, ref.name);
  if (ref.kind === 'credential') return ownValue(scope.credentials, ref.name);
  if (ref.kind === 'env') return ownValue(scope.env ?? {}, ref.name);
  const outputs = ownValue(scope.steps, ref.name);
  return walkPath(ownValue(outputs, ref.output ?? ''), ref.path);
}

function looseEquals(left: unknown, right: unknown): boolean {
  const leftNullish = left === null || left === undefined;
  const rightNullish = right === null || right === undefined;
  if (leftNullish || rightNullish) return leftNullish && rightNullish;
  return left === right;
}

function compare(operator: '<' | '<=' | '>' | '>=', left: unknown, right: unknown): boolean {
  let a: number | string;
  let b: number | string;
  if (typeof left === 'number' && typeof right === 'number') [a, b] = [left, right];
  else if (typeof left === 'string' && typeof right === 'string') [a, b] = [left, right];
  else if (typeof left === 'number' && isNumericString(right)) [a, b] = [left, Number(right)];
  else if (isNumericString(left) && typeof right === 'number') [a, b] = [Number(left), right];
  else return false;
  switch (operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

function isNumericString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
}
