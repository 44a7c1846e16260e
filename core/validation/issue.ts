/** One problem found in a connector document, pointing at where it is and what to do. */
export interface ValidationIssue {
  /** Where in the document: `steps[1].url`, `edges[0].condition`, `` for the whole document. */
  path: string;
  message: string;
  /** What the user can do about it. */
  hint?: string;
  severity: 'error' | 'warning';
  stepId?: string;
  edgeId?: string;
}

/** Renders a zod-style path (`['steps', 1, 'url']`) as `steps[1].url`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** `steps[1].url: a step needs a URL` lines, errors first. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return [...issues]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
    .map((i) => `${i.severity === 'warning' ? 'warning: ' : ''}${i.path || '(document)'}: ${i.message}${i.hint ? ` (${i.hint})` : ''}`)
    .join('\n');
}
