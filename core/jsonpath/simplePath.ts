/**
 * The common output paths, `$.a.b[0].c` (dotted names and bracketed indexes only), read
 * without jsonpath-plus. jsonpath-plus builds an evaluator object and a result list per
 * call; for these paths it only follows own properties, which this does directly.
 *
 * Equivalence with jsonpath-plus (checked by a property test in jsonpath.test.ts): such a path
 * splits into its names and digit strings; each one is followed when the current value is
 * truthy and has it as an own property (Object.hasOwn, so "length" of an array or a string
 * works the same); anything else is no match. A falsy root is no match too.
 */
const SIMPLE_PATH = /^\$(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+$/;
const SEGMENT = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g;

/** The keys of a simple path, or undefined when the path needs jsonpath-plus. */
export function simplePathKeys(path: string): string[] | undefined {
  if (!SIMPLE_PATH.test(path)) return undefined;
  const keys: string[] = [];
  for (const match of path.matchAll(SEGMENT)) keys.push((match[1] ?? match[2]) as string);
  return keys;
}

/** `{ found: false }` when the path matches nothing. */
export function readSimplePath(json: unknown, keys: readonly string[]): { found: boolean; value?: unknown } {
  let value: unknown = json;
  // Indexed: runs for every output of every run (see scopeFor in executor/runConnector.ts).
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (!value || !Object.hasOwn(value as object, key)) return { found: false };
    value = (value as Record<string, unknown>)[key];
  }
  return { found: true, value };
}
