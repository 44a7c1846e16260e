import { ConnectorError } from '../errors/ConnectorError.js';
import type { BinaryOperator, ExpressionNode } from './ast.js';
import { expressionError, tokenize, type Token } from './tokenize.js';

/** Longest condition accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 1_000;
/** Deepest nesting of parentheses and `!` accepted. */
export const MAX_EXPRESSION_DEPTH = 32;

const CACHE_LIMIT = 500;
const cache = new Map<string, ExpressionNode>();

/**
 * Parses a condition into an AST with a hand-written recursive-descent parser (no eval, no
 * Function, no vm). Grammar, loosest first:
 *
 *     or       := and ('||' and)*
 *     and      := equality ('&&' equality)*
 *     equality := relation (('===' | '!==' | '==' | '!=') relation)*
 *     relation := unary (('<' | '<=' | '>' | '>=') unary)*
 *     unary    := '!' unary | primary
 *     primary  := number | 'string' | "string" | true | false | null | undefined | {{reference}} | '(' or ')'
 *
 * References use the template grammar (`{{phone}}`, `{{step_1.contactId}}`, `{{credentials.x}}`);
 * bare names are rejected so that nothing can name a global. `__proto__`, `constructor` and
 * `prototype` are rejected in references. Sources longer than MAX_EXPRESSION_LENGTH or nested
 * deeper than MAX_EXPRESSION_DEPTH are rejected. Every error is ConnectorError('INVALID_EXPRESSION')
 * with a 1-based column in the message and a hint.
 */
export function parseExpression(src: string): ExpressionNode {
  if (typeof src !== 'string') throw new ConnectorError('INVALID_EXPRESSION', 'A condition must be a string.', { hint: 'Write the condition as text, e.g. {{step_1.found}} === true.' });
  const cached = cache.get(src);
  if (cached) return cached;
  if (src.length > MAX_EXPRESSION_LENGTH) {
    throw new ConnectorError('INVALID_EXPRESSION', `The condition is ${src.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}.`, {
      hint: 'Split the logic across steps or simplify the condition.',
    });
  }
  if (src.trim() === '') throw expressionError('The condition is empty', 1, 'Write a condition such as {{step_1.contactId}} !== null, or remove it.');
  const ast = new Parser(tokenize(src)).parseAll();
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(src, ast);
  return ast;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseAll(): ExpressionNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') throw expressionError(`Unexpected ${describe(next)}`, next.column, 'Join comparisons with && or ||.');
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private take(): Token {
    const token = this.tokens[this.index]!;
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private isOperator(...ops: string[]): string | undefined {
    const token = this.peek();
    return token.kind === 'operator' && ops.includes(token.value) ? token.value : undefined;
  }

  private binaryLevel(ops: BinaryOperator[], next: () => ExpressionNode): ExpressionNode {
    let left = next();
    for (let op = this.isOperator(...ops); op; op = this.isOperator(...ops)) {
      const column = this.take().column;
      left = { type: 'binary', operator: op as BinaryOperator, left, right: next(), column };
    }
    return left;
  }

  private parseOr = (): ExpressionNode => this.binaryLevel(['||'], this.parseAnd);
  private parseAnd = (): ExpressionNode => this.binaryLevel(['&&'], this.parseEquality);
  private parseEquality = (): ExpressionNode => this.binaryLevel(['===', '!==', '==', '!='], this.parseRelation);
  private parseRelation = (): ExpressionNode => this.binaryLevel(['<', '<=', '>', '>='], this.parseUnary);

  private parseUnary = (): ExpressionNode => {
    if (this.isOperator('!')) {
      const column = this.take().column;
      return this.nested(column, () => ({ type: 'not', operand: this.parseUnary(), column }));
    }
    return this.parsePrimary();
  };

  private nested(column: number, parse: () => ExpressionNode): ExpressionNode {
    if (++this.depth > MAX_EXPRESSION_DEPTH) {
      throw expressionError(`Nesting deeper than ${MAX_EXPRESSION_DEPTH} levels`, column, 'Simplify the condition.');
    }
    const node = parse();
    this.depth--;
    return node;
  }

  private parsePrimary(): ExpressionNode {
    const token = this.take();
    switch (token.kind) {
      case 'number':
      case 'string':
        return { type: 'literal', value: token.value, column: token.column };
      case 'keyword':
        return { type: 'literal', value: keywordValue(token.value), column: token.column };
      case 'reference':
        return { type: 'reference', ref: token.ref, column: token.column };
      case 'paren':
        if (token.value === '(') {
          return this.nested(token.column, () => {
            const inner = this.parseOr();
            const close = this.take();
            if (close.kind !== 'paren' || close.value !== ')') {
              throw expressionError(`Expected ")" but found ${describe(close)}`, close.column, `Close the "(" opened at column ${token.column}.`);
            }
            return inner;
          });
        }
        throw expressionError('Unexpected ")"', token.column, 'Remove it or add the matching "(".');
      case 'operator':
        throw expressionError(`Expected a value but found "${token.value}"`, token.column);
      case 'end':
        throw expressionError('The condition ends too early', token.column, 'Complete the comparison, e.g. {{step_1.contactId}} !== null.');
    }
  }
}

function keywordValue(word: 'true' | 'false' | 'null' | 'undefined'): boolean | null | undefined {
  return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : undefined;
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the condition';
    case 'reference':
      return token.ref.raw;
    case 'string':
      return `the string ${JSON.stringify(token.value)}`;
    default:
      return `"${String(token.value)}"`;
  }
}
