export { STEP_KINDS, STEP_KIND_NAMES, createStepKindRegistry, stepKindOf, type StepKindRegistry } from './registry.js';
export { defineStepKind, type StepKindDefinition, type StepTemplateField, type StepRequestPart, type StepPartRole, type StepTransportUse, type StepInterchangeMapping } from './stepKind.js';
export { stepSchema, StepBaseSchema } from './stepBase.js';
