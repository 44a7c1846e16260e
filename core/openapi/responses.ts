import type { MockResponse, Output } from '../schema/connector.js';
import { toIdentifier, uniqueName } from './identifiers.js';
import { exampleOrSample, pickMedia } from './media.js';
import { flattenSchema, schemaType } from './schemaSample.js';
import { isObject, type SpecObject } from './types.js';

const MAX_OUTPUTS = 8;

/** The first success response (200, 201, …, 2XX, default) with its status. */
export function successResponse(operation: SpecObject): { status: number; response: SpecObject } | undefined {
  const responses = isObject(operation.responses) ? operation.responses : {};
  const codes = Object.keys(responses).sort();
  const code = codes.find((c) => /^2\d\d$/.test(c)) ?? codes.find((c) => /^2XX$/i.test(c)) ?? codes.find((c) => c === 'default');
  if (code === undefined || !isObject(responses[code])) return undefined;
  return { status: /^\d{3}$/.test(code) ? Number(code) : 200, response: responses[code] as SpecObject };
}

/** The JSON schema of a response: OpenAPI 3 `content`, Swagger 2 `schema`. */
function responseJson(response: SpecObject): { media: SpecObject; schema: unknown } | undefined {
  const json = pickMedia(response.content);
  if (json) return { media: json.media, schema: json.media.schema };
  if (response.schema !== undefined) {
    // Swagger 2 keeps examples per mime type.
    const examples = isObject(response.examples) ? Object.entries(response.examples).find(([type]) => /json/i.test(type)) : undefined;
    return { media: examples ? { example: examples[1] } : {}, schema: response.schema };
  }
  return undefined;
}

/**
 * Outputs for the response's scalar fields, up to MAX_OUTPUTS: `$.id`, `$.owner.name`, or
 * `$[0].id` for a list, going at most two objects deep.
 */
export function suggestOutputs(operation: SpecObject): Output[] {
  const success = successResponse(operation);
  const json = success && responseJson(success.response);
  if (!json) return [];
  const outputs: Output[] = [];
  const taken = new Set<string>();
  const visit = (schema: unknown, path: string, prefix: string, depth: number) => {
    if (outputs.length >= MAX_OUTPUTS || depth > 2) return;
    const flat = flattenSchema(schema);
    const type = schemaType(flat);
    if (type === 'array') return visit(flat.items, `${path}[0]`, prefix, depth + 1);
    if (type !== 'object' || !isObject(flat.properties)) {
      if (depth === 0 && type) outputs.push({ name: uniqueName('value', taken), path });
      return;
    }
    const entries = Object.entries(flat.properties);
    for (const [name, property] of entries) {
      if (outputs.length >= MAX_OUTPUTS) return;
      const child = flattenSchema(property);
      const childType = schemaType(child);
      if (childType === 'object' || childType === 'array') continue;
      const segment = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
      outputs.push({ name: uniqueName(toIdentifier(prefix ? `${prefix}_${name}` : name, 'field'), taken), path: `${path}${segment}` });
    }
    for (const [name, property] of entries) {
      const child = flattenSchema(property);
      const childType = schemaType(child);
      if (childType !== 'object' && childType !== 'array') continue;
      if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) continue;
      visit(child, `${path}.${name}`, prefix ? `${prefix}_${name}` : name, depth + 1);
    }
  };
  visit(json.schema, '$', '', 0);
  return outputs;
}

/** A mock response from the documented example (or, noted, a skeleton of the schema). */
export function mockResponse(operation: SpecObject): { mock: MockResponse; documented: boolean } | undefined {
  const success = successResponse(operation);
  if (!success) return undefined;
  const json = responseJson(success.response);
  if (!json) return { mock: { status: success.status, headers: {}, latencyMs: 0, fault: 'none' }, documented: true };
  const { value, documented } = exampleOrSample(json.media, json.schema, 'response');
  return { mock: { status: success.status, headers: { 'content-type': 'application/json' }, body: value, latencyMs: 0, fault: 'none' }, documented };
}
