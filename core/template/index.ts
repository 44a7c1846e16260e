export { parseTemplate, hasTemplate, type TemplatePart } from './parseTemplate.js';
export { interpolate, interpolateToString, stringifyValue, encodeComponent, type InterpolateOptions, type InterpolationMode } from './interpolate.js';
export { interpolateUrl, type QueryRow } from './interpolateUrl.js';
export { listReferences } from './listReferences.js';
export { resolveReference } from './resolveReference.js';
export { parseReference, referenceKey, FORBIDDEN_SEGMENTS, RESERVED_NAMESPACES, ENV_NAMESPACE, type Reference, type ReferenceKind } from './reference.js';
export { emptyScope, type Scope } from './scope.js';
