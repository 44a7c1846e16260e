import { isObject, type SpecObject } from './types.js';

/** How deep and how wide a generated skeleton may grow: circular and huge schemas stop here. */
export const SAMPLE_LIMITS = { maxDepth: 6, maxNodes: 500, maxProperties: 40 } as const;

interface Budget {
  nodes: number;
  seen: Set<object>;
  /** Request bodies leave out readOnly properties, responses writeOnly ones. */
  skip: 'readOnly' | 'writeOnly';
}

/**
 * The schema with `allOf` merged and `oneOf`/`anyOf` reduced to their first choice, so callers
 * see one object shape. A `$ref` left by the parser (a circular reference) yields an empty schema.
 */
export function flattenSchema(schema: unknown, depth = 0): SpecObject {
  if (!isObject(schema) || typeof schema.$ref === 'string' || depth > SAMPLE_LIMITS.maxDepth) return {};
  const { allOf, oneOf, anyOf, ...own } = schema;
  // Later allOf parts refine earlier ones; the schema's own keywords come last.
  const parts: SpecObject[] = Array.isArray(allOf) ? allOf.map((part) => flattenSchema(part, depth + 1)) : [];
  for (const choices of [oneOf, anyOf]) {
    if (Array.isArray(choices) && choices.length > 0) parts.push(flattenSchema(choices.find((c) => isObject(c) && c.type !== 'null') ?? choices[0], depth + 1));
  }
  if (parts.length === 0) return own;
  return [...parts, own].reduce<SpecObject>((merged, part) => {
    const next: SpecObject = { ...merged, ...part };
    if (isObject(merged.properties) || isObject(part.properties)) {
      next.properties = { ...(isObject(merged.properties) ? merged.properties : {}), ...(isObject(part.properties) ? part.properties : {}) };
    }
    return next;
  }, {});
}

/** The schema's own `type` (3.1 allows a list such as ["string", "null"]). */
export function schemaType(schema: SpecObject): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((t): t is string => typeof t === 'string' && t !== 'null');
  if (isObject(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

/**
 * A JSON value shaped like the schema: its example or default where given, else a placeholder
 * of the right type (`""`, `0`, `false`, one array item, every property).
 */
export function sampleFromSchema(schema: unknown, direction: 'request' | 'response'): unknown {
  return sample(schema, 0, { nodes: 0, seen: new Set(), skip: direction === 'request' ? 'readOnly' : 'writeOnly' });
}

function sample(raw: unknown, depth: number, budget: Budget): unknown {
  budget.nodes += 1;
  if (!isObject(raw) || depth > SAMPLE_LIMITS.maxDepth || budget.nodes > SAMPLE_LIMITS.maxNodes || budget.seen.has(raw)) return null;
  const schema = flattenSchema(raw);
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  budget.seen.add(raw);
  try {
    switch (schemaType(schema)) {
      case 'object': {
        const out: Record<string, unknown> = {};
        const properties = isObject(schema.properties) ? Object.entries(schema.properties).slice(0, SAMPLE_LIMITS.maxProperties) : [];
        for (const [name, property] of properties) {
          if (isObject(property) && property[budget.skip] === true) continue;
          out[name] = sample(property, depth + 1, budget);
        }
        return out;
      }
      case 'array': {
        const item = sample(schema.items, depth + 1, budget);
        return item === null ? [] : [item];
      }
      case 'integer':
      case 'number':
        return 0;
      case 'boolean':
        return false;
      case 'string':
        return schema.format === 'date-time' ? '2024-01-01T00:00:00Z' : schema.format === 'date' ? '2024-01-01' : '';
      default:
        return null;
    }
  } finally {
    budget.seen.delete(raw);
  }
}
