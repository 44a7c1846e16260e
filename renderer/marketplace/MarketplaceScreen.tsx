/**
 * The template marketplace: built-in official templates (offline) and, when signed in, the
 * project's community and official templates. Search, filter, sort; a detail panel; install,
 * publish, and for admins the curation controls.
 */
import { TruncatedText } from '../app/Tooltip.js';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TemplateCatalogue, TemplateUpdate } from '../../contract/hostApi.js';
import { useAppStoreApi } from '../store/AppStoreProvider.js';
import { OpenSyncButton } from '../sync/OpenSyncButton.js';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';
import { refreshCredentials, refreshEntries } from '../services/refreshLists.js';
import { categoriesOf, DEFAULT_FILTER, filterTemplates, type CatalogueFilter, type OriginFilter, type TemplateSort } from './catalogueFilter.js';
import { HiddenReason } from './HiddenReason.js';
import { OriginBadge } from './OriginBadge.js';
import { PublishDialog } from './PublishDialog.js';
import { RatingStars } from './RatingStars.js';
import { ReportsPanel } from './ReportsPanel.js';
import { TemplateDetailView } from './TemplateDetailView.js';
import { UpdatesBanner } from './UpdatesBanner.js';
import './marketplace.css';

export function MarketplaceScreen() {
  const store = useAppStoreApi();
  const host = useHost();
  const [catalogue, setCatalogue] = useState<TemplateCatalogue | null>(null);
  const [updates, setUpdates] = useState<TemplateUpdate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<CatalogueFilter>(DEFAULT_FILTER);
  const [selected, setSelected] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);

  const load = useCallback(async () => {
    try {
      // The built-in templates at once; the server's list (or its last known copy) follows.
      const builtins = host.templates.list({ builtinOnly: true }).then((first) => setCatalogue((current) => current ?? first), () => undefined);
      const full = await host.templates.list();
      await builtins;
      setCatalogue(full);
      setError(null);
      setUpdates(await host.templates.updates().catch(() => []));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [host]);
  useEffect(() => {
    void load();
    void refreshCredentials(store, host);
    void refreshEntries(store, host);
  }, [load, store, host]);

  const shown = useMemo(() => (catalogue ? filterTemplates(catalogue.templates, filter) : []), [catalogue, filter]);
  const categories = useMemo(() => (catalogue ? categoriesOf(catalogue.templates) : []), [catalogue]);
  const set = (patch: Partial<CatalogueFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <section className="marketplace" aria-labelledby="marketplace-title" data-testid="marketplace">
      <div className="dashboard-toolbar">
        <h1 id="marketplace-title">Marketplace</h1>
        <input type="search" placeholder="Search templates" aria-label="Search templates" data-testid="marketplace-search" value={filter.query} onChange={(e) => set({ query: e.target.value })} />
        <select aria-label="Category" data-testid="marketplace-category" value={filter.category} onChange={(e) => set({ category: e.target.value })}>
          <option value="">All categories</option>
          {categories.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
        <select aria-label="Origin" data-testid="marketplace-origin" value={filter.origin} onChange={(e) => set({ origin: e.target.value as OriginFilter })}>
          <option value="all">Official and community</option><option value="official">Official</option><option value="community">Community</option>
        </select>
        <label className="row small-text"><input type="checkbox" data-testid="marketplace-featured" checked={filter.featuredOnly} onChange={(e) => set({ featuredOnly: e.target.checked })} /> Featured</label>
        <select aria-label="Sort" data-testid="marketplace-sort" value={filter.sort} onChange={(e) => set({ sort: e.target.value as TemplateSort })}>
          <option value="featured">Featured first</option><option value="installs">Most installed</option><option value="rating">Best rated</option><option value="name">Name</option>
        </select>
        <span className="grow" />
        {catalogue?.admin && <span className="badge warning" data-testid="admin-badge">Admin</span>}
        <button type="button" data-testid="marketplace-refresh" onClick={() => void load()}>Refresh</button>
        <button type="button" className="primary" data-testid="publish-open" onClick={() => setPublishing(true)}>Publish a connector…</button>
      </div>
      {catalogue?.remoteMessage && <p className={`small-text ${catalogue.cachedAt ? 'warning-text' : 'muted'}`} data-testid="marketplace-remote-message" data-cached={catalogue.cachedAt ? 'true' : undefined}>{catalogue.cachedAt ? '⚡ ' : ''}{catalogue.remoteMessage}
        {!catalogue.signedIn && <>{' '}<OpenSyncButton testId="marketplace-open-sync" /></>}</p>}
      {error && <p className="error-text" role="alert">{error}</p>}
      <UpdatesBanner updates={updates} onUpdated={() => void load()} />
      {catalogue?.admin?.canModerate && <ReportsPanel onOpen={setSelected} refresh={catalogue} />}
      <div className="marketplace-body">
        <ul className="template-grid" aria-label="Templates" data-testid="template-list">
          {shown.map((t) => (
            <li key={t.id} className={`connector-card template-card ${selected === t.id ? 'selected' : ''}`} data-testid="template-card" data-template-id={t.id} data-origin={t.origin} data-featured={t.featured}>
              <div className="card-head">
                <span className="card-icon" aria-hidden="true">{t.icon}</span>
                <button type="button" className="card-title" data-testid="template-open" onClick={() => setSelected(t.id)}><TruncatedText text={t.name} /></button>
              </div>
              <OriginBadge template={t} />
              <HiddenReason template={t} />
              <p className="card-desc small-text muted"><TruncatedText text={t.description} lines={2} /></p>
              <div className="row small-text template-card-facts">
                <span className="badge">{t.category}</span>
                <span data-testid="template-card-installs">{t.installs} install{t.installs === 1 ? '' : 's'}</span>
              </div>
              {/* A line of its own: beside the installs it wrapped in some cards and not others. */}
              <div className="small-text"><RatingStars rating={t.rating} count={t.ratingCount} /></div>
            </li>
          ))}
          {catalogue && shown.length === 0 && <li className="empty">No template matches.</li>}
        </ul>
        {selected && catalogue && (
          <TemplateDetailView key={selected} id={selected} catalogue={catalogue} onChanged={() => void load()} onClose={() => setSelected(null)} />
        )}
      </div>
      {publishing && (
        <PublishDialog onClose={() => setPublishing(false)} onPublished={(id) => { setPublishing(false); void load().then(() => setSelected(id)); }} />
      )}
    </section>
  );
}
