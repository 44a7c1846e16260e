import { useEffect, useState } from 'react';
import type { ExecutionRecord } from '#core';
import type { RunSummary } from '../../contract/hostApi.js';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';
import { ServerRunsSection } from './ServerRunsSection.js';

/** Run history: the connector's server runs, then this computer's test runs with status and date filters; open a past run read-only or compare two. */
export function HistoryPanel() {
  const store = useAppStoreApi();
  const host = useHost();
  const connectorId = useAppStore((s) => s.doc?.id);
  const lastRunId = useAppStore((s) => s.lastRecord?.runId);
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [since, setSince] = useState('');
  const [compare, setCompare] = useState<string[]>([]);
  const [pair, setPair] = useState<[ExecutionRecord, ExecutionRecord] | null>(null);

  useEffect(() => {
    if (!connectorId) return;
    host.runs.history({ connectorId, limit: 200 }).then(setRuns).catch((e: unknown) => setError(errorMessage(e)));
  }, [host, connectorId, lastRunId]);

  if (!connectorId) return null;
  if (error) return <p className="error-text">{error}</p>;
  if (!runs) return <p className="loading">Loading history…</p>;
  const sinceMs = since ? new Date(since).getTime() : 0;
  const shown = runs.filter((r) => (!status || r.status === status) && r.startedAt >= sinceMs);

  const open = async (runId: string) => {
    try {
      const stored = await host.runs.get({ connectorId, runId });
      store.getState().showRecord(stored.record, true);
      store.getState().setBottomPanel('results');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const doCompare = async () => {
    const [a, b] = await Promise.all(compare.map((runId) => host.runs.get({ connectorId, runId })));
    if (a && b) setPair([a.record, b.record]);
  };

  return (
    <div className="history" data-testid="history-panel">
      <ServerRunsSection connectorId={connectorId} />
      <h3 className="small-text">Test runs on this computer</h3>
      <div className="row">
        <select aria-label="Status filter" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">All statuses</option><option value="success">success</option><option value="failed">failed</option><option value="cancelled">cancelled</option><option value="timeout">timeout</option>
        </select>
        <label className="row small-text">Since <input type="date" value={since} onChange={(e) => setSince(e.target.value)} /></label>
        <button type="button" disabled={compare.length !== 2} onClick={() => void doCompare()}>Compare selected</button>
      </div>
      {shown.length === 0 ? <p className="empty">No runs match.</p> : (
        <table className="history-table">
          <thead><tr><th /><th>When</th><th>Status</th><th>Mode</th><th>Time</th><th>Steps ✓/✕/⤼</th><th /></tr></thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.runId} data-testid="history-row" data-status={r.status}>
                <td><input type="checkbox" aria-label="Select for comparison" checked={compare.includes(r.runId)} onChange={(e) => setCompare((c) => (e.target.checked ? [...c, r.runId].slice(-2) : c.filter((x) => x !== r.runId)))} /></td>
                <td>{new Date(r.startedAt).toLocaleString()}</td>
                <td className={`run-status status-${r.status}`}>{r.status}</td>
                <td>{r.mode}</td>
                <td>{Math.round(r.durationMs)} ms</td>
                <td>{r.stepCounts.success}/{r.stepCounts.failed}/{r.stepCounts.skipped}</td>
                <td><button type="button" className="small" onClick={() => void open(r.runId)}>Open</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pair && <RunComparison a={pair[0]} b={pair[1]} />}
    </div>
  );
}

function RunComparison({ a, b }: { a: ExecutionRecord; b: ExecutionRecord }) {
  const ids = [...new Set([...a.steps.map((s) => s.id), ...b.steps.map((s) => s.id)])];
  const fields = [...new Set([...Object.keys(a.contact), ...Object.keys(b.contact)])];
  return (
    <table className="history-table" data-testid="run-comparison">
      <thead><tr><th /><th>{new Date(a.startedAt).toLocaleTimeString()}</th><th>{new Date(b.startedAt).toLocaleTimeString()}</th></tr></thead>
      <tbody>
        <tr><td>status</td><td>{a.status}</td><td>{b.status}</td></tr>
        {ids.map((id) => {
          const x = a.steps.find((s) => s.id === id);
          const y = b.steps.find((s) => s.id === id);
          return <tr key={id} className={x?.status !== y?.status ? 'changed' : ''}><td><code>{id}</code></td><td>{x ? `${x.status} ${Math.round(x.durationMs)} ms` : '—'}</td><td>{y ? `${y.status} ${Math.round(y.durationMs)} ms` : '—'}</td></tr>;
        })}
        {fields.map((f) => <tr key={f} className={JSON.stringify(a.contact[f]) !== JSON.stringify(b.contact[f]) ? 'changed' : ''}><td>{f}</td><td>{JSON.stringify(a.contact[f])}</td><td>{JSON.stringify(b.contact[f])}</td></tr>)}
      </tbody>
    </table>
  );
}
