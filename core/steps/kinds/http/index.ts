/**
 * The HTTP request kind: today's step. It runs through the executor's request loop (runStep:
 * auth, rate limits, retries, redirects, redaction), and sends through the run's transport, so
 * mock runs answer it and cassettes record it.
 */
import { authKindOf } from '../../../auth/kinds/registry.js';
import { runStep } from '../../../executor/runStep.js';
import { defineStepKind, type StepKindDefinition, type StepTemplateField } from '../../stepKind.js';
import { HTTP_FIELD_HINTS, httpRules } from './rules.js';
import { httpRequestParts } from './requestParts.js';
import { HttpStepSchema, type HttpStep } from './schema.js';

function templateFields(step: HttpStep): StepTemplateField[] {
  const fields: StepTemplateField[] = [{ path: 'url', value: step.url }];
  step.query.forEach((row, j) => fields.push({ path: `query[${j}].key`, value: row.key }, { path: `query[${j}].value`, value: row.value }));
  step.headers.forEach((row, j) => fields.push({ path: `headers[${j}].key`, value: row.key }, { path: `headers[${j}].value`, value: row.value }));
  if (step.body.type === 'json') fields.push({ path: 'body.value', value: step.body.value });
  if (step.body.type === 'raw') fields.push({ path: 'body.text', value: step.body.text });
  if (step.body.type === 'form') step.body.fields.forEach((row, j) => fields.push({ path: `body.fields[${j}].value`, value: row.value }));
  if (step.auth) {
    const block = step.auth as Record<string, unknown>;
    for (const key of authKindOf(step.auth).templateFields) {
      if (typeof block[key] === 'string') fields.push({ path: `auth.${key}`, value: block[key] });
    }
  }
  return fields;
}

// Annotated: the executor's types refer back to the document's steps, which this kind defines.
export const http: StepKindDefinition<typeof HttpStepSchema> = defineStepKind({
  kind: 'http',
  label: 'HTTP request',
  schema: HttpStepSchema,
  empty: (id) => ({ id, kind: 'http', name: '', method: 'GET', url: 'https://api.example.com/' }),
  templateFields,
  requestParts: httpRequestParts,
  auth: (step) => step.auth,
  fieldHints: HTTP_FIELD_HINTS,
  rules: httpRules,
  execute: (step, scope, context) => runStep(step, scope, context),
  transport: { sends: 'requests', mock: (step) => step.mock, mockPath: 'mock' },
  interchange: { export: 'as-is' },
});
