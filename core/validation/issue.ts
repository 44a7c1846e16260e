import { locate, parsePath, type Location } from './location.js';

/** One problem found in a connector document, pointing at where it is and what to do. */
export interface ValidationIssue {
  /**
   * Where in the document, for tools: `steps[1].url`, `edges[0].condition`, `` for the whole
   * document. People read `message`, which names the place in their own terms.
   */
  path: string;
  /** One sentence that names the step (name and id) or the setting (as the editor shows it). */
  message: string;
  /** What the user can do about it, one sentence. */
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
    else if (!/^[A-Za-z_$][\w$-]*$/.test(String(segment))) out += `[${JSON.stringify(String(segment))}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A sentence starts with a capital (unless it starts with a name, such as a step id) and ends with a period (or ? or !). */
export function asSentence(text: string, startsWithName = false): string {
  const trimmed = startsWithName ? text.trim() : capitalise(text.trim());
  return trimmed === '' || /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A message of its own ("The path is empty.") made into a clause that continues a sentence. */
export function asClause(message: string): string {
  const text = message.trim().replace(/\.$/, '');
  return /^[A-Z](?![A-Z])/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}


/**
 * "Verify email (step_3): URL refers to step_9, which is not a step." — `text` reads after the
 * field's label ("refers to …"), or, when the path names no single field, as a clause of its own.
 */
export function describe(location: Location, text: string, standalone = false): string {
  if (standalone) return asSentence(`${location.subject}${location.field ? ` › ${location.field}` : ''}: ${capitalise(text)}`, true);
  if (location.field) return asSentence(`${location.subject}: ${location.field} ${text}`, true);
  if (location.subject === 'The connector') return asSentence(`The connector ${text}`);
  return asSentence(`${location.subject}: ${capitalise(text)}`, true);
}

export interface IssueOptions {
  severity?: ValidationIssue['severity'];
  hint?: string | undefined;
  stepId?: string | undefined;
  edgeId?: string | undefined;
  /** `text` is a sentence of its own (a schema's custom message), not a clause that continues the field's label. */
  standalone?: boolean;
}

/** Builds an issue at `path` of `doc`, its message naming the place as the editor does. */
export function issueAt(doc: unknown, path: string, text: string, options: IssueOptions = {}): ValidationIssue {
  const issue: ValidationIssue = { path, message: describe(locate(doc, parsePath(path)), text, options.standalone), severity: options.severity ?? 'error' };
  if (options.hint) issue.hint = asSentence(options.hint);
  if (options.stepId) issue.stepId = options.stepId;
  if (options.edgeId) issue.edgeId = options.edgeId;
  return issue;
}

/** One line per issue, errors first: the message, then what to do. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return [...issues]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
    .map((i) => `${i.severity === 'warning' ? 'Warning: ' : ''}${i.message}${i.hint ? ` ${i.hint}` : ''}`)
    .join('\n');
}
