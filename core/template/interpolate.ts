import { parseTemplate, hasTemplate } from './parseTemplate.js';
import { resolveReference } from './resolveReference.js';
import type { Scope } from './scope.js';
import { ConnectorError } from '../errors/ConnectorError.js';

export type InterpolationMode = 'text' | 'url';
export interface InterpolateOptions {
  /** `url`: every inserted value is percent-encoded as one component, except a template that begins the string. */
  mode?: InterpolationMode;
}

/**
 * Replaces `{{…}}` references in a JSON value, recursively (object keys are left as written).
 *
 * Rules:
 * - A string that is exactly one template (`"{{step_1.count}}"`, whitespace inside the braces allowed,
 *   nothing outside) keeps the value's JSON type: number, boolean, null, object, array.
 *   In `url` mode the result is always a string.
 * - Otherwise values are stringified: strings as they are, numbers and booleans with `String()`,
 *   `null` (an input not given, an output that matched nothing) as the empty string, objects and
 *   arrays as JSON.
 * - `url` mode percent-encodes every inserted value with `encodeURIComponent`, so `+`, `#`, `?`, `/`,
 *   `&` and spaces arrive intact; a reference at position 0 (a base URL input) is inserted as is.
 * - Single pass: a value that is inserted is never parsed again, so a response containing
 *   `{{credentials.x}}` stays that literal text.
 * - Unknown inputs, steps or outputs throw ConnectorError('INVALID_TEMPLATE') naming the reference;
 *   a credential without a value throws MISSING_CREDENTIAL; malformed templates throw INVALID_TEMPLATE.
 */
export function interpolate(value: unknown, scope: Scope, opts: InterpolateOptions = {}): unknown {
  const mode = opts.mode ?? 'text';
  if (typeof value === 'string') return interpolateString(value, scope, mode);
  if (Array.isArray(value)) return value.map((item) => interpolate(item, scope, opts));
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties, so a key such as "__proto__" stays data.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, scope, opts)]));
  }
  return value;
}

/** Like `interpolate` on one string, but always returns a string (for headers, URLs, raw bodies). */
export function interpolateToString(text: string, scope: Scope, opts: InterpolateOptions = {}): string {
  const result = interpolateString(text, scope, opts.mode ?? 'text');
  return typeof result === 'string' ? result : stringifyValue(result);
}

/** How a value is written inside a larger string: null/undefined → '', objects → JSON. */
export function stringifyValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

function interpolateString(text: string, scope: Scope, mode: InterpolationMode): unknown {
  if (!hasTemplate(text)) return text;
  const parts = parseTemplate(text);
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only?.type === 'reference') {
    const resolved = resolveReference(only.ref, scope);
    return mode === 'url' ? stringifyValue(resolved) : resolved;
  }
  let out = '';
  // Indexed: runs for every template of every run (see scopeFor in executor/runConnector.ts).
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as (typeof parts)[number];
    if (part.type === 'literal') {
      out += part.text;
      continue;
    }
    const inserted = stringifyValue(resolveReference(part.ref, scope));
    out += mode === 'url' && part.start !== 0 ? encodeComponent(inserted) : inserted;
  }
  if (mode === 'url') refuseInsertedDotSegments(text, parts, out);
  return out;
}

const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;
const MAY_HAVE_DOT_SEGMENT = /(?:^|\/)(?:\.|%2e)/i;

/**
 * Percent-encoding can't protect a path segment that is exactly `.` or `..`: URL parsers resolve
 * it (`%2e` too), so an output such as `..` in `/contacts/{{step_1.id}}` would send the request to
 * another path. Such a value is refused; dot segments written literally in the template are kept.
 */
function refuseInsertedDotSegments(template: string, parts: ReturnType<typeof parseTemplate>, url: string): void {
  // A dot segment starts the string or follows a `/`: most URLs have neither `/.` nor `/%2e`.
  if (!MAY_HAVE_DOT_SEGMENT.test(url)) return;
  const pathEnd = (s: string) => s.search(/[?#]/) === -1 ? s.length : s.search(/[?#]/);
  const insertedSegments = url.slice(0, pathEnd(url)).split('/').filter((segment) => DOT_SEGMENT.test(segment));
  if (insertedSegments.length === 0) return;
  const literalText = parts.map((part) => (part.type === 'literal' ? part.text : '\u0000')).join('');
  const literalDots = literalText.slice(0, pathEnd(literalText)).split('/').filter((segment) => DOT_SEGMENT.test(segment));
  if (insertedSegments.length > literalDots.length) {
    throw new ConnectorError('INVALID_TEMPLATE', `A value inserted into the URL ${JSON.stringify(template)} makes a path segment "${insertedSegments[0]}", which would change the request's path.`, {
      hint: 'Check the input or step output used in the URL path: "." and ".." are not valid identifiers for a path segment.',
    });
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `encodeURIComponent`, except that a lone UTF-16 surrogate (which makes it throw URIError) is
 * replaced by U+FFFD first, as the WHATWG URL parser and TextEncoder do.
 */
export function encodeComponent(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
}
