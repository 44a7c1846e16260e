/**
 * The one guard every document passes before any recursive work (migration's structuredClone,
 * the credential spelling rewrite, stable JSON, hashing): a cap on nesting depth and on size.
 * About 3,000 levels of nesting — a 6 KB file — overflow the stack of a recursive walk, so the
 * check itself is iterative. A connector's own nesting is under 10 levels; 64 leaves room
 * for deep JSON bodies and recorded responses.
 */
import { ConnectorError } from '../errors/ConnectorError.js';

export const DOCUMENT_LIMITS = {
  /** Levels of objects and arrays inside one another. */
  MAX_DEPTH: 64,
  /** Characters of JSON text (and, for parsed values, of the strings and keys they hold). */
  MAX_CHARS: 10 * 1024 * 1024,
} as const;

const tooLarge = (chars: number) =>
  new ConnectorError('INVALID_DOCUMENT', `The document is too large (${(chars / 1024 / 1024).toFixed(1)} MB; the limit is ${DOCUMENT_LIMITS.MAX_CHARS / 1024 / 1024} MB).`, {
    hint: 'A connector file is a few kilobytes: check that this is the file you meant, or remove the large recorded bodies from it.',
  });

const tooDeep = () =>
  new ConnectorError('INVALID_DOCUMENT', `The document nests objects or arrays more than ${DOCUMENT_LIMITS.MAX_DEPTH} levels deep.`, {
    hint: 'A connector is only a few levels deep: this file is damaged or not a connector. Restore it (for example with git) or remove it.',
  });

/** Throws ConnectorError('INVALID_DOCUMENT') when a parsed value is nested too deep or too large. */
export function assertDocumentBounds(value: unknown): void {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'string' && value.length > DOCUMENT_LIMITS.MAX_CHARS) throw tooLarge(value.length);
    return;
  }
  // Depth-first with an explicit stack of [value, depth]: no recursion, so no stack to overflow.
  const stack: Array<[object, number]> = [[value, 1]];
  let chars = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > DOCUMENT_LIMITS.MAX_DEPTH) throw tooDeep();
    const children: unknown[] = Array.isArray(node) ? node : Object.values(node);
    if (!Array.isArray(node)) for (const key of Object.keys(node)) chars += key.length + 4;
    for (const child of children) {
      chars += 2;
      if (typeof child === 'string') chars += child.length;
      else if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
    if (chars > DOCUMENT_LIMITS.MAX_CHARS) throw tooLarge(chars);
  }
}

/**
 * JSON text → value, refusing text over the size cap before parsing and a result over the
 * depth cap before anyone walks it (V8's JSON.parse itself is not recursive). A syntax error
 * is thrown as JSON.parse's SyntaxError, so callers keep their own line/column messages.
 */
export function parseDocumentJson(text: string): unknown {
  if (text.length > DOCUMENT_LIMITS.MAX_CHARS) throw tooLarge(text.length);
  const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  assertDocumentBounds(value);
  return value;
}
