/**
 * History's server side: the connector's executions on the server (status, duration, steps,
 * error, which contact), live while some are queued or running, with Retry for a failed one.
 * Shown above the test runs of this computer when the folder is linked to a workspace.
 */
import { useState } from 'react';
import type { ServerRun } from '../../contract/hostApi.js';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';
import { formatDuration } from './serverRunLabels.js';
import { notifyServerRunsChanged, useServerRuns } from './useServerRuns.js';

const short = (id: string) => id.slice(0, 8);

export function ServerRunsSection({ connectorId }: { connectorId: string }) {
  const host = useHost();
  const { list, error, refresh } = useServerRuns(host, connectorId);
  const [retryError, setRetryError] = useState<string | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);
  if (!list || (list.status === 'unavailable' && (list.kind === 'signed_out' || list.kind === 'not_linked'))) return null;

  const retry = async (run: ServerRun) => {
    setRetrying(run.runId);
    setRetryError(null);
    try {
      await host.serverRuns.retry({ connectorId, runId: run.runId });
      await refresh();
      notifyServerRunsChanged(connectorId);
    } catch (e) {
      setRetryError(errorMessage(e));
    } finally {
      setRetrying(null);
    }
  };

  return (
    <section className="server-runs" data-testid="server-runs" aria-label="Server runs">
      <h3 className="small-text">On the server</h3>
      {error && <p className="error-text" role="alert">{error}</p>}
      {retryError && <p className="error-text" role="alert" data-testid="server-run-retry-error">{retryError}</p>}
      {list.status === 'unavailable' ? <p className="muted small-text" data-testid="server-runs-unavailable">{list.reason}</p>
        : list.runs.length === 0 ? <p className="empty small-text">No server runs yet: press ☁ Run on server.</p> : (
          <table className="history-table">
            <thead><tr><th>Queued</th><th>Status</th><th>Time</th><th>Steps ✓/✕/⤼</th><th>Contact</th><th>Error</th><th /></tr></thead>
            <tbody>
              {list.runs.map((run) => (
                <tr key={run.runId} data-testid="server-run-row" data-run-id={run.runId} data-status={run.status}>
                  <td title={run.retryOf ? `retry of ${run.retryOf}` : run.runId}>{new Date(run.requestedAt).toLocaleString()}{run.retryOf ? <span className="muted"> (retry)</span> : null}</td>
                  <td className={`run-status status-${run.status}`} data-testid="server-run-status-cell">{run.status}</td>
                  <td data-testid="server-run-duration">{formatDuration(run.durationMs)}</td>
                  <td data-testid="server-run-steps">{run.completedAt === null ? '—' : `${run.steps.success}/${run.steps.failed}/${run.steps.skipped}`}</td>
                  <td title={run.contactId ?? undefined}>{run.contactId ? short(run.contactId) : '—'}</td>
                  <td className="error-text" data-testid="server-run-error-cell">{run.error ?? ''}</td>
                  <td>
                    {(run.status === 'failed' || run.status === 'timeout') && (
                      <button type="button" className="small" data-testid="server-run-retry" disabled={retrying !== null} onClick={() => void retry(run)}>Retry</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </section>
  );
}
