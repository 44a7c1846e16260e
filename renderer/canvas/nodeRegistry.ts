/** The node and edge kinds the canvas knows, in one place. */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { StartNodeView } from './StartNodeView.js';
import { StepNodeView } from './StepNodeView.js';
import { EndNodeView } from './EndNodeView.js';
import { DependencyEdge } from './DependencyEdge.js';

export const nodeTypes: NodeTypes = { start: StartNodeView, step: StepNodeView, end: EndNodeView };
export const edgeTypes: EdgeTypes = { dependency: DependencyEdge };
