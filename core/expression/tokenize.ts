import { ConnectorError } from '../errors/ConnectorError.js';
import { parseReference, type Reference } from '../template/reference.js';

export type Token =
  | { kind: 'number'; value: number; column: number }
  | { kind: 'string'; value: string; column: number }
  | { kind: 'keyword'; value: 'true' | 'false' | 'null' | 'undefined'; column: number }
  | { kind: 'reference'; ref: Reference; column: number }
  | { kind: 'operator'; value: string; column: number }
  | { kind: 'paren'; value: '(' | ')'; column: number }
  | { kind: 'end'; column: number };

/** Longest first, so `===` wins over `==` and `<=` over `<`. */
const OPERATORS = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '<', '>', '!'] as const;
const KEYWORDS = new Set(['true', 'false', 'null', 'undefined']);
const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/;
const WORD = /^[A-Za-z_$][A-Za-z0-9_$]*/;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '/': '/', b: '\b', f: '\f' };

export const HINT =
  'Conditions compare references and literals, e.g. {{step_2.companyId}} !== null && {{score}} >= 10. ' +
  'Allowed: {{references}}, numbers, \'strings\', true, false, null, undefined, === !== == != < <= > >= && || ! and parentheses.';

export function expressionError(message: string, column: number, hint = HINT): ConnectorError {
  return new ConnectorError('INVALID_EXPRESSION', `${message} at column ${column}`, { hint });
}

/** Splits a condition into tokens; columns are 1-based. Anything outside the grammar is an error. */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    const column = i + 1;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    if (src.startsWith('{{', i)) {
      const end = src.indexOf('}}', i + 2);
      if (end === -1) throw expressionError('Unclosed "{{"', column, 'Close the reference with "}}", e.g. {{step_1.contactId}}.');
      const raw = src.slice(i, end + 2);
      try {
        tokens.push({ kind: 'reference', ref: parseReference(src.slice(i + 2, end), raw, 'INVALID_EXPRESSION'), column });
      } catch (error) {
        if (error instanceof ConnectorError) throw expressionError(error.message.replace(/\.$/, ''), column, error.hint);
        throw error;
      }
      i = end + 2;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const { value, next } = readString(src, i);
      tokens.push({ kind: 'string', value, column });
      i = next;
      continue;
    }
    const rest = src.slice(i, i + 400);
    const previous = tokens[tokens.length - 1];
    // `-` is only a sign where an operand is expected (there is no subtraction).
    const operandExpected = !previous || previous.kind === 'operator' || (previous.kind === 'paren' && previous.value === '(');
    const number = (ch !== '-' || operandExpected) ? NUMBER.exec(rest) : null;
    if (number && (ch !== '-' || number[0].length > 1)) {
      tokens.push({ kind: 'number', value: Number(number[0]), column });
      i += number[0].length;
      continue;
    }
    const operator = OPERATORS.find((op) => src.startsWith(op, i));
    if (operator) {
      tokens.push({ kind: 'operator', value: operator, column });
      i += operator.length;
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: 'paren', value: ch, column });
      i++;
      continue;
    }
    const word = WORD.exec(rest);
    if (word && KEYWORDS.has(word[0])) {
      tokens.push({ kind: 'keyword', value: word[0] as 'true' | 'false' | 'null' | 'undefined', column });
      i += word[0].length;
      continue;
    }
    if (word) {
      throw expressionError(`Unknown name "${word[0]}"`, column, `Put variables in braces, e.g. {{${word[0]}}}; only true, false, null and undefined are written bare.`);
    }
    if (ch === '=' ) throw expressionError('Assignment "=" is not allowed', column, 'Compare with === or !==.');
    throw expressionError(`Unexpected character "${ch}"`, column);
  }
  tokens.push({ kind: 'end', column: src.length + 1 });
  return tokens;
}

function readString(src: string, start: number): { value: string; next: number } {
  const quote = src[start]!;
  let value = '';
  let i = start + 1;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === quote) return { value, next: i + 1 };
    if (ch === '\n') break;
    if (ch === '\\') {
      const escaped = src[i + 1];
      if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      if (escaped !== undefined && Object.hasOwn(ESCAPES, escaped)) {
        value += ESCAPES[escaped];
        i += 2;
        continue;
      }
      throw expressionError(`Unknown escape "\\${escaped ?? ''}" in a string`, i + 1, 'Use \\\\, \\\', \\", \\n, \\t or \\uXXXX.');
    }
    value += ch;
    i++;
  }
  throw expressionError('Unterminated string', start + 1, `Close the string with ${quote}.`);
}
