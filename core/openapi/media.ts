import { sampleFromSchema } from './schemaSample.js';
import { isObject, type SpecObject } from './types.js';

const JSON_TYPE = /^application\/(.+\+)?json\b/i;
export const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;

/** The JSON media type of a `content` map (OpenAPI 3), or undefined. */
export function pickMedia(content: unknown, accept: RegExp = JSON_TYPE): { type: string; media: SpecObject } | undefined {
  if (!isObject(content)) return undefined;
  const entry = Object.entries(content).find(([type, media]) => accept.test(type) && isObject(media));
  return entry ? { type: entry[0], media: entry[1] as SpecObject } : undefined;
}

/** The documented example of a media object or schema, if the spec gives one. */
export function documentedExample(media: SpecObject, schema: unknown): { found: true; value: unknown } | { found: false } {
  if (media.example !== undefined) return { found: true, value: media.example };
  if (isObject(media.examples)) {
    const first = Object.values(media.examples).find((e) => isObject(e) && e.value !== undefined);
    if (isObject(first)) return { found: true, value: first.value };
  }
  if (isObject(schema) && schema.example !== undefined) return { found: true, value: schema.example };
  return { found: false };
}

/** The documented example when there is one, else a skeleton built from the schema. */
export function exampleOrSample(media: SpecObject, schema: unknown, direction: 'request' | 'response'): { value: unknown; documented: boolean } {
  const example = documentedExample(media, schema);
  return example.found ? { value: example.value, documented: true } : { value: sampleFromSchema(schema, direction), documented: false };
}
