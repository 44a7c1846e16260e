/** The places in an HTTP request where a template, a credential or a secret can go, in the editor's words. */
import type { StepRequestPart } from '../../stepKind.js';
import type { HttpStep } from './schema.js';

export function httpRequestParts(step: HttpStep): StepRequestPart[] {
  const parts: StepRequestPart[] = [{ path: 'url', label: 'URL', value: step.url, role: 'address', sent: true }];
  step.query.forEach((row, j) => parts.push({ path: `query[${j}].value`, label: `query parameter ${row.key || '(unnamed)'}`, name: row.key, value: row.value, role: 'parameter', sent: row.enabled }));
  step.headers.forEach((row, j) => parts.push({ path: `headers[${j}].value`, label: `header ${row.key || '(unnamed)'}`, name: row.key, value: row.value, role: 'header', sent: row.enabled }));
  const { body } = step;
  if (body.type === 'json') parts.push({ path: 'body.value', label: 'body', value: body.value, role: 'content', sent: true });
  if (body.type === 'raw') parts.push({ path: 'body.text', label: 'body', value: body.text, role: 'content', sent: true });
  if (body.type === 'form') body.fields.forEach((field, j) => parts.push({ path: `body.fields[${j}].value`, label: 'body', name: field.key, value: field.value, role: 'content', sent: field.enabled }));
  return parts;
}
