export { applyFieldMappings, mapFields } from './applyFieldMappings.js';
export { coerceValue } from './coerce.js';
