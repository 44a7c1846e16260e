import { useMemo } from 'react';
import { stepLabel, variablesForEdge, type Connector } from '#core';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { removeElements, updateEdge } from '../flow/graphEdits.js';
import { ConditionField } from './ConditionField.js';
import type { ValidationIssue } from '#core';

export function EdgeInspector({ edgeId, issues }: { edgeId: string; issues: ValidationIssue[] }) {
  const store = useAppStoreApi();
  const doc = useAppStore((s) => s.doc) as Connector;
  const edge = doc.edges.find((e) => e.id === edgeId);
  const variables = useMemo(() => variablesForEdge(doc, edgeId), [doc, edgeId]);
  if (!edge) return <p className="muted">This link no longer exists.</p>;
  return (
    <div className="edge-inspector" data-testid="edge-inspector" data-edge-id={edgeId}>
      <h3>Link</h3>
      <p data-testid="edge-ends">{stepLabel(doc.steps.find((s) => s.id === edge.source), edge.source)} → {stepLabel(doc.steps.find((s) => s.id === edge.target), edge.target)}</p>
      <ConditionField label="Condition (the link is taken only when it is true; empty = always)" testId="condition-editor" errorTestId="condition-error"
        value={edge.condition} variables={variables} issues={issues.filter((i) => i.edgeId === edgeId)}
        onChange={(condition) => store.getState().edit((d) => updateEdge(d, edgeId, { condition }), `edge:${edgeId}:condition`)} />
      <button type="button" className="danger" onClick={() => {
        const result = removeElements(doc, [], [edgeId]);
        if (result.ok) { store.getState().edit(() => result.doc); store.getState().select({ kind: 'connector' }); }
      }}>Delete link</button>
    </div>
  );
}
