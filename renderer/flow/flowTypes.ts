/** One data type per node kind (the canvas's node registry uses these). */
import type { Edge as FlowEdge, Node as FlowNode } from '@xyflow/react';
import type { AuthType, FieldMapping, Input, Step } from '#core';
import type { LiveStep } from '../store/slices/runReducer.js';

export const START_NODE_ID = '__start';
export const END_NODE_ID = '__end';

export interface NodeIssue {
  message: string;
  path: string;
  severity: 'error' | 'warning';
}

type WithoutName<S> = S extends unknown ? Omit<S, 'name'> : never;
/**
 * A step as its node holds it: everything but the name. The node's label reads the name from the
 * document itself, so renaming a step changes no node object and React Flow has nothing to redo.
 */
export type CanvasStep = WithoutName<Step>;

export type StartNodeData = { inputs: Input[] };
export type StepNodeData = {
  step: CanvasStep;
  /** Effective auth type: the step's override or the connector's; undefined for a kind that sends no request (or one this version does not know). */
  authType: AuthType | undefined;
  authInherited: boolean;
  live: LiveStep | undefined;
  issues: NodeIssue[];
  /** No link in or out while other steps exist: drawn apart, with no guide lines to start and end. */
  unlinked: boolean;
};
export type EndNodeData = { mappings: FieldMapping[] };

export type StartNode = FlowNode<StartNodeData, 'start'>;
export type StepNode = FlowNode<StepNodeData, 'step'>;
export type EndNode = FlowNode<EndNodeData, 'end'>;
export type AppNode = StartNode | StepNode | EndNode;

export type DependencyEdgeData = { condition?: string | undefined; issues: NodeIssue[]; virtual: boolean };
export type AppEdge = FlowEdge<DependencyEdgeData, 'dependency'>;
