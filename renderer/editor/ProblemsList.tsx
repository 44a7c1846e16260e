import type { Connector, CredentialIssue, ValidationIssue } from '#core';
import { useAppStoreApi } from '../store/AppStoreProvider.js';

type Issue = ValidationIssue & Partial<Pick<CredentialIssue, 'credential' | 'authField'>>;

/** A credential name for an auth field that has none yet: `<connector id>_token`, as an identifier. */
const suggestedName = (doc: Connector, authField: string) => `${doc.id}_${authField.split('.').pop() ?? 'secret'}`.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=\d)/, '_');

/**
 * Every validation problem; clicking one selects its node or link and highlights the field. A
 * missing credential comes with a button that opens the credential form right here.
 */
export function ProblemsList({ doc, issues }: { doc: Connector; issues: Issue[] }) {
  const store = useAppStoreApi();
  if (issues.length === 0) return <p className="empty" data-testid="problems-empty">No problems. ✓</p>;
  const jump = (issue: Issue) => {
    const stepIndex = /^steps\[(\d+)\]/.exec(issue.path)?.[1];
    const edgeIndex = /^edges\[(\d+)\]/.exec(issue.path)?.[1];
    const stepId = issue.stepId ?? (stepIndex !== undefined ? doc.steps[Number(stepIndex)]?.id : undefined);
    const edgeId = issue.edgeId ?? (edgeIndex !== undefined ? doc.edges[Number(edgeIndex)]?.id : undefined);
    if (edgeId) store.getState().select({ kind: 'edge', edgeIds: [edgeId] }, issue.path);
    else if (stepId) store.getState().select({ kind: 'step', stepIds: [stepId] }, issue.path);
    else {
      const section = issue.path.startsWith('inputs') ? 'inputs' : issue.path.startsWith('fieldMappings') ? 'mappings' : issue.path.startsWith('auth') ? 'auth' : issue.path.startsWith('settings') || issue.path.startsWith('rateLimit') ? 'settings' : 'basics';
      store.getState().select({ kind: 'connector', section }, issue.path);
    }
  };
  return (
    <ul className="problems" data-testid="problems-list">
      {issues.map((issue, i) => (
        <li key={`${issue.path}-${i}`}>
          <button type="button" className={`problem ${issue.severity}`} data-testid="problem" data-path={issue.path} onClick={() => jump(issue)}>
            {/* The message names the step or setting itself; the path is for tools (data-path) and for jumping to the field. */}
            <span className={`badge ${issue.severity}`}>{issue.severity}</span> {issue.message}
            {issue.hint && <span className="muted"> — {issue.hint}</span>}
          </button>
          {issue.credential && (
            <button type="button" className="small primary" data-testid="problem-set-credential" data-credential-name={issue.credential}
              onClick={() => store.getState().promptCredential({ name: issue.credential! })}>Set {issue.credential}</button>
          )}
          {issue.authField && (
            <button type="button" className="small primary" data-testid="problem-set-credential"
              onClick={() => store.getState().promptCredential({ name: suggestedName(doc, issue.authField!), authField: issue.authField! })}>Store a credential</button>
          )}
        </li>
      ))}
    </ul>
  );
}
