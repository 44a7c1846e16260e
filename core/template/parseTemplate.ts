import { ConnectorError } from '../errors/ConnectorError.js';
import { parseReference, type Reference } from './reference.js';

export type TemplatePart =
  | { type: 'literal'; text: string }
  | { type: 'reference'; ref: Reference; /** 0-based offset of `{{` in the source. */ start: number };

const OPEN = '{{';
const CLOSE = '}}';
const CACHE_LIMIT = 1_000;
const cache = new Map<string, readonly TemplatePart[]>();

/**
 * Splits `text` into literal text and `{{…}}` references (whitespace inside the braces is allowed).
 *
 * Rules:
 * - A `{{` without a matching `}}` and a malformed reference (`{{a b}}`, `{{}}`, `{{x.__proto__}}`)
 *   throw ConnectorError('INVALID_TEMPLATE') naming the reference and its 1-based column.
 * - A lone `}}` is literal text, and so are extra braces around a reference (`{{{x}}}` → `{`, x, `}`).
 *   There is no other escape: `{{` always starts a reference.
 *
 * Results are cached (bounded) and frozen: the same string is parsed once per process.
 */
export function parseTemplate(text: string): readonly TemplatePart[] {
  const cached = cache.get(text);
  if (cached) return cached;
  const parts = Object.freeze(scan(text));
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(text, parts);
  return parts;
}

/** True when `text` contains at least one `{{`. A fast pre-check before parsing. */
export function hasTemplate(text: string): boolean {
  return text.includes(OPEN);
}

function scan(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let cursor = 0;
  while (cursor < text.length) {
    let start = text.indexOf(OPEN, cursor);
    if (start === -1) break;
    // In `{{{x}}}` the outer braces are literal text (a JSON or Handlebars-style brace before the reference).
    while (text[start + OPEN.length] === '{') start++;
    const end = text.indexOf(CLOSE, start + OPEN.length);
    if (end === -1) {
      throw new ConnectorError('INVALID_TEMPLATE', `Unclosed "{{" at column ${start + 1}: ${excerpt(text, start)}`, {
        hint: 'Close the reference with "}}", e.g. {{phone}}.',
      });
    }
    if (start > cursor) parts.push({ type: 'literal', text: text.slice(cursor, start) });
    const raw = text.slice(start, end + CLOSE.length);
    try {
      parts.push({ type: 'reference', ref: parseReference(text.slice(start + OPEN.length, end), raw), start });
    } catch (error) {
      if (error instanceof ConnectorError) {
        throw new ConnectorError('INVALID_TEMPLATE', `${error.message} (column ${start + 1})`, { hint: error.hint });
      }
      throw error;
    }
    cursor = end + CLOSE.length;
  }
  if (cursor < text.length) parts.push({ type: 'literal', text: text.slice(cursor) });
  return parts;
}

function excerpt(text: string, from: number): string {
  const slice = text.slice(from, from + 40);
  return slice.length < text.length - from ? `${slice}…` : slice;
}
