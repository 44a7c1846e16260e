/**
 * SaaS admins only (saas_metrics decides; everyone else sees nothing): the seed's success
 * metrics across every workspace — adoption, executions per week, failure rate, p95 — and
 * the same per workspace.
 */
import { useEffect, useState } from 'react';
import type { AdminMetrics } from '../../contract/hostApi.js';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';
import { formatDuration } from '../runs/serverRunLabels.js';

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

export function AdminMetricsSection() {
  const host = useHost();
  const [metrics, setMetrics] = useState<AdminMetrics | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    host.admin.metrics().then(setMetrics, (e: unknown) => setError(errorMessage(e)));
  }, [host]);
  if (error) return <fieldset className="settings-section"><legend>SaaS metrics (admins)</legend><p className="error-text" role="alert">{error}</p></fieldset>;
  if (!metrics) return null;
  return (
    <fieldset className="settings-section" data-testid="admin-metrics">
      <legend>SaaS metrics (admins), last 7 days</legend>
      <dl className="card-stats">
        <div><dt>Adoption</dt><dd data-testid="admin-adoption" title="Workspaces with at least one connector (target 60%)">{percent(metrics.adoption)} <span className="muted small-text">({metrics.workspacesWithConnector} of {metrics.workspaces})</span></dd></div>
        <div><dt>Executions</dt><dd data-testid="admin-executions">{metrics.executionsPerWeek} <span className="muted small-text">({metrics.serverRunsPerWeek} on server)</span></dd></div>
        <div><dt>Per connector</dt><dd title="target 50 a week">{metrics.executionsPerConnectorPerWeek === null ? '—' : metrics.executionsPerConnectorPerWeek.toFixed(1)}</dd></div>
        <div><dt>Failed</dt><dd data-testid="admin-failure-rate" title="target under 5%">{percent(metrics.failureRate)}</dd></div>
        <div><dt>p95</dt><dd data-testid="admin-p95" title="target under 10 s">{formatDuration(metrics.p95ExecutionMs)}</dd></div>
      </dl>
      <table className="history-table" data-testid="admin-workspaces">
        <thead><tr><th>Workspace</th><th>Connectors</th><th>Runs</th><th>On server</th><th>Failed</th><th>p95</th></tr></thead>
        <tbody>
          {metrics.byWorkspace.map((w) => (
            <tr key={w.id} data-testid="admin-workspace-row">
              <td>{w.name}</td><td>{w.connectors}</td><td>{w.executionsPerWeek}</td><td>{w.serverRunsPerWeek}</td><td>{percent(w.failureRate)}</td><td>{formatDuration(w.p95ExecutionMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
