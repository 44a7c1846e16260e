/** Core validation of the open document plus its missing credentials, grouped for the canvas badges. */
import { useEffect, useState } from 'react';
import { credentialIssues, validateConnector, type Connector, type CredentialIssue, type ValidationIssue } from '#core';
import type { NodeIssue } from '../flow/flowTypes.js';
import { useAppStoreApi } from '../store/AppStoreProvider.js';
import type { AppState } from '../store/types.js';
import { afterNextPaint } from './afterNextPaint.js';

export interface GroupedIssues {
  all: (ValidationIssue & Partial<Pick<CredentialIssue, 'credential' | 'authField'>>)[];
  byStep: Record<string, NodeIssue[]>;
  byEdge: Record<string, NodeIssue[]>;
}

const STEP_PATH = /^steps\[(\d+)\]/;
const EDGE_PATH = /^edges\[(\d+)\]/;
const NONE: GroupedIssues = { all: [], byStep: {}, byEdge: {} };

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

/** The issues of the state's document, as JSON (compared as text, so unchanged issues keep their objects). */
function issuesJson({ doc, credentials, credentialsLoaded }: Inputs): string {
  if (!doc) return JSON.stringify(NONE);
  const stored = new Set(credentials.map((c) => c.name));
  // Until the host has listed the vault, nothing is known to be missing.
  const missing = credentialsLoaded ? credentialIssues(doc, (name) => stored.has(name)) : [];
  return JSON.stringify(groupIssues(doc, [...validateConnector(doc).issues, ...missing]));
}

/**
 * The open document's issues. The editor does not render on every edit for them: they are
 * recomputed when the document or the credentials change, and the objects stay the same while
 * their content does (most edits change none), so what takes them is not redrawn for nothing.
 * Typing in a field (an edit with a coalesce key) is validated once the keystroke has been
 * painted, one pass per frame however fast the keys come; every other change (a graph edit,
 * undo, redo, open, credentials) in the same update as itself, so the canvas, its badges and
 * the problems never disagree mid-gesture.
 */
export function useIssues(): GroupedIssues {
  const store = useAppStoreApi();
  const [state, setState] = useState(() => validated(store.getState()));
  useEffect(() => {
    let cancelPending: (() => void) | null = null;
    const update = () => {
      cancelPending?.();
      cancelPending = null;
      const next = validated(store.getState());
      setState((current) => (current.json === next.json ? current : next));
    };
    const unsubscribe = store.subscribe((next, previous) => {
      const docChanged = next.doc !== previous.doc;
      if (!docChanged && next.credentials === previous.credentials && next.credentialsLoaded === previous.credentialsLoaded) return;
      // Only an edit with a coalesce key leaves one set: open, undo and redo clear it.
      const typing = docChanged && next.lastEditKey !== null;
      if (!typing) update();
      else cancelPending ??= afterNextPaint(update);
    });
    // Whatever changed between the first render and this subscription.
    if (!sameInputs(state.from, store.getState())) update();
    return () => { unsubscribe(); cancelPending?.(); };
    // (The first render's state is compared once, here: the subscription is made once per store.)
  }, [store]);
  return state.issues;
}

type Inputs = Pick<AppState, 'doc' | 'credentials' | 'credentialsLoaded'>;

function sameInputs(a: Inputs, b: Inputs): boolean {
  return a.doc === b.doc && a.credentials === b.credentials && a.credentialsLoaded === b.credentialsLoaded;
}

function validated(from: Inputs): { from: Inputs; json: string; issues: GroupedIssues } {
  const json = issuesJson(from);
  return { from: { doc: from.doc, credentials: from.credentials, credentialsLoaded: from.credentialsLoaded }, json, issues: JSON.parse(json) as GroupedIssues };
}
