/**
 * `{{` autocomplete for plain text fields: what the user is typing after the last
 * unclosed `{{` before the caret, and the variables (from core's availableVariables)
 * that match it.
 */
import type { Variable } from '#core';

export interface TemplateCompletion {
  /** Replace text[from, to) with `ref}}`. */
  from: number;
  to: number;
  query: string;
  items: Variable[];
}

export function templateCompletion(text: string, caret: number, variables: Variable[]): TemplateCompletion | null {
  const before = text.slice(0, caret);
  const open = before.lastIndexOf('{{');
  if (open < 0 || before.indexOf('}}', open) >= 0) return null;
  const query = before.slice(open + 2).trimStart();
  if (!/^[A-Za-z0-9_.]*$/.test(query)) return null;
  const q = query.toLowerCase();
  const items = variables.filter((v) => v.ref.toLowerCase().includes(q) || v.label.toLowerCase().includes(q));
  // Swallow closing braces already typed after the caret so we never double them.
  const after = text.slice(caret);
  const closing = /^[A-Za-z0-9_.]*\s*\}\}/.exec(after);
  return { from: open + 2, to: caret + (closing ? closing[0].length : 0), query, items };
}

export function applyCompletion(text: string, completion: TemplateCompletion, variable: Variable): { text: string; caret: number } {
  const insert = `${variable.ref}}}`;
  const next = text.slice(0, completion.from) + insert + text.slice(completion.to);
  return { text: next, caret: completion.from + insert.length };
}
