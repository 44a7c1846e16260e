/**
 * One template: description, required credentials, rating, installs, version, author,
 * origin, a read-only step graph; install, rate, report, and (admins only) feature and hide.
 * The server decides again on every admin action: hiding the buttons is only courtesy.
 */
import { useEffect, useState } from 'react';
import type { TemplateCatalogue, TemplateDetail } from '../../contract/hostApi.js';
import { useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';
import { GraphPreview } from './GraphPreview.js';
import { HiddenReason } from './HiddenReason.js';
import { HideDialog } from './HideDialog.js';
import { InstallDialog } from './InstallDialog.js';
import { OriginBadge } from './OriginBadge.js';
import { RatingStars } from './RatingStars.js';
import { ReportDialog } from './ReportDialog.js';

export function TemplateDetailView({ id, catalogue, onChanged, onClose }: { id: string; catalogue: TemplateCatalogue; onChanged: () => void; onClose: () => void }) {
  const store = useAppStoreApi();
  const host = useHost();
  const [detail, setDetail] = useState<TemplateDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [installing, setInstalling] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [hiding, setHiding] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    host.templates.get({ id }).then((d) => { if (!cancelled) setDetail(d); }, (e: unknown) => { if (!cancelled) setError(errorMessage(e)); });
    return () => { cancelled = true; };
    // A refreshed catalogue (sign-in as someone else, another user's change) reloads the detail too.
  }, [host, id, reload, catalogue]);

  const act = async (what: string, run: () => Promise<unknown>) => {
    try {
      await run();
      store.getState().notify({ kind: 'success', message: what });
      setReload((n) => n + 1);
      onChanged();
    } catch (e) {
      store.getState().notify({ kind: 'error', message: errorMessage(e) });
    }
  };

  if (error) return <aside className="template-detail" data-testid="template-detail"><p className="error-text" role="alert">{error}</p><button type="button" onClick={onClose}>Close</button></aside>;
  if (!detail) return <aside className="template-detail loading" role="status">Loading…</aside>;
  const remote = detail.source === 'remote';
  const admin = catalogue.admin;
  return (
    <aside className="template-detail" data-testid="template-detail" data-template-id={detail.id} aria-labelledby="template-detail-title">
      <div className="row">
        <span className="card-icon" aria-hidden="true">{detail.icon}</span>
        <h2 id="template-detail-title" className="grow">{detail.name}</h2>
        <button type="button" className="small" aria-label="Close details" data-testid="template-detail-close" onClick={onClose}>✕</button>
      </div>
      <OriginBadge template={detail} />
      <HiddenReason template={detail} />
      {/* The actions first: at 1280×720 the steps preview pushes the end of the panel out of view. */}
      <div className="row template-actions">
        <button type="button" className="primary" data-testid="template-install" onClick={() => setInstalling(true)}>Install…</button>
        <span className="grow" />
        {remote && catalogue.signedIn && !detail.mine && (
          <button type="button" data-testid="template-report-open" onClick={() => setReporting(true)}>Report…</button>
        )}
        {remote && admin?.canFeature && (
          <button type="button" data-testid="admin-feature" onClick={() => void act(detail.featured ? 'Unfeatured.' : 'Featured.', () => host.templates.feature({ id: detail.id, featured: !detail.featured }))}>
            {detail.featured ? 'Unfeature' : 'Feature'}
          </button>
        )}
        {remote && admin?.canModerate && (
          <button type="button" className="danger" data-testid="admin-hide"
            onClick={() => (detail.hidden ? void act('Shown again.', () => host.templates.hide({ id: detail.id, hidden: false })) : setHiding(true))}>
            {detail.hidden ? 'Unhide' : 'Hide…'}
          </button>
        )}
      </div>
      <p>{detail.description || <span className="muted">No description.</span>}</p>
      <dl className="template-facts">
        <dt>Author</dt><dd data-testid="template-author">{detail.author}</dd>
        <dt>Version</dt><dd data-testid="template-version">{detail.version}</dd>
        <dt>Installs</dt><dd data-testid="template-installs">{detail.installs}</dd>
        <dt>Category</dt><dd>{detail.category}</dd>
        <dt>Rating</dt>
        <dd>
          <RatingStars rating={detail.rating} count={detail.ratingCount} myRating={detail.myRating}
            {...(remote && catalogue.signedIn && !detail.mine ? { onRate: (n: number) => void act(`Rated ${n} star${n === 1 ? '' : 's'}.`, () => host.templates.rate({ id: detail.id, rating: n })) } : {})} />
        </dd>
      </dl>
      <h3>Required credentials</h3>
      <ul className="template-credentials" data-testid="template-credentials">
        {detail.credentials.map((c) => <li key={c.name}><strong>{c.label || c.name}</strong> <code className="muted">{c.name}</code>{c.help && <div className="small-text muted">{c.help}</div>}</li>)}
        {detail.credentials.length === 0 && <li className="muted">None</li>}
      </ul>
      <h3>Steps</h3>
      <GraphPreview connector={detail.connector} />
      {installing && <InstallDialog template={detail} onClose={() => setInstalling(false)} />}
      {reporting && <ReportDialog template={detail} onClose={() => setReporting(false)} />}
      {hiding && <HideDialog template={detail} onClose={() => setHiding(false)} onHidden={() => { setHiding(false); setReload((n) => n + 1); onChanged(); }} />}
    </aside>
  );
}
