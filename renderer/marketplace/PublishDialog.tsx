/**
 * Publishing a connector: the publish check runs first and the user sees exactly what
 * would be published (the document, its credential slots, the cassettes kept and what was
 * left out) before confirming. A literal secret blocks publishing.
 */
import { useEffect, useState } from 'react';
import type { PublishPreview } from '../../contract/hostApi.js';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';
import { Dialog } from '../app/Dialog.js';
import { useBusyAction } from '../app/useBusyAction.js';

interface Listing { name: string; description: string; category: string; icon: string }

export function PublishDialog({ onClose, onPublished }: { onClose: () => void; onPublished: (id: string) => void }) {
  const store = useAppStoreApi();
  const host = useHost();
  const connectors = useAppStore((s) => s.entries).flatMap((e) => (e.kind === 'connector' ? [e] : []));
  // The connector open in the editor (still loaded when the user came here from it), else the first.
  const openId = useAppStore((s) => s.doc?.id);
  const [connectorId, setConnectorId] = useState(() => (connectors.some((c) => c.id === openId) ? openId! : connectors[0]?.id ?? ''));
  const selectedEntry = connectors.find((c) => c.id === connectorId);
  const [listing, setListing] = useState<Listing | null>(null);
  // Prefilled from the connector each time another one is picked.
  useEffect(() => {
    setListing(selectedEntry ? { name: selectedEntry.name, description: selectedEntry.description, category: selectedEntry.category, icon: selectedEntry.icon } : null);
  }, [selectedEntry?.id]);
  const [preview, setPreview] = useState<PublishPreview | null>(null);
  const { busy, error, setError, run } = useBusyAction();
  const [official, setOfficial] = useState(false);
  const [asUpdate, setAsUpdate] = useState(true);
  const [changelog, setChangelog] = useState('');

  useEffect(() => {
    if (!connectorId) return;
    let cancelled = false;
    setPreview(null);
    setError(null);
    host.templates.publishPreview({ connectorId }).then((p) => { if (!cancelled) setPreview(p); }, (e: unknown) => { if (!cancelled) setError(errorMessage(e)); });
    return () => { cancelled = true; };
  }, [host, connectorId, setError]);

  const publish = (ready: PublishPreview) => run(async () => {
    const updateOf = asUpdate && ready.updateOf ? ready.updateOf.id : undefined;
    const result = await host.templates.publish({
      connectorId,
      official,
      ...(updateOf ? { updateOf } : {}),
      ...(changelog.trim() ? { changelog: changelog.trim() } : {}),
      ...(listing ? { listing: { ...listing, name: listing.name.trim(), category: listing.category.trim(), icon: listing.icon.trim() } } : {}),
    });
    store.getState().notify({ kind: 'success', message: `Published "${result.name}" (version ${result.version}).` });
    onPublished(result.id);
  });

  return (
    <Dialog title="Publish a connector as a template" testId="publish-dialog" className="publish-dialog" onClose={onClose} error={error} errorTestId="publish-error"
      confirm={{
        label: official ? 'Publish official template' : 'Publish community template',
        testId: 'publish-confirm',
        disabled: !preview?.ok || !preview.signedIn || busy || !listing?.name.trim() || !listing.category.trim() || !listing.icon.trim(),
        onConfirm: () => { if (preview) void publish(preview); },
      }}>
      <label className="field"><span>Connector</span>
        <select data-testid="publish-connector" value={connectorId} onChange={(e) => setConnectorId(e.target.value)}>
          {connectors.map((c) => <option key={c.id} value={c.id}>{c.icon} {c.name}</option>)}
        </select>
      </label>
      {connectors.length === 0 && <p className="muted">This workspace has no connectors yet.</p>}
      {listing && (
        <fieldset className="publish-listing">
          <legend>How it is listed</legend>
          <div className="publish-listing-row">
            <label className="field publish-icon"><span>Icon</span>
              <input data-testid="publish-icon" value={listing.icon} maxLength={50} onChange={(e) => setListing({ ...listing, icon: e.target.value })} /></label>
            <label className="field grow"><span>Title</span>
              <input data-testid="publish-title" value={listing.name} maxLength={255} onChange={(e) => setListing({ ...listing, name: e.target.value })} /></label>
            <label className="field"><span>Category</span>
              <input data-testid="publish-category" value={listing.category} maxLength={100} onChange={(e) => setListing({ ...listing, category: e.target.value })} /></label>
          </div>
          <label className="field"><span>Description</span>
            <textarea data-testid="publish-description" rows={3} value={listing.description} maxLength={5000} onChange={(e) => setListing({ ...listing, description: e.target.value })} /></label>
        </fieldset>
      )}
      {!preview && !error && connectorId && <p className="loading" role="status">Checking…</p>}
      {preview && (
        <div data-testid="publish-preview" data-ok={preview.ok}>
          {preview.ok
            ? <p className="badge success" data-testid="publish-check-ok">No secrets found: credential references became {preview.template.credentials.length} slot{preview.template.credentials.length === 1 ? '' : 's'}.</p>
            : (
              <div role="alert" data-testid="publish-findings">
                <p className="error-text">Not publishable: remove these values (store them as credentials and use <code>{'{{credentials.name}}'}</code>).</p>
                <ul>{preview.findings.map((f) => <li key={`${f.path}:${f.kind}`}><code>{f.path}</code> — {f.message}</li>)}</ul>
              </div>
            )}
          {preview.dropped.length > 0 && (
            <ul className="small-text muted" data-testid="publish-dropped">{preview.dropped.map((d) => <li key={d.path}><code>{d.path}</code> {d.reason}</li>)}</ul>
          )}
          <h3>Credential slots</h3>
          <ul className="small-text" data-testid="publish-credential-slots">{preview.template.credentials.map((c) => <li key={c.name}><code>{c.name}</code> {c.label}</li>)}{preview.template.credentials.length === 0 && <li className="muted">none</li>}</ul>
          <h3>Cassettes published with it</h3>
          <ul className="small-text">{preview.template.cassettes.map((c) => <li key={c}><code>{c}</code></li>)}{preview.template.cassettes.length === 0 && <li className="muted">none</li>}</ul>
          <details open>
            <summary>Exactly what will be published</summary>
            <pre className="publish-json" data-testid="publish-json">{JSON.stringify(preview.template.connector, null, 2)}</pre>
          </details>
          {preview.updateOf && (
            <label className="row small-text"><input type="checkbox" checked={asUpdate} onChange={(e) => setAsUpdate(e.target.checked)} data-testid="publish-as-update" />
              Publish as version {preview.updateOf.version + 1} of “{preview.updateOf.name}” (installed copies are not changed; their owners are offered the update)</label>
          )}
          {preview.updateOf && asUpdate && <label className="field"><span>What changed (shown to everyone who installed it)</span><input data-testid="publish-changelog" value={changelog} onChange={(e) => setChangelog(e.target.value)} maxLength={2000} /></label>}
          {preview.canPublishOfficial && (
            <label className="row small-text"><input type="checkbox" checked={official} onChange={(e) => setOfficial(e.target.checked)} data-testid="publish-official" /> Publish as an official template (admin)</label>
          )}
          {!preview.signedIn && <p className="muted" data-testid="publish-signin-needed">Sign in (sync panel) to publish.</p>}
        </div>
      )}
    </Dialog>
  );
}
