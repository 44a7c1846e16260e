export { predecessors, successors, entrySteps, ancestorsOf, descendantsOf, validEdges, type GraphInput } from './adjacency.js';
export { findCycle, topologicalOrder } from './order.js';
export { availableVariables, environmentVariables, variablesForEdge, variablesForMappings, inputVariables, credentialVariables, type Variable, type VariableSource } from './variables.js';
export { indexGraph, type GraphIndex } from './graphIndex.js';
