/**
 * "Run on server" beside Run, when this folder is linked to a Supabase workspace: queues the
 * synced connector with the run bar's inputs (enqueue_connector_runs) and follows that run
 * — queued, running, then its outcome — until it is done. The full list is in History.
 */
import { useState } from 'react';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';
import { coerceInputs } from '../services/runActions.js';
import { notifyServerRunsChanged, useServerRuns } from './useServerRuns.js';
import { serverRunOutcome } from './serverRunLabels.js';

export function ServerRunButton() {
  const store = useAppStoreApi();
  const host = useHost();
  const connectorId = useAppStore((s) => s.doc?.id);
  const { list, refresh } = useServerRuns(host, connectorId);
  const [runId, setRunId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!connectorId || !list || (list.status === 'unavailable' && (list.kind === 'signed_out' || list.kind === 'not_linked'))) return null;
  const unavailable = list.status === 'unavailable' ? list.reason : null;
  const run = runId && list.status === 'available' ? list.runs.find((r) => r.runId === runId) : undefined;

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const queued = await host.serverRuns.enqueue({ connectorId, inputs: coerceInputs(store) });
      setRunId(queued.runId);
      await refresh();
      notifyServerRunsChanged(connectorId);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" data-testid="run-on-server-button" disabled={busy || unavailable !== null} onClick={() => void start()}
        title={unavailable ?? 'Queue this connector on the server with these inputs (a worker runs the synced version)'}>
        ☁ Run on server
      </button>
      {runId && (
        <span className={`run-status status-${run?.status ?? 'queued'}`} data-testid="server-run-status" data-status={run?.status ?? 'queued'} role="status">
          server: {run ? serverRunOutcome(run) : 'queued'}
        </span>
      )}
      {error && <span className="error-text" role="alert" data-testid="server-run-error">{error}</span>}
    </>
  );
}
