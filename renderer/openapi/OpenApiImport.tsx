/**
 * Import → OpenAPI: paste or pick a spec, search its operations, tick the ones to turn into
 * steps, see the connector they make (steps, inputs, credentials, notes), then open it.
 * Reading and mapping happen in the host (openapi.inspect / openapi.convert); nothing is saved
 * until the user saves the new connector.
 */
import { useEffect, useMemo, useState } from 'react';
import type { OpenApiConversion, OpenApiOverview } from '../../contract/hostApi.js';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';

export interface OpenApiImportProps {
  /** The preview to open, or null while there is none. */
  onPreview: (conversion: OpenApiConversion | null) => void;
  onError: (message: string | null) => void;
}

export function OpenApiImport({ onPreview, onError }: OpenApiImportProps) {
  const host = useHost();
  const [content, setContent] = useState('');
  const [allowRemoteRefs, setAllowRemoteRefs] = useState(false);
  const [overview, setOverview] = useState<OpenApiOverview | null>(null);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [preview, setPreview] = useState<OpenApiConversion | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async () => {
    onError(null);
    setBusy(true);
    try {
      setOverview(await host.openapi.inspect({ content, allowRemoteRefs }));
      setChosen([]);
    } catch (e) {
      setOverview(null);
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (!overview || chosen.length === 0) {
      setPreview(null);
      onPreview(null);
      return;
    }
    let live = true;
    host.openapi.convert({ content, allowRemoteRefs, operationIds: chosen })
      .then((result) => { if (live) { setPreview(result); onPreview(result); onError(null); } })
      .catch((e: unknown) => { if (live) { setPreview(null); onPreview(null); onError(errorMessage(e)); } });
    return () => { live = false; };
    // The spec text and remote flag are fixed once read; only the choice changes the preview.
  }, [overview, chosen]);

  const visible = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const operations = overview?.operations ?? [];
    if (!needle) return operations;
    return operations.filter((op) => `${op.id} ${op.method} ${op.path} ${op.summary} ${op.tags.join(' ')}`.toLowerCase().includes(needle));
  }, [overview, query]);

  const toggle = (id: string) => setChosen((current) => current.includes(id) ? current.filter((c) => c !== id) : [...current, id]);

  if (!overview) {
    return (
      <>
        <div className="field">
          <label htmlFor="import-openapi-file">Choose an OpenAPI 3.x or Swagger 2.0 file (JSON or YAML)</label>
          <input id="import-openapi-file" type="file" accept=".json,.yaml,.yml,application/json" onChange={(e) => void e.target.files?.[0]?.text().then(setContent)} />
        </div>
        <div className="field">
          <label htmlFor="import-openapi">…or paste it</label>
          <textarea id="import-openapi" data-testid="import-openapi-input" rows={10} value={content} onChange={(e) => setContent(e.target.value)} />
        </div>
        <label className="row">
          <input type="checkbox" data-testid="import-openapi-remote" checked={allowRemoteRefs} onChange={(e) => setAllowRemoteRefs(e.target.checked)} />
          Fetch $refs to other web addresses (only for specs you trust)
        </label>
        <div className="row">
          <span className="grow" />
          <button type="button" data-testid="import-openapi-read" disabled={!content.trim() || busy} onClick={() => void read()}>{busy ? 'Reading…' : 'Read operations'}</button>
        </div>
      </>
    );
  }

  return (
    <div className="openapi-import">
      <p data-testid="import-openapi-title">
        <strong>{overview.title}</strong> {overview.version} · {overview.specification} · {overview.operations.length} operations
        {' '}<button type="button" className="link" onClick={() => { setOverview(null); onPreview(null); }}>Change spec</button>
      </p>
      {overview.warnings.length > 0 && <p className="muted" data-testid="import-openapi-warnings">The spec breaks {overview.warnings.length} OpenAPI rule(s) ({overview.warnings[0]}); check the steps after importing.</p>}
      <input type="search" placeholder="Search operations (id, path, summary, tag)" aria-label="Search operations" data-testid="import-openapi-search" value={query} onChange={(e) => setQuery(e.target.value)} />
      <ul className="openapi-operations" data-testid="import-openapi-operations" style={{ maxHeight: 220, overflow: 'auto', listStyle: 'none', padding: 0 }}>
        {visible.map((op) => (
          <li key={op.id}>
            <label className="row" data-testid="import-openapi-operation">
              <input type="checkbox" checked={chosen.includes(op.id)} onChange={() => toggle(op.id)} />
              <code>{op.method}</code> <span>{op.path}</span> <span className="muted">{op.summary || op.id}{op.deprecated ? ' (deprecated)' : ''}</span>
            </label>
          </li>
        ))}
        {visible.length === 0 && <li className="muted">No operation matches "{query}".</li>}
      </ul>
      {preview && (
        <div className="openapi-preview" data-testid="import-openapi-preview">
          <p>{preview.connector.steps.length} step(s), chained in the order ticked:</p>
          <ol>{preview.connector.steps.map((step) => <li key={step.id}><code>{step.method}</code> {step.url}</li>)}</ol>
          {preview.connector.inputs.length > 0 && <p>Inputs: {preview.connector.inputs.map((i) => i.name).join(', ')}</p>}
          {preview.connector.credentials.length > 0 && <p>Credentials to set: {preview.connector.credentials.map((c) => c.name).join(', ')}</p>}
          {preview.notes.length > 0 && <ul className="muted" data-testid="import-openapi-notes">{preview.notes.map((note) => <li key={note}>{note}</li>)}</ul>}
        </div>
      )}
    </div>
  );
}
