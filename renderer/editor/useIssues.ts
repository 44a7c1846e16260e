/** Core validation of the open document, grouped for the canvas badges. */
import { useMemo } from 'react';
import { validateConnector, type Connector, type ValidationIssue } from '../../core/index.js';
import type { NodeIssue } from '../flow/flowTypes.js';

export interface GroupedIssues {
  all: ValidationIssue[];
  byStep: Record<string, NodeIssue[]>;
  byEdge: Record<string, NodeIssue[]>;
}

const STEP_PATH = /^steps\[(\d+)\]/;
const EDGE_PATH = /^edges\[(\d+)\]/;

export function groupIssues(doc: Connector, issues: ValidationIssue[]): GroupedIssues {
  const byStep: Record<string, NodeIssue[]> = {};
  const byEdge: Record<string, NodeIssue[]> = {};
  for (const issue of issues) {
    const stepId = issue.stepId ?? doc.steps[Number(STEP_PATH.exec(issue.path)?.[1] ?? -1)]?.id;
    const edgeId = issue.edgeId ?? doc.edges[Number(EDGE_PATH.exec(issue.path)?.[1] ?? -1)]?.id;
    const node: NodeIssue = { message: issue.message, path: issue.path, severity: issue.severity };
    if (edgeId) (byEdge[edgeId] ??= []).push(node);
    else if (stepId) (byStep[stepId] ??= []).push(node);
  }
  return { all: issues, byStep, byEdge };
}

export function useIssues(doc: Connector): GroupedIssues {
  return useMemo(() => groupIssues(doc, validateConnector(doc).issues), [doc]);
}
