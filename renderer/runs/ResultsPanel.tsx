/** Per-step results: request as sent (redacted by the host), response, attempts, outputs, error. */
import { useState } from 'react';
import type { StepRecord } from '#core';
import { useAppStore } from '../store/AppStoreProvider.js';
import { JsonTree, parseJsonBody } from '../inspector/JsonTree.js';
import { Tabs } from '../app/Tabs.js';
import { attemptsSummary, retryingLabel, seconds } from './retryLabel.js';
import { withHint } from '../services/errorMessage.js';

const PLAIN_ERRORS: Record<string, string> = {
  HTTP_ERROR: 'The API answered with an error status.',
  NETWORK_ERROR: 'Could not reach the server (connection refused, reset or DNS failure).',
  TIMEOUT: 'The server did not answer in time.',
  RATE_LIMITED: 'The rate limit was reached.',
  MISSING_CREDENTIAL: 'A credential this step needs is not stored in the vault.',
  MISSING_INPUT: 'A required input was not given.',
  MOCK_MISSING: 'Mock or replay mode has no canned response for this request.',
  CANCELLED: 'The run was cancelled.',
};

export function ResultsPanel() {
  const run = useAppStore((s) => s.run);
  const historical = useAppStore((s) => s.runIsHistorical);
  // Read only when there are results to label: before the first run an edit does not redraw the panel.
  const doc = useAppStore((s) => (s.run ? s.doc : null));
  if (!run) return <p className="empty">No run yet. Fill in the inputs and press Run (Ctrl/Cmd+Enter).</p>;
  const order = doc?.steps.map((s) => s.id) ?? Object.keys(run.steps);
  return (
    <div className="results" data-testid="results-panel">
      {historical && <p className="badge warning">Past run {new Date(run.startedAt).toLocaleString()} (read-only)</p>}
      {run.record?.error && <p className="error-text">{run.record.error.message}</p>}
      {order.map((id) => {
        const live = run.steps[id];
        if (!live) return null;
        return (
          <details key={id} className={`step-result status-${live.status}`} data-testid="step-result" data-step-id={id} data-status={live.status} open={live.status === 'failed'}>
            <summary>
              <strong>{doc?.steps.find((s) => s.id === id)?.name || id}</strong> <span className={`run-status status-${live.status}`}>{live.status}</span>
              {live.durationMs !== undefined && <span className="muted"> · {Math.round(live.durationMs)} ms</span>}
              {live.result?.response && <span className="muted"> · HTTP {live.result.response.status} · {live.result.response.sizeBytes} B</span>}
              {live.result && attemptsSummary(live.result.attempts) && <span className="muted" data-testid="step-attempts-summary"> · {attemptsSummary(live.result.attempts)}</span>}
              {live.status === 'running' && live.retryInMs !== undefined && <span className="run-status status-running" data-testid="step-retrying"> · {retryingLabel(live.lastFailure?.status, live.lastFailure?.code, live.retryInMs, live.retryReason)}</span>}
              {live.skipReason && <span className="muted" data-testid="skip-reason"> · {live.skipReason}</span>}
            </summary>
            {live.result && <StepResult result={live.result} />}
          </details>
        );
      })}
    </div>
  );
}

function StepResult({ result }: { result: StepRecord }) {
  const [view, setView] = useState<'tree' | 'raw' | 'headers'>('tree');
  const body = parseJsonBody(result.response?.body);
  return (
    <div className="step-result-body">
      {result.error && (
        <div className="error-box" role="alert">
          <strong>{PLAIN_ERRORS[result.error.code] ?? 'The step failed.'}</strong> {withHint(result.error.message, result.error.hint)}
        </div>
      )}
      {result.request && (
        <div><h4>Request</h4><code className="request-line">{result.request.method} {result.request.url}</code>
          <pre className="pre-small">{Object.entries(result.request.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}{result.request.body ? `\n\n${result.request.body}` : ''}</pre></div>
      )}
      {result.response && (
        <div>
          <h4>Response</h4>
          <Tabs label="Response view" value={view} onChange={setView} items={(['tree', 'raw', 'headers'] as const).map((v) => ({ id: v, label: v }))}>
          {view === 'tree' && (body.ok ? <JsonTree value={body.value} /> : <p className="muted">Not JSON{result.response.body === undefined ? ' (response logging is off)' : ''}.</p>)}
          {view === 'raw' && <pre className="pre-small">{result.response.body ?? ''}{result.response.bodyTruncated ? '\n… (truncated)' : ''}</pre>}
          {view === 'headers' && <pre className="pre-small">{Object.entries(result.response.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}</pre>}
          </Tabs>
        </div>
      )}
      {result.attempts.length > 1 && (
        <div><h4>Attempts</h4><ol>{result.attempts.map((a) => <li key={a.attempt}>{a.status ?? a.error?.code} · {Math.round(a.durationMs)} ms{a.retryInMs !== undefined ? ` · then waited ${seconds(a.retryInMs)}${a.retryReason === 'retry-after' ? ' (Retry-After)' : ''}` : ''}</li>)}</ol></div>
      )}
      <div><h4>Outputs</h4>{Object.keys(result.outputs).length ? <pre className="pre-small" data-testid="step-outputs">{JSON.stringify(result.outputs, null, 2)}</pre> : <p className="muted">none</p>}</div>
    </div>
  );
}
