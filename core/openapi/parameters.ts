import type { Input, KeyValue } from '../schema/connector.js';
import { flattenSchema, schemaType } from './schemaSample.js';
import { toIdentifier } from './identifiers.js';
import { isObject, text, type SpecObject } from './types.js';

export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie' | 'body' | 'formData';
  required: boolean;
  description: string;
  schema: SpecObject;
  /** The identifier its value goes by in templates: `{{pet_id}}`. */
  variable: string;
}

const LOCATIONS = new Set(['path', 'query', 'header', 'cookie', 'body', 'formData']);

/** The path's parameters overridden by the operation's (same name and location), as the spec says. */
export function operationParameters(pathItem: SpecObject, operation: SpecObject): SpecParameter[] {
  const byKey = new Map<string, SpecParameter>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      if (!isObject(raw) || !text(raw.name) || !LOCATIONS.has(text(raw.in))) continue;
      const where = text(raw.in) as SpecParameter['in'];
      // Swagger 2 puts type/format on the parameter itself.
      const schema = isObject(raw.schema) ? flattenSchema(raw.schema) : { type: raw.type, format: raw.format, items: raw.items, enum: raw.enum, default: raw.default };
      byKey.set(`${where}:${text(raw.name)}`, {
        name: text(raw.name),
        in: where,
        required: raw.required === true || where === 'path',
        description: text(raw.description),
        schema,
        variable: toIdentifier(text(raw.name), 'param'),
      });
    }
  }
  return [...byKey.values()];
}

function inputType(schema: SpecObject): Input['type'] {
  const type = schemaType(schema);
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  const format = text(schema.format);
  if (format === 'email') return 'email';
  if (format === 'uri' || format === 'url') return 'url';
  if (format === 'date' || format === 'date-time') return 'date';
  return 'string';
}

/** The connector input a required parameter becomes. */
export function parameterInput(parameter: SpecParameter): Input {
  const fallback = parameter.schema.default;
  return {
    name: parameter.variable,
    type: inputType(parameter.schema),
    label: parameter.name,
    required: parameter.required,
    ...(typeof fallback === 'string' || typeof fallback === 'number' || typeof fallback === 'boolean' ? { default: fallback } : {}),
    ...(parameter.description ? { description: parameter.description.slice(0, 500) } : {}),
  };
}

/**
 * A query or header row: a required parameter is filled from its input; an optional one is
 * kept as a disabled row with an empty value, for the user to enable or wire to an earlier step.
 */
export function parameterRow(parameter: SpecParameter): KeyValue {
  return parameter.required
    ? { key: parameter.name, value: `{{${parameter.variable}}}`, enabled: true, source: 'input' }
    : { key: parameter.name, value: '', enabled: false, source: 'static' };
}
