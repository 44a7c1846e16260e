import { JSONPath } from 'jsonpath-plus';
import { ConnectorError } from '../errors/ConnectorError.js';
import { checkJsonPath } from './checkJsonPath.js';
import { readSimplePath, simplePathKeys } from './simplePath.js';

/** What checking a path found, kept per path text: a connector's paths are read on every run. */
interface CheckedPath {
  problem: string | null;
  simpleKeys: string[] | undefined;
}
const checkedPaths = new Map<string, CheckedPath>();
const CHECKED_PATHS_KEPT = 1000;

function checked(path: string): CheckedPath {
  let entry = checkedPaths.get(path);
  if (!entry) {
    const problem = checkJsonPath(path);
    entry = { problem, simpleKeys: problem ? undefined : simplePathKeys(path) };
    if (checkedPaths.size >= CHECKED_PATHS_KEPT) checkedPaths.clear();
    checkedPaths.set(path, entry);
  }
  return entry;
}

/**
 * Evaluates an output path against a parsed JSON body with jsonpath-plus (`eval: false`, so no
 * script runs; jsonpath-plus ≥ 10.3.0 is required for the CVE-2024-21534 and CVE-2025-1302 fixes —
 * the project pins ^11.3.0).
 *
 * Result: no match → `null`; exactly one match → that value (an array if the match is an array);
 * several matches (wildcards, `..`, slices) → an array of the matches. A body that is `null`,
 * `undefined` or not JSON gives `null`.
 *
 * The path is checked with `checkJsonPath` first and throws ConnectorError('INVALID_JSONPATH') if
 * it is unsafe or malformed.
 */
export function extractPath(json: unknown, path: string): unknown {
  const { problem, simpleKeys } = typeof path === 'string' ? checked(path) : { problem: checkJsonPath(path), simpleKeys: undefined };
  if (problem) throw new ConnectorError('INVALID_JSONPATH', problem, { hint: 'Fix the output path, e.g. $.results[0].id.' });
  if (json === null || json === undefined) return null;
  if (simpleKeys) {
    const { found, value } = readSimplePath(json, simpleKeys);
    return found ? (value ?? null) : null;
  }
  let matches: unknown;
  try {
    matches = JSONPath({ path, json: json as object, eval: false, wrap: true });
  } catch (error) {
    throw new ConnectorError('INVALID_JSONPATH', `The path "${path}" could not be evaluated: ${(error as Error).message}`, {
      hint: 'Fix the output path, e.g. $.results[0].id.',
      cause: error,
    });
  }
  if (!Array.isArray(matches) || matches.length === 0) return null;
  return matches.length === 1 ? (matches[0] ?? null) : matches;
}
