/** Installed connectors whose template has a newer version: what changed, never applied behind the user's back. */
import { useState } from 'react';
import type { TemplateUpdate } from '../../contract/hostApi.js';

export function UpdatesBanner({ updates }: { updates: TemplateUpdate[] }) {
  const [open, setOpen] = useState<string | null>(null);
  if (updates.length === 0) return null;
  return (
    <section className="updates-banner" data-testid="template-updates" aria-label="Template updates">
      <strong>Update available</strong> for {updates.length} installed connector{updates.length === 1 ? '' : 's'} (nothing changes until you edit them yourself):
      <ul>
        {updates.map((u) => (
          <li key={u.connectorId} data-testid="template-update">
            {u.connectorName}: “{u.templateName}” v{u.installedVersion} → v{u.latestVersion}{' '}
            <button type="button" className="small" onClick={() => setOpen(open === u.connectorId ? null : u.connectorId)}>{open === u.connectorId ? 'Hide changes' : 'What changed'}</button>
            {open === u.connectorId && (
              <ul className="small-text">{u.changes.map((c) => <li key={`${c.kind}:${c.path}`}><code>{c.path}</code> {c.summary}</li>)}</ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
