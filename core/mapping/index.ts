export { applyFieldMappings, mapFields } from './applyFieldMappings.js';
export type { MappingResult, MappingSkip, StepOutputs } from './applyFieldMappings.js';
export { coerceValue } from './coerce.js';
