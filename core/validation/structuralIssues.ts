import type { z } from 'zod';
import { asClause, formatPath, issueAt, type ValidationIssue } from './issue.js';
import { interchangeStepIds, type PathSegment } from './location.js';
import { STEP_KINDS, type StepKindRegistry } from '../steps/registry.js';

type ZodIssue = z.core.$ZodIssue;

/**
 * Turns zod's issues into ours: the path of the field that is really wrong (a union such as
 * "a step or a parallel group" is resolved to the branch the value meant, so a step without a
 * URL says exactly that), and a message that says what is expected, naming the step.
 */
export function structuralIssues(error: z.ZodError, raw: unknown, registry: StepKindRegistry = STEP_KINDS): ValidationIssue[] {
  return flatten(error.issues, []).map(({ issue, path }) => {
    const at = formatPath(path);
    const { text, hint } = describeIssue(issue, path, stepKindHints(raw, path, registry), registry);
    return issueAt(raw, at, text, { hint, stepId: stepIdAt(raw, path), standalone: issue.code === 'custom' });
  });
}

export interface Located {
  issue: ZodIssue;
  path: PathSegment[];
}

export function flatten(issues: readonly ZodIssue[], prefix: PathSegment[]): Located[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) return flatten(meantBranch(issue.errors), path);
    return [{ issue, path }];
  });
}

/**
 * The branch the value was written for: one whose discriminator (`type`) matched, else the one
 * with the fewest problems.
 */
function meantBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] {
  const typeMismatch = (issues: readonly ZodIssue[]) => issues.some((i) => i.path.length === 1 && i.path[0] === 'type' && (i.code === 'invalid_value' || i.code === 'invalid_union'));
  const ranked = [...branches].sort((a, b) => Number(typeMismatch(a)) - Number(typeMismatch(b)) || a.length - b.length);
  return ranked[0] ?? [];
}

const KIND: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object', int: 'a whole number' };

function describeIssue(issue: ZodIssue, path: readonly PathSegment[], kindHints: Readonly<Record<string, string>>, registry: StepKindRegistry): { text: string; hint?: string } {
  const key = path[path.length - 1];
  const custom = customMessage(issue);
  const hintFor = (k: PathSegment | undefined) => (typeof k === 'string' ? kindHints[k] ?? HINTS[k] : undefined);
  switch (issue.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(issue.message)?.[1];
      const expected = KIND[issue.expected] ?? issue.expected;
      if (received === 'undefined') return { text: 'is missing', hint: custom ?? hintFor(key) ?? `Add "${String(key)}" (${expected}).` };
      return { text: `must be ${expected}${received ? `, not ${KIND[received] ?? received}` : ''}`, hint: custom ?? hintFor(key) };
    }
    case 'invalid_value':
      return { text: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, ...(hintFor(key) ? { hint: hintFor(key) } : {}) };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { text: 'is empty', hint: custom ?? hintFor(key) };
      if (issue.origin === 'array') return { text: Number(issue.minimum) <= 1 ? 'is empty' : `needs at least ${issue.minimum} entries`, hint: custom };
      return { text: `must be at least ${issue.minimum}${issue.origin === 'string' ? ' characters long' : ''}`, hint: custom };
    case 'too_big':
      return { text: issue.origin === 'string' ? `is longer than ${issue.maximum} characters` : issue.origin === 'array' ? `has more than ${issue.maximum} entries` : `must be at most ${issue.maximum}`, hint: custom };
    case 'invalid_format':
      return { text: custom ? `is not valid: ${asClause(custom)}` : `is not a valid ${issue.format}`, hint: issue.format === 'regex' ? 'Use letters, digits and _, starting with a letter or _.' : undefined };
    case 'invalid_union':
      // The steps' union on `kind` (the other unions are resolved to a branch by flatten).
      if (issue.discriminator === 'kind' && issue.errors.length === 0) {
        return { text: 'names a step kind this version of Connector Studio does not know', hint: `Known step kinds: ${[...registry.kinds.keys()].join(', ')}. Update Connector Studio, or replace the step.` };
      }
      return { text: custom ?? issue.message };
    case 'unrecognized_keys':
      return { text: `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`, hint: 'Check the spelling, or remove the fields.' };
    default:
      return { text: custom ?? issue.message };
  }
}

/** A message the schema wrote itself (`a step needs a URL`), not zod's generic "Invalid input…". */
function customMessage(issue: ZodIssue): string | undefined {
  return /^(Invalid|Too (small|big))\b/.test(issue.message) ? undefined : issue.message;
}

// Hints for fields of the document itself; a step kind's own fields (the HTTP kind's url, method) come from its fieldHints.
const HINTS: Record<string, string> = {
  id: 'Give it an id such as step_1 (letters, digits and _).',
  name: 'Give it a name.',
  type: 'Check its "type".',
  source: 'Write the source as step_id.output.',
  target: 'Name the contact field to fill.',
};

/** The field hints of the kind of the step a path is inside (none outside a step, or for a kind the registry does not know). */
function stepKindHints(raw: unknown, path: readonly PathSegment[], registry: StepKindRegistry): Readonly<Record<string, string>> {
  // The interchange format's steps are all requests: the HTTP kind's hints (the kind a step without `kind` has).
  if (path[0] === 'config' && path[1] === 'steps') return registry.find({})?.fieldHints ?? {};
  if (path[0] !== 'steps' || typeof path[1] !== 'number') return {};
  const steps = (raw as { steps?: unknown } | null)?.steps;
  const step: unknown = Array.isArray(steps) ? steps[path[1]] : undefined;
  return (step !== null && typeof step === 'object' ? registry.find(step as { kind?: unknown })?.fieldHints : undefined) ?? {};
}

/** The id of the step a path is inside, in either format (the importer's ids for interchange steps). */
function stepIdAt(raw: unknown, path: readonly PathSegment[]): string | undefined {
  if (path[0] === 'steps' && typeof path[1] === 'number') {
    const steps = (raw as { steps?: unknown } | null)?.steps;
    const id = Array.isArray(steps) ? (steps[path[1]] as { id?: unknown } | undefined)?.id : undefined;
    return typeof id === 'string' ? id : undefined;
  }
  if (path[0] === 'config' && path[1] === 'steps' && typeof path[2] === 'number') {
    const ids = interchangeStepIds(raw);
    return path[3] === 'steps' && typeof path[4] === 'number' ? ids.get(`${path[2]}.${path[4]}`) : ids.get(String(path[2]));
  }
  return undefined;
}
