/** Longest output path accepted, in characters. */
export const MAX_JSONPATH_LENGTH = 500;

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

/**
 * Checks an output path before it is ever evaluated. Returns a message saying what is wrong and
 * what to write instead, or null when the path is acceptable.
 *
 * Rules: the path starts with `$`; no script, filter or type expressions (`?(`, `(@`, `@string()`:
 * no `?`, `(`, `)` or `@` except a backtick-escaped key such as `` $.`@type ``) because jsonpath-plus
 * runs with `eval: false`; no `__proto__`, `constructor` or `prototype`; at most
 * MAX_JSONPATH_LENGTH characters; brackets and quotes balanced. Paths are literal text: variables
 * are never interpolated into them.
 */
export function checkJsonPath(path: unknown): string | null {
  if (typeof path !== 'string' || path.trim() === '') return 'The path is empty: write a JSONPath such as $.results[0].id.';
  if (path.length > MAX_JSONPATH_LENGTH) return `The path is ${path.length} characters long; the limit is ${MAX_JSONPATH_LENGTH}.`;
  if (!path.startsWith('$')) return `The path "${path}" must start with $ (the response body), e.g. $.results[0].id.`;
  if (/[?()]/.test(path) || /@/.test(path.replaceAll('`@', ''))) {
    return `Filter, script and type expressions such as ?(@.id == 1) are not supported in "${path}": select by index ($.items[0].id) or map every match ($.items[*].id); write a key that starts with @ with a backtick, as in $.\`@type.`;
  }
  const lowered = path.toLowerCase();
  for (const word of FORBIDDEN) {
    if (lowered.includes(word)) return `The path "${path}" uses "${word}", which is not allowed.`;
  }
  if (path.includes('{{')) return `The path "${path}" contains a template: output paths are fixed text, variables are not inserted into them.`;
  if (!balanced(path)) return `The path "${path}" has unbalanced brackets or quotes.`;
  return null;
}

function balanced(path: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (const ch of path) {
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth < 0) return false;
  }
  return depth === 0 && quote === null;
}
