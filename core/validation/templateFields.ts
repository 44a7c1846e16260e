import { authKindOf } from '../auth/kinds/registry.js';
import type { Auth, Step } from '../schema/connector.js';
import { stepKindOf, type StepKindRegistry } from '../steps/registry.js';

/** A place in the document whose text is a template. */
export interface TemplateField {
  path: string;
  value: unknown;
}

/** Every templated field of a step, as its kind lists them (an HTTP step: URL, query, headers, body, its own auth). */
export function stepTemplateFields(step: Step, index: number, registry?: StepKindRegistry): TemplateField[] {
  return stepKindOf(step, registry).templateFields(step).map((field) => ({ path: `steps[${index}].${field.path}`, value: field.value }));
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

export { SECRET_HEADER_NAME } from '../schema/stepFields.js';
