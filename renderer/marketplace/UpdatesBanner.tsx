/** Installed connectors whose template has a newer version: what changed, and an update the user applies (never behind their back). */
import { useState } from 'react';
import type { TemplateDetail, TemplateUpdate } from '../../contract/hostApi.js';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';
import { InstallDialog } from './InstallDialog.js';

export function UpdatesBanner({ updates, onUpdated }: { updates: TemplateUpdate[]; onUpdated: () => void }) {
  const host = useHost();
  const [open, setOpen] = useState<string | null>(null);
  const [applying, setApplying] = useState<{ update: TemplateUpdate; template: TemplateDetail } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (updates.length === 0) return null;
  const startUpdate = async (update: TemplateUpdate) => {
    try {
      setError(null);
      setApplying({ update, template: await host.templates.get({ id: update.templateId }) });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section className="updates-banner" data-testid="template-updates" aria-label="Template updates">
      <strong>Update available</strong> for {updates.length} installed connector{updates.length === 1 ? '' : 's'} (nothing changes until you update):
      <ul>
        {updates.map((u) => (
          <li key={u.connectorId} data-testid="template-update" data-connector-id={u.connectorId}>
            {u.connectorName}: “{u.templateName}” v{u.installedVersion} → v{u.latestVersion}{' '}
            <button type="button" className="small" onClick={() => setOpen(open === u.connectorId ? null : u.connectorId)}>{open === u.connectorId ? 'Hide changes' : 'What changed'}</button>{' '}
            <button type="button" className="small" data-testid="template-update-apply" onClick={() => void startUpdate(u)}>Update…</button>
            {u.credentialRedirects.length > 0 && (
              <p className="warning-text small-text" data-testid="template-update-redirect-warning">
                ⚠ Sends {[...new Set(u.credentialRedirects.map((r) => r.credential))].join(', ')} to {[...new Set(u.credentialRedirects.map((r) => r.destination))].join(', ')}, where {u.credentialRedirects.length === 1 ? 'it' : 'they'} did not go before.
              </p>
            )}
            {u.changelog.length > 0 && (
              <ul className="small-text update-changelog" data-testid="template-update-changelog" aria-label="The author's notes">
                {u.changelog.map((c) => <li key={c.version}><strong>v{c.version}</strong>: {c.changelog}</li>)}
              </ul>
            )}
            {open === u.connectorId && (
              <ul className="small-text">
                {u.credentialRedirects.map((r) => <li key={r.key} className="warning-text">{r.summary}</li>)}
                {u.changes.map((c) => <li key={`${c.kind}:${c.path}`}><code>{c.path}</code> {withoutPath(c.summary, c.path)}</li>)}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {error && <p className="error-text" role="alert">{error}</p>}
      {applying && <InstallDialog template={applying.template} update={applying.update} onClose={() => setApplying(null)} onDone={onUpdated} />}
    </section>
  );
}

/** A change's summary starts with its path, which the list already shows in code style. */
function withoutPath(summary: string, path: string): string {
  return summary.startsWith(`${path}: `) ? summary.slice(path.length + 2) : summary;
}
