export { predecessors, successors, entrySteps, ancestorsOf, descendantsOf } from './adjacency.js';
export { findCycle, topologicalOrder } from './order.js';
export { availableVariables, environmentVariables, variablesForEdge, variablesForMappings, inputVariables, credentialVariables, type Variable } from './variables.js';
export type { GraphIndex } from './graphIndex.js';
