import { useMemo } from 'react';
import { parseExpression, variablesForEdge, type Connector } from '../../core/index.js';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { removeElements, updateEdge } from '../flow/graphEdits.js';
import { MonacoField } from '../monaco/MonacoField.js';
import { errorMessage } from '../services/errorMessage.js';
import type { ValidationIssue } from '../../core/index.js';

/** Checks a condition's syntax with core's parser. It is never evaluated here. */
export function conditionError(condition: string | undefined): string | null {
  if (condition === undefined || condition.trim() === '') return null;
  try {
    parseExpression(condition);
    return null;
  } catch (e) {
    return errorMessage(e);
  }
}

export function EdgeInspector({ edgeId, issues }: { edgeId: string; issues: ValidationIssue[] }) {
  const store = useAppStoreApi();
  const doc = useAppStore((s) => s.doc) as Connector;
  const edge = doc.edges.find((e) => e.id === edgeId);
  const variables = useMemo(() => variablesForEdge(doc, edgeId), [doc, edgeId]);
  if (!edge) return <p className="muted">This link no longer exists.</p>;
  const syntax = conditionError(edge.condition);
  const other = issues.filter((i) => i.edgeId === edgeId && !syntax);
  return (
    <div className="edge-inspector" data-testid="edge-inspector" data-edge-id={edgeId}>
      <p><code>{edge.source}</code> → <code>{edge.target}</code></p>
      <div className={`field${syntax || other.length ? ' highlight' : ''}`}>
        <label>Condition (the link is taken only when it is true; empty = always)</label>
        <MonacoField singleLine language="plaintext" ariaLabel="Condition" testId="condition-editor" value={edge.condition ?? ''} completions={variables}
          onChange={(text) => store.getState().edit((d) => updateEdge(d, edgeId, { condition: text.trim() === '' ? undefined : text }), `edge:${edgeId}:condition`)} />
        {syntax && <p className="field-error" role="alert" data-testid="condition-error">{syntax}</p>}
        {other.map((i) => <p key={i.path + i.message} className="field-error" data-testid="condition-error">{i.message}{i.hint ? ` ${i.hint}` : ''}</p>)}
        <p className="muted">Example: <code>{'{{search.count}} > 0'}</code>. Operators: === !== == != &lt; &lt;= &gt; &gt;= &amp;&amp; || !. Type <code>{'{{'}</code> for variables.</p>
      </div>
      <button type="button" className="danger" onClick={() => {
        const result = removeElements(doc, [], [edgeId]);
        if (result.ok) { store.getState().edit(() => result.doc); store.getState().select({ kind: 'connector' }); }
      }}>Delete link</button>
    </div>
  );
}
