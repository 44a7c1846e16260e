import { memo, useState } from 'react';
import type { ConnectorCardEntry } from '../store/slices/workspaceSlice.js';
import { ExportMenu } from '../app/ExportMenu.js';
import { TruncatedText } from '../app/Tooltip.js';

export interface CardActions {
  open: (id: string) => void;
  clone: (id: string) => void;
  rename: (id: string, name: string) => void;
  remove: (id: string) => void;
  toggleEnabled: (id: string, enabled: boolean) => void;
  exportAs: (id: string, format: 'app' | 'interchange') => void;
  toggleSelected: (id: string) => void;
  /** Opens the marketplace, where the update is reviewed and applied. */
  reviewUpdate: () => void;
}

function formatMs(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** `updateTo`: the newer version of the template this connector was installed from, if any. */
export const ConnectorCard = memo(function ConnectorCard({ entry, selected, actions, updateTo }: { entry: ConnectorCardEntry; selected: boolean; actions: CardActions; updateTo?: number | undefined }) {
  const { stats } = entry;
  const [renaming, setRenaming] = useState<string | null>(null);
  const commitRename = () => {
    const name = renaming?.trim();
    if (name && name !== entry.name) actions.rename(entry.id, name);
    setRenaming(null);
  };
  return (
    <article className={`connector-card${entry.enabled ? '' : ' disabled'}`} data-testid="connector-card" data-connector-id={entry.id} aria-label={entry.name}>
      <header className="card-head">
        <input type="checkbox" checked={selected} onChange={() => actions.toggleSelected(entry.id)} aria-label={`Select ${entry.name}`} />
        <span className="card-icon" aria-hidden="true">{entry.icon}</span>
        {renaming === null
          ? <button type="button" className="card-title" onClick={() => actions.open(entry.id)} data-testid="connector-card-name"><TruncatedText text={entry.name} /></button>
          : <input className="grow" aria-label="New name" value={renaming} autoFocus onChange={(e) => setRenaming(e.target.value)} onBlur={commitRename}
              onKeyDown={(e) => { if (e.key === 'Enter') commitRename(); if (e.key === 'Escape') setRenaming(null); }} />}
      </header>
      <p className="card-desc muted"><TruncatedText text={entry.description || 'No description'} lines={2} /></p>
      <div className="card-meta">
        <span className="badge">{entry.category}</span>
        <span className="badge">{entry.stepCount} step{entry.stepCount === 1 ? '' : 's'}</span>
        {entry.errorCount > 0 && <span className="badge error">{entry.errorCount} problem{entry.errorCount === 1 ? '' : 's'}</span>}
        {updateTo !== undefined && (
          <button type="button" className="badge update" data-testid="card-update-available" title="Review what changed in the marketplace" onClick={actions.reviewUpdate}>
            Update to v{updateTo}
          </button>
        )}
      </div>
      <dl className="card-stats">
        <div>
          <dt>Runs</dt>
          <dd data-testid="card-runs" title={stats.teamRuns ? `${stats.teamRuns} of them by teammates (recorded on the server)` : undefined}>
            {stats.runs}{stats.teamRuns ? <span className="small-text muted" data-testid="card-team-runs"> ({stats.teamRuns} by team)</span> : null}
          </dd>
        </div>
        <div><dt>Success</dt><dd>{stats.successRate === null ? '—' : `${Math.round(stats.successRate * 100)}%`}</dd></div>
        <div><dt>p95</dt><dd>{formatMs(stats.p95DurationMs)}</dd></div>
        <div><dt>Last run</dt><dd title={stats.lastStatus ?? undefined}>{stats.lastRunAt ? new Date(stats.lastRunAt).toLocaleDateString() : 'never'}</dd></div>
      </dl>
      {stats.week && (
        <p className="small-text muted" data-testid="card-week" title="The linked workspace's last 7 days: every recorded run, server runs included (targets: under 5% failed, p95 under 10 s)">
          7 days: <span data-testid="card-week-runs">{stats.week.executions} run{stats.week.executions === 1 ? '' : 's'}</span> ({stats.week.serverRuns} on server)
          {' · '}<span data-testid="card-week-failed">{stats.week.failureRate === null ? '—' : `${Math.round(stats.week.failureRate * 100)}% failed`}</span>
          {' · '}<span data-testid="card-week-p95">p95 {formatMs(stats.week.p95DurationMs)}</span>
        </p>
      )}
      <footer className="card-actions">
        <label className="row small-text">
          <input type="checkbox" checked={entry.enabled} onChange={(e) => actions.toggleEnabled(entry.id, e.target.checked)} /> Enabled
        </label>
        <span className="grow" />
        <button type="button" className="small" onClick={() => actions.clone(entry.id)}>Clone</button>
        <button type="button" className="small" onClick={() => setRenaming(entry.name)}>Rename</button>
        <ExportMenu small testId="card-export" onExport={(format) => actions.exportAs(entry.id, format)} />
        <button type="button" className="small danger" onClick={() => actions.remove(entry.id)}>Delete</button>
      </footer>
    </article>
  );
});
