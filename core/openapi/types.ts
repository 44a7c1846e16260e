/**
 * The parts of a dereferenced OpenAPI 3.x / Swagger 2.0 document the importer reads. Specs are
 * untrusted input: every field is optional and read defensively; a `$ref` still present is a
 * circular reference the parser left in place (never followed here).
 */
export type SpecObject = Record<string, unknown>;

/** One operation the user can pick. */
export interface OpenApiOperation {
  /** The spec's operationId, or `METHOD /path` when it has none. */
  id: string;
  method: string;
  path: string;
  summary: string;
  tags: string[];
  deprecated: boolean;
}

export interface OpenApiOverview {
  title: string;
  version: string;
  /** `Swagger 2.0`, `OpenAPI 3.0.3`, `OpenAPI 3.1.0`. */
  specification: string;
  operations: OpenApiOperation[];
}

export function isObject(value: unknown): value is SpecObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
