import { isObject, text, type OpenApiOperation, type OpenApiOverview, type SpecObject } from './types.js';

export const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

export interface LocatedOperation extends OpenApiOperation {
  operation: SpecObject;
  pathItem: SpecObject;
}

/** Every operation of the spec in document order, with a stable id for each. */
export function locateOperations(spec: SpecObject): LocatedOperation[] {
  const paths = isObject(spec.paths) ? spec.paths : {};
  const located: LocatedOperation[] = [];
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem)) continue;
    for (const method of OPERATION_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const upper = method.toUpperCase();
      located.push({
        id: text(operation.operationId) || `${upper} ${path}`,
        method: upper,
        path,
        summary: text(operation.summary) || text(operation.description).split('\n')[0]!.slice(0, 200),
        tags: Array.isArray(operation.tags) ? operation.tags.filter((t): t is string => typeof t === 'string') : [],
        deprecated: operation.deprecated === true,
        operation,
        pathItem,
      });
    }
  }
  return located;
}

export function specificationName(spec: SpecObject): string {
  if (typeof spec.swagger === 'string') return `Swagger ${spec.swagger}`;
  return `OpenAPI ${text(spec.openapi) || '3'}`;
}

/** Title, version and the operations a user can pick from. */
export function describeOpenApi(spec: SpecObject): OpenApiOverview {
  const info = isObject(spec.info) ? spec.info : {};
  return {
    title: text(info.title) || 'Imported API',
    version: text(info.version),
    specification: specificationName(spec),
    operations: locateOperations(spec).map(({ operation: _o, pathItem: _p, ...summary }) => summary),
  };
}
