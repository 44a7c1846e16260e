/** Core validation of the open document plus its missing credentials, grouped for the canvas badges. */
import { useMemo } from 'react';
import { credentialIssues, validateConnector, type Connector, type CredentialIssue, type ValidationIssue } from '#core';
import type { NodeIssue } from '../flow/flowTypes.js';
import { useAppStore } from '../store/AppStoreProvider.js';
import { useStepKinds } from '../steps/StepViewsContext.js';

export interface GroupedIssues {
  all: (ValidationIssue & Partial<Pick<CredentialIssue, 'credential' | 'authField'>>)[];
  byStep: Record<string, NodeIssue[]>;
  byEdge: Record<string, NodeIssue[]>;
}

const STEP_PATH = /^steps\[(\d+)\]/;
const EDGE_PATH = /^edges\[(\d+)\]/;

export function groupIssues(doc: Connector, issues: GroupedIssues['all']): GroupedIssues {
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
  const credentials = useAppStore((s) => s.credentials);
  const loaded = useAppStore((s) => s.credentialsLoaded);
  const stepKinds = useStepKinds();
  const json = useMemo(() => {
    const stored = new Set(credentials.map((c) => c.name));
    // Until the host has listed the vault, nothing is known to be missing.
    const missing = loaded ? credentialIssues(doc, (name) => stored.has(name)) : [];
    return JSON.stringify(groupIssues(doc, [...validateConnector(doc, { stepKinds }).issues, ...missing]));
  }, [doc, credentials, loaded, stepKinds]);
  // The same objects while the issues are (most edits change none), so the canvas and the
  // inspector that take them are not redrawn for nothing.
  return useMemo(() => JSON.parse(json) as GroupedIssues, [json]);
}
