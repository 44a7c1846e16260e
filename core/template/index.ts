export { parseTemplate, hasTemplate } from './parseTemplate.js';
export { interpolate, interpolateToString } from './interpolate.js';
export { interpolateUrl } from './interpolateUrl.js';
export { listReferences } from './listReferences.js';
export { parseReference } from './reference.js';
export type { Scope } from './scope.js';
