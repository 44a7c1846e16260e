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

export type StartNodeData = { inputs: Input[] };
export type StepNodeData = {
  step: Step;
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
