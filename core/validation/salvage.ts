import type { z } from 'zod';
import { formatPath } from './issue.js';
import type { PathSegment } from './location.js';
import { flatten } from './structuralIssues.js';

const MAX_ROUNDS = 4;
/** Stand-in texts start with this; a problem that mentions one is about the stand-in, not the file, and is dropped. */
const STAND_IN = '_invalid_';

export interface Salvaged<T> {
  value: T;
  /** Paths (as `steps[2].url`) that were removed or stood in for: problems there are already reported. */
  repaired: string[];
}

/**
 * A copy of a document whose shape is wrong, with each refused field removed (so its default
 * applies) or, when it is required, replaced by a neutral stand-in — so the whole-document rules
 * (duplicate ids, limits, references, conditions, mappings) still run and a file's problems are
 * all listed in one pass. Undefined when a few rounds cannot make it parse (then only the shape
 * problems are reported).
 */
export function salvage<T>(schema: z.ZodType<T>, raw: unknown): Salvaged<T> | undefined {
  let copy: unknown;
  try {
    copy = JSON.parse(JSON.stringify(raw)) as unknown;
  } catch {
    return undefined;
  }
  const repaired = new Set<string>();
  const removed = new Set<string>();
  let standIns = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const parsed = schema.safeParse(copy);
    if (parsed.success) return { value: parsed.data, repaired: [...repaired] };
    for (const { issue, path } of flatten(parsed.error.issues, [])) {
      const at = formatPath(path);
      repaired.add(at);
      if (path.length === 0) return undefined;
      const parent = walk(copy, path.slice(0, -1));
      const key = path[path.length - 1] as PathSegment;
      if (parent === undefined) return undefined;
      const present = (parent as Record<PathSegment, unknown>)[key] !== undefined;
      if (present && !removed.has(at) && !Array.isArray(parent)) {
        removed.add(at);
        delete (parent as Record<PathSegment, unknown>)[key];
        continue;
      }
      const standIn = standInFor(issue, ++standIns);
      if (standIn === undefined) return undefined;
      (parent as Record<PathSegment, unknown>)[key] = standIn;
    }
  }
  return undefined;
}

function walk(value: unknown, path: readonly PathSegment[]): object | undefined {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current !== null && typeof current === 'object' ? current : undefined;
}

/** A value of the expected kind that breaks no rule of its own: an identifier-like text, 0, an empty list. */
function standInFor(issue: z.core.$ZodIssue, n: number): unknown {
  const text = `${STAND_IN}${n}`;
  switch (issue.code) {
    case 'invalid_type':
      return ({ string: text, number: 0, int: 0, boolean: false, array: [], object: {} } as Record<string, unknown>)[issue.expected];
    case 'invalid_value':
      return issue.values[0];
    case 'invalid_format':
      return text;
    case 'too_small':
      if (issue.origin === 'string') return text;
      if (issue.origin === 'number' || issue.origin === 'int') return Number(issue.minimum);
      return undefined;
    case 'too_big':
      if (issue.origin === 'string') return text;
      if (issue.origin === 'number' || issue.origin === 'int') return Number(issue.maximum);
      return undefined;
    default:
      return undefined;
  }
}

/** Whether a problem found in the salvaged copy is about a stand-in (its message names one). */
export function mentionsStandIn(message: string): boolean {
  return message.includes(STAND_IN);
}

/** Whether a problem found in the salvaged copy sits where a shape problem was already reported. */
export function isUnder(path: string, repaired: readonly string[]): boolean {
  return repaired.some((r) => path === r || path.startsWith(`${r}.`) || path.startsWith(`${r}[`));
}
