import type { z } from 'zod';
import { formatPath, type ValidationIssue } from './issue.js';

/** Turns zod's issues into ours: readable paths, messages that say what is expected. */
export function structuralIssues(error: z.ZodError, raw: unknown): ValidationIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    const stepId = stepIdAt(raw, issue.path);
    const result: ValidationIssue = { path, message: messageFor(issue), severity: 'error' };
    if (stepId) result.stepId = stepId;
    return result;
  });
}

function messageFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.message.startsWith('Invalid input') ? `expected ${issue.expected}${receivedOf(issue)}` : issue.message;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return issue.message === 'Invalid input' ? 'has a shape that is not allowed here (check its "type")' : issue.message;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return issue.message;
  }
}

function receivedOf(issue: z.core.$ZodIssue): string {
  const match = /received (\w+)/.exec(issue.message);
  return match ? `, got ${match[1]}` : '';
}

function stepIdAt(raw: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'steps' || typeof path[1] !== 'number') return undefined;
  const steps = (raw as { steps?: unknown })?.steps;
  if (!Array.isArray(steps)) return undefined;
  const id = (steps[path[1]] as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}
