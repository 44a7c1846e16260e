import type { ValidationIssue } from '#core';

/** At most this many problems are printed as text (all of them are in --json). */
const SHOWN = 50;

/**
 * A file's problems as validate and run print them: errors first, each with what to do and where
 * it is in the file.
 *
 *   ✗ Verify email (step_3): URL refers to step_9, which is not a step; steps this one may use: step_1.
 *     → Fix the step id in the reference.
 *     at config.steps[1].steps[1].url
 */
export function formatProblems(issues: readonly ValidationIssue[]): string[] {
  const sorted = [...issues].sort((a, b) => rank(a) - rank(b));
  const lines = sorted.slice(0, SHOWN).flatMap((issue) => [
    `  ${issue.severity === 'error' ? '✗' : '!'} ${issue.message}`,
    ...(issue.hint ? [`    → ${issue.hint}`] : []),
    ...(issue.path ? [`    at ${issue.path}`] : []),
  ]);
  if (sorted.length > SHOWN) lines.push(`  … and ${sorted.length - SHOWN} more (validate --json lists them all)`);
  return lines;
}

/** "3 errors and 1 warning" */
export function countProblems(issues: readonly ValidationIssue[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return warnings === 0 ? plural(errors, 'error') : `${plural(errors, 'error')} and ${plural(warnings, 'warning')}`;
}

/** The documented `validate --json` entry of one problem. */
export interface JsonProblem {
  path: string;
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
  stepId?: string;
  edgeId?: string;
}

export function toJsonProblem(issue: ValidationIssue): JsonProblem {
  return {
    path: issue.path,
    message: issue.message,
    ...(issue.hint ? { hint: issue.hint } : {}),
    severity: issue.severity,
    ...(issue.stepId ? { stepId: issue.stepId } : {}),
    ...(issue.edgeId ? { edgeId: issue.edgeId } : {}),
  };
}

const rank = (issue: ValidationIssue) => (issue.severity === 'error' ? 0 : 1);
