import { authKindOf } from '../auth/kinds/registry.js';
import type { Auth, Step } from '../schema/connector.js';

/** A place in the document whose text is a template. */
export interface TemplateField {
  path: string;
  value: unknown;
}

/** Every templated field of a step: URL, query, headers, body, its own auth. */
export function stepTemplateFields(step: Step, index: number): TemplateField[] {
  const at = `steps[${index}]`;
  const fields: TemplateField[] = [{ path: `${at}.url`, value: step.url }];
  step.query.forEach((row, j) => fields.push({ path: `${at}.query[${j}].key`, value: row.key }, { path: `${at}.query[${j}].value`, value: row.value }));
  step.headers.forEach((row, j) => fields.push({ path: `${at}.headers[${j}].key`, value: row.key }, { path: `${at}.headers[${j}].value`, value: row.value }));
  if (step.body.type === 'json') fields.push({ path: `${at}.body.value`, value: step.body.value });
  if (step.body.type === 'raw') fields.push({ path: `${at}.body.text`, value: step.body.text });
  if (step.body.type === 'form') step.body.fields.forEach((row, j) => fields.push({ path: `${at}.body.fields[${j}].value`, value: row.value }));
  if (step.auth) fields.push(...authTemplateFields(step.auth, `${at}.auth`));
  return fields;
}

/** The templated fields of an auth block, as its kind lists them. */
export function authTemplateFields(auth: Auth, at: string): TemplateField[] {
  const block = auth as Record<string, unknown>;
  return authKindOf(auth).templateFields
    .filter((key) => typeof block[key] === 'string')
    .map((key) => ({ path: `${at}.${key}`, value: block[key] }));
}

/** Auth fields that carry a secret and must be a credential reference, as its kind lists them. */
export function secretAuthFields(auth: Auth): readonly string[] {
  return authKindOf(auth).secretFields;
}

/** Headers whose value is a secret: a literal there is flagged by validation and blocks publishing. */
export const SECRET_HEADER_NAME = /^(authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|cookie|x-access-token)$/i;
