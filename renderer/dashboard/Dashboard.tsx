import { lazy, Suspense, useCallback, useMemo, useRef, useState, useEffect } from 'react';
import { Menu, preloadMenu } from '../app/Menu.js';
import { preloadTooltip } from '../app/Tooltip.js';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { deleteConnector, exportConnector, openConnector, openNewDocument, saveDocument, updateStoredConnector } from '../services/connectorActions.js';
import { refreshEntries } from '../services/refreshLists.js';
import { STARTERS } from '../services/starters.js';
import { removeDraft } from '../services/draftStorage.js';
import { useUnsavedDrafts } from './useUnsavedDrafts.js';
import { errorMessage } from '../services/errorMessage.js';
import type { Connector } from '#core';
import { categoriesOf, filterEntries, type SortKey } from './filterEntries.js';
import { ConnectorCard, type CardActions } from './ConnectorCard.js';
import { preloadScreen } from '../app/screens.js';
import { afterNextPaint } from '../app/afterPaint.js';
import './dashboard.css';

// What builds or reads documents needs core's schema: loaded when it is used, not with the dashboard.
const newDocuments = () => import('../services/newConnector.js');
type NewDocuments = Awaited<ReturnType<typeof newDocuments>>;
const ImportDialog = lazy(() => import('./ImportDialog.js').then((m) => ({ default: m.ImportDialog })));

// Wide enough for the card's footer (Enabled + four buttons) on one line.
const CARD_MIN_WIDTH = 360;
const ROW_HEIGHT = 230;

export function Dashboard() {
  const store = useAppStoreApi();
  const host = useHost();
  const entries = useAppStore((s) => s.entries);
  const loading = useAppStore((s) => s.entriesLoading);
  const loadError = useAppStore((s) => s.entriesError);
  const workspace = useAppStore((s) => s.workspace);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [sort, setSort] = useState<SortKey>('name');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [importing, setImporting] = useState(false);
  // Installed connectors whose template has a newer version: connector id → that version.
  const [updates, setUpdates] = useState<Map<string, number>>(new Map());
  const installedCount = entries.filter((e) => e.kind === 'connector').length;
  // Asked once the list has loaded (and again when connectors are installed or removed), not also for the empty list
  // before it; after the cards are painted, since the badges it brings can come a frame later but the cards cannot.
  const listPending = loading && entries.length === 0;
  useEffect(() => {
    if (listPending) return;
    let current = true;
    const cancel = afterNextPaint(() => void host.templates.updates().then((list) => {
      if (current) setUpdates(new Map(list.map((u) => [u.connectorId, u.latestVersion])));
    }).catch(() => undefined));
    return () => { current = false; cancel(); };
  }, [host, workspace?.path, installedCount, listPending]);

  // Opening a connector should not wait for the editor's and canvas's chunks, nor a card's first
  // menu or tooltip for Radix's: fetch them once the cards are painted and the page is idle (the
  // page is idle too while it waits for the list, and compiling them then delayed the cards).
  const preloaded = useRef(false);
  useEffect(() => {
    if (listPending || preloaded.current) return;
    const preload = () => {
      preloaded.current = true;
      void preloadScreen('editor').catch(() => undefined);
      void preloadMenu();
      void preloadTooltip();
    };
    let idle: number | undefined;
    const cancelPaint = afterNextPaint(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(preload, { timeout: 2000 });
      else preload();
    });
    return () => {
      cancelPaint();
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [listPending]);

  const cards = useMemo(() => filterEntries(entries, { query, category, sort }), [entries, query, category, sort]);
  const categories = useMemo(() => categoriesOf(entries), [entries]);
  const invalid = entries.filter((e) => e.kind === 'invalid');
  // Every connector with unsaved changes, saved before or not (drafts are removed once clean).
  const [draftsVersion, setDraftsVersion] = useState(0);
  // Read again after a discard and whenever the list changes (entries, draftsVersion).
  const unsavedDrafts = useUnsavedDrafts(workspace?.path, entries, draftsVersion);
  // The editor stores its last edits as it unmounts, after this screen's first render: read again.
  useEffect(() => setDraftsVersion((v) => v + 1), []);
  const fileIds = new Set(entries.flatMap((e) => (e.kind === 'connector' ? [e.id] : [])));

  const actions = useMemo<CardActions>(() => ({
    open: (id) => void openConnector(store, host, id),
    clone: (id) => void (async () => {
      const [stored, { blankConnector }] = await Promise.all([host.connectors.get({ id }), newDocuments()]);
      const copy = { ...blankConnector(`${stored.connector.name} copy`), ...stored.connector };
      copy.id = blankConnector(copy.name).id;
      copy.name = `${stored.connector.name} (copy)`;
      if (await saveDocument(store, host, copy)) await refreshEntries(store, host);
    })().catch((error: unknown) => store.getState().notify({ kind: 'error', message: `Could not clone the connector: ${errorMessage(error)}` })),
    rename: (id, name) => void updateStoredConnector(store, host, id, (c) => ({ ...c, name })).then(() => refreshEntries(store, host)),
    remove: (id) => void deleteConnector(store, host, id),
    toggleEnabled: (id, enabled) => void updateStoredConnector(store, host, id, (c) => ({ ...c, enabled })).then(() => refreshEntries(store, host)),
    exportAs: (id, format) => void exportConnector(store, host, id, format),
    reviewUpdate: () => store.getState().navigate({ name: 'marketplace' }),
    toggleSelected: (id) => setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id); else next.add(id);
      return next;
    }),
  }), [store, host]);

  const bulkEnable = async (enabled: boolean) => {
    for (const id of selected) await updateStoredConnector(store, host, id, (c) => ({ ...c, enabled }));
    setSelected(new Set());
    await refreshEntries(store, host);
  };

  /** Opens a new document that newConnector.ts builds (loaded now if it is not yet). */
  const openBuilt = useCallback((build: (documents: NewDocuments) => Connector) => void newDocuments().then(
    (documents) => openNewDocument(store, build(documents)),
    (error: unknown) => store.getState().notify({ kind: 'error', message: `Could not create the connector: ${errorMessage(error)}` }),
  ), [store]);
  const createBlank = useCallback(() => openBuilt((documents) => documents.blankConnector()), [openBuilt]);
  // In the toolbar, and in the empty workspace's call to action.
  const starterMenu = (align: 'start' | 'end') => (
    <Menu trigger="From a starter ▾" align={align} items={STARTERS.map((s) => ({
      id: s.id, textValue: s.title, onSelect: () => openBuilt((documents) => documents.STARTER_DOCUMENTS[s.id]()),
      label: <><strong>{s.title}</strong><br /><span className="muted">{s.description}</span></>,
    }))} />
  );

  // Virtualised grid: rows of as many cards as fit the width.
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [columns, setColumns] = useState(3);
  // Measured when the list's element is attached (it is not there while the list loads), in the
  // same commit as the virtualizer's first measure: the first rows are rendered once, with the
  // columns that fit, rather than with 3 and again (every card remounted) after a resize callback.
  const attachScroll = useCallback((el: HTMLDivElement | null) => {
    scrollRef.current = el;
    if (!el) return;
    const measure = () => setColumns(Math.max(1, Math.floor(el.clientWidth / CARD_MIN_WIDTH)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      observer.disconnect();
      scrollRef.current = null;
    };
  }, []);
  const rowCount = Math.ceil(cards.length / columns);
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 1 });

  return (
    <section className="dashboard" data-testid="dashboard" aria-labelledby="dash-title">
      <div className="dashboard-toolbar">
        <h1 id="dash-title">Connectors</h1>
        <input type="search" aria-label="Search connectors" placeholder="Search…" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="dashboard-search" />
        <select aria-label="Category" value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">All categories</option>
          {categories.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
        <select aria-label="Sort by" value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
          <option value="name">Name</option>
          <option value="modified">Recently changed</option>
          <option value="lastRun">Last run</option>
          <option value="runs">Most runs</option>
          <option value="successRate">Success rate</option>
        </select>
        <span className="grow" />
        {selected.size > 0 && (
          <span className="row" role="group" aria-label="Bulk actions">
            <span className="muted">{selected.size} selected</span>
            <button type="button" onClick={() => void bulkEnable(true)}>Enable</button>
            <button type="button" onClick={() => void bulkEnable(false)}>Disable</button>
          </span>
        )}
        <button type="button" onClick={() => setImporting(true)} data-testid="import-button">Import…</button>
        {starterMenu('end')}
        <button type="button" className="primary" data-testid="new-connector-button" onClick={createBlank}>New connector</button>
      </div>

      {loadError && <p className="error-text" role="alert">Could not list the connectors: {loadError} <button type="button" onClick={() => void refreshEntries(store, host)}>Retry</button></p>}

      {invalid.length > 0 && (
        <ul className="invalid-files" aria-label="Files that could not be read">
          {invalid.map((e) => e.kind === 'invalid' && (
            <li key={e.file} className="invalid-card" data-testid="invalid-file-card" data-file={e.file}>
              <strong>{e.file}</strong>: {e.error.message} {e.error.hint && <span className="muted">{e.error.hint}</span>}
            </li>
          ))}
        </ul>
      )}

      {unsavedDrafts.length > 0 && (
        <section className="unsaved-drafts" aria-label="Unsaved drafts" data-testid="unsaved-drafts">
          <p>{unsavedDrafts.length === 1 ? 'One connector has' : `${unsavedDrafts.length} connectors have`} unsaved changes:</p>
          <ul>
            {unsavedDrafts.map((d) => (
              <li key={d.doc.id} className="draft-card" data-testid="unsaved-draft" data-connector-id={d.doc.id}>
                <strong>{d.doc.name.trim() || `(no name) ${d.doc.id}`}</strong> <span className="muted">{fileIds.has(d.doc.id) ? `changed ${new Date(d.savedAt).toLocaleString()}` : 'never saved'}</span>{' '}
                <button type="button" className="small" onClick={() => (fileIds.has(d.doc.id) ? void openConnector(store, host, d.doc.id) : openNewDocument(store, d.doc))}>Open</button>{' '}
                <button type="button" className="small" data-testid="discard-draft" onClick={() => { if (workspace) removeDraft(workspace.path, d.doc.id); setDraftsVersion((v) => v + 1); }}>Discard</button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {loading && entries.length === 0 ? <div className="loading" role="status">Loading connectors…</div>
        : cards.length === 0 ? (
          <div className="empty" data-testid="dashboard-empty">
            {entries.length === 0 ? (
              <>
                <p><strong>No connectors yet.</strong></p>
                <p>A connector calls one or more APIs to enrich a CRM contact. Start blank, from a starter, or paste a cURL command.</p>
                <div className="row" style={{ justifyContent: 'center' }}>
                  <button type="button" className="primary" onClick={createBlank}>Create your first connector</button>
                  {starterMenu('start')}
                  <button type="button" onClick={() => setImporting(true)}>Import…</button>
                </div>
              </>
            ) : <p>No connector matches the search.</p>}
          </div>
        ) : (
          <div className="card-scroll" ref={attachScroll} data-testid="card-scroll">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((row) => (
                <div key={row.key} className="card-row" style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
                  {cards.slice(row.index * columns, row.index * columns + columns).map((entry) => (
                    <ConnectorCard key={entry.id} entry={entry} selected={selected.has(entry.id)} actions={actions} updateTo={updates.get(entry.id)} />
                  ))}
                </div>
              ))}
            </div>
          </div>
        )}
      {importing && <Suspense fallback={null}><ImportDialog onClose={() => setImporting(false)} /></Suspense>}
    </section>
  );
}
