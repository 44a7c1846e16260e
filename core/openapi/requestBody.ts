import type { Body } from '../schema/connector.js';
import { exampleOrSample, FORM_TYPE, pickMedia } from './media.js';
import type { SpecParameter } from './parameters.js';
import { flattenSchema } from './schemaSample.js';
import { isObject, type SpecObject } from './types.js';

function formBody(schema: unknown): Body {
  const properties = isObject(flattenSchema(schema).properties) ? Object.keys(flattenSchema(schema).properties as SpecObject) : [];
  return { type: 'form', fields: properties.map((key) => ({ key, value: '', enabled: true, source: 'static' })) };
}

/**
 * The step body: a JSON skeleton (the documented example, else one built from the schema), a
 * form with the schema's fields, or none. `note` says when a media type could not be mapped.
 */
export function requestBody(operation: SpecObject, parameters: SpecParameter[]): { body: Body; note?: string } {
  // Swagger 2: a `body` parameter or `formData` parameters.
  const bodyParameter = parameters.find((p) => p.in === 'body');
  if (bodyParameter) return { body: { type: 'json', value: exampleOrSample({}, bodyParameter.schema, 'request').value } };
  const formParameters = parameters.filter((p) => p.in === 'formData');
  if (formParameters.length > 0) return { body: { type: 'form', fields: formParameters.map((p) => ({ key: p.name, value: '', enabled: true, source: 'static' })) } };

  const request = isObject(operation.requestBody) ? operation.requestBody : undefined;
  if (!request || !isObject(request.content)) return { body: { type: 'none' } };
  const json = pickMedia(request.content);
  if (json) return { body: { type: 'json', value: exampleOrSample(json.media, json.media.schema, 'request').value } };
  const form = pickMedia(request.content, FORM_TYPE);
  if (form) return { body: formBody(form.media.schema) };
  const types = Object.keys(request.content);
  return { body: { type: 'none' }, note: `Its request body (${types.join(', ')}) is neither JSON nor a form: set the body by hand.` };
}
