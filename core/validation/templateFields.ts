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

/** The templated fields of an auth block. */
export function authTemplateFields(auth: Auth, at: string): TemplateField[] {
  return Object.entries(auth)
    .filter(([key, value]) => key !== 'type' && key !== 'in' && typeof value === 'string')
    .map(([key, value]) => ({ path: `${at}.${key}`, value }));
}

/** Auth fields that carry a secret and must be a credential reference. */
export const SECRET_AUTH_FIELDS: Readonly<Record<Auth['type'], readonly string[]>> = {
  none: [],
  bearer: ['token'],
  api_key: ['value'],
  basic: ['password'],
  oauth2_client_credentials: ['clientSecret'],
};

/** Headers whose value is a secret: a literal there is flagged by validation and blocks publishing. */
export const SECRET_HEADER_NAME = /^(authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|cookie|x-access-token)$/i;
