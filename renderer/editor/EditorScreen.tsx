import { memo, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Connector } from '#core';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { hasUnsavedChanges } from '../store/slices/documentSlice.js';
import { useHost } from '../app/useHost.js';
import { Tabs } from '../app/Tabs.js';
import { Menu } from '../app/Menu.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { exportConnector, reloadFromFile, saveConnector } from '../services/connectorActions.js';
import { refreshCredentials } from '../services/refreshLists.js';
import { ExportMenu } from '../app/ExportMenu.js';
import { maxSteps } from '../flow/graphEdits.js';
import { AddStepButton } from './AddStepButton.js';
import { autoLayout } from '../canvas/autoLayout.js';
import { canvasChunk, loadCanvas } from '../canvas/loadCanvas.js';
import { moveSteps } from '../flow/graphEdits.js';
import { Inspector } from '../inspector/Inspector.js';
import { RunBar } from '../runs/RunBar.js';
import { ResultsPanel } from '../runs/ResultsPanel.js';
import { TimelinePanel } from '../runs/TimelinePanel.js';
import { ContactDiff } from '../runs/ContactDiff.js';
import { HistoryPanel } from '../runs/HistoryPanel.js';
import { ProblemsList } from './ProblemsList.js';
import { DraftOfferDialog } from './DraftOfferDialog.js';
import { EditorLayout } from './EditorLayout.js';
import { useIssues, type GroupedIssues } from './useIssues.js';
import { useFirstPaintDone } from './useFirstPaintDone.js';
import { CredentialPromptDialog } from '../credentials/CredentialPromptDialog.js';
import { useEditorShortcuts } from './useEditorShortcuts.js';
import { useDraftAutosave } from './useDraftAutosave.js';
import type { BottomPanel } from '../store/slices/uiSlice.js';
import { RevisionsButton } from '../sync/RevisionsButton.js';
import { HeldSecretBanner } from '../sync/HeldSecrets.js';
import './editor.css';
import '../runs/runs.css';

// The canvas (React Flow) is split from the dashboard's initial chunk.
const Canvas = canvasChunk.Component;

export function EditorScreen() {
  // The open document's id, not the document: an edit does not draw the editor again.
  const docId = useAppStore((s) => s.doc?.id);
  const route = useAppStore((s) => s.route);
  // While the document is being read, not after.
  useEffect(() => { void loadCanvas().catch(() => undefined); }, []);
  if (docId === undefined || (route.name === 'editor' && docId !== route.connectorId)) return <div className="loading" role="status">Opening connector…</div>;
  return <Editor />;
}

/** What the toolbar shows of the document: a step's name or URL changes none of it. */
function useToolbarFacts() {
  return useAppStore(useShallow((s) => {
    const doc = s.doc;
    // (Closing the document unmounts the editor next.)
    if (!doc) return { id: '', name: '', icon: undefined, stepCount: 0, limit: 0 };
    return { id: doc.id, name: doc.name, icon: doc.icon, stepCount: doc.steps.length, limit: maxSteps(doc) };
  }));
}

function Editor() {
  const store = useAppStoreApi();
  const facts = useToolbarFacts();
  const host = useHost();
  const dirty = useAppStore((s) => hasUnsavedChanges(s));
  const canUndo = useAppStore((s) => s.past.length > 0);
  const canRedo = useAppStore((s) => s.future.length > 0);
  const externalChange = useAppStore((s) => s.externalChange);
  const baseHash = useAppStore((s) => s.baseHash);
  const isNew = baseHash === null;
  // A graph edit is validated in the same update as itself, typing once the key is painted (useIssues).
  const issues = useIssues();
  // Which credentials have a value (names only), for the problems a live run would hit.
  useEffect(() => { void refreshCredentials(store, host); }, [store, host]);
  const [showShortcuts, setShowShortcuts] = useState(false);
  useEditorShortcuts({ onShowShortcuts: useCallback(() => setShowShortcuts(true), []) });
  useDraftAutosave();
  const errors = issues.all.filter((i) => i.severity === 'error').length;
  const limit = facts.limit;

  const layout = async () => {
    const doc = store.getState().doc as Connector;
    const positions = await autoLayout(doc);
    store.getState().edit((d) => moveSteps(d, positions));
    window.dispatchEvent(new Event('connector-studio:fit-view'));
  };

  // Made again only when their inputs change, so the memoised layout skips an urgent render.
  const canvas = useMemo(() => (
    <Suspense fallback={<div className="loading">Loading canvas…</div>}>
      <Canvas stepIssues={issues.byStep} edgeIssues={issues.byEdge} />
    </Suspense>
  ), [issues.byStep, issues.byEdge]);
  // The panels around the canvas mount once it has been painted (useFirstPaintDone).
  const panelsShown = useFirstPaintDone();
  const bottom = useMemo(() => (panelsShown ? <BottomPanels issues={issues.all} /> : <PanelPending />), [panelsShown, issues.all]);
  const inspector = useMemo(() => (panelsShown ? <Inspector issues={issues.all} /> : <PanelPending />), [panelsShown, issues.all]);

  return (
    <section className="editor" data-testid="editor" data-connector-id={facts.id} aria-label={`Editing ${facts.name}`}>
      <div className="editor-toolbar" role="toolbar" aria-label="Editor">
        <button type="button" onClick={() => store.getState().navigate({ name: 'dashboard' })} aria-label="Back to connectors">←</button>
        <span className="editor-title" title={facts.name}>{facts.icon} {facts.name}</span>
        <span className={`save-status${dirty ? ' dirty' : ''}`} data-testid="save-status">{dirty ? (isNew ? 'Unsaved (new)' : 'Unsaved changes') : 'Saved'}</span>
        {/* The primary colour only when there is something to save: it draws the eye. */}
        <button type="button" className={dirty ? 'primary' : undefined} data-testid="save-button" onClick={() => void saveConnector(store, host)} title="Save (Ctrl/Cmd+S)">Save</button>
        <button type="button" data-testid="undo-button" disabled={!canUndo} onClick={() => store.getState().undo()} aria-label="Undo" title="Undo (Ctrl/Cmd+Z)">↶</button>
        <button type="button" data-testid="redo-button" disabled={!canRedo} onClick={() => store.getState().redo()} aria-label="Redo" title="Redo (Shift+Ctrl/Cmd+Z)">↷</button>
        <span className="sep" />
        <AddStepButton full={facts.stepCount >= limit} />
        <span draggable className="palette-item" data-testid="palette-step" title="Drag onto the canvas" onDragStart={(e) => { e.dataTransfer.setData('application/x-connector-step', 'http'); e.dataTransfer.effectAllowed = 'move'; }}>⇲ HTTP step</span>
        <span className={`badge${facts.stepCount >= limit ? ' warning' : ''}`} data-testid="step-limit">{facts.stepCount} / {limit} steps</span>
        <StepsMenu />
        <button type="button" onClick={() => void layout()}>Auto-layout</button>
        <button type="button" onClick={() => window.dispatchEvent(new Event('connector-studio:fit-view'))}>Fit view</button>
        <span className="grow" />
        <button type="button" className={`badge ${errors ? 'error' : 'success'}`} data-testid="problems-count" onClick={() => store.getState().setBottomPanel('problems')}>{errors ? `${errors} problem${errors === 1 ? '' : 's'}` : 'Valid'}</button>
        {!isNew && <RevisionsButton localId={facts.id} name={facts.name} />}
        <button type="button" className="small" data-testid="shortcuts-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setShowShortcuts(true)}>⌨</button>
        <ExportMenu testId="export-button" disabled={isNew} title={isNew ? 'Save first' : undefined} onExport={(format) => void exportConnector(store, host, facts.id, format)} />
      </div>
      {externalChange && !externalChange.removed && (
        <div className="banner" role="alert" data-testid="external-change-banner">
          {externalChange.by ? `${externalChange.by} saved a new version of ${facts.name} while you have unsaved edits.` : 'The file changed on disk while you have unsaved edits.'}
          <button type="button" onClick={() => { store.getState().setExternalChange(false); void reloadFromFile(store, host, facts.id); }}>{externalChange.by ? `Load ${externalChange.by}'s version (drop my edits)` : 'Load the file (drop my edits)'}</button>
          <button type="button" onClick={() => { store.getState().setExternalChange(false); void saveConnector(store, host, { force: true }); }}>Keep mine</button>
        </div>
      )}
      {externalChange && externalChange.removed && (
        <div className="banner" role="alert" data-testid="external-change-banner" data-removed="true">
          {externalChange.by ? `${facts.name} was deleted by ${externalChange.by} while you were editing it.` : `${facts.name} was deleted on disk while you were editing it.`}
          {' '}Keep it to save your version again (for the team too), or close it.
          <button type="button" data-testid="keep-deleted" onClick={() => { store.getState().setExternalChange(false); void saveConnector(store, host, { force: true }); }}>Keep it</button>
          <button type="button" data-testid="close-deleted" onClick={() => { store.getState().setExternalChange(false); store.getState().navigate({ name: 'dashboard' }); }}>Close it</button>
        </div>
      )}
      {!isNew && <HeldSecretBanner localId={facts.id} hash={baseHash} />}
      <DraftOfferDialog />
      <CredentialPromptDialog />
      {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
      <MemoEditorLayout canvas={canvas} bottom={bottom} inspector={inspector} />
    </section>
  );
}

const MemoEditorLayout = memo(EditorLayout);

/** Where a panel goes for the frame before it mounts. */
function PanelPending() {
  return <div className="panel-pending" aria-busy="true" />;
}

/** The steps menu of the toolbar: reads the steps only while it is open, so typing a step's name does not draw it again. */
function StepsMenu() {
  const store = useAppStoreApi();
  const [open, setOpen] = useState(false);
  const steps = useAppStore((s) => (open ? s.doc?.steps ?? NO_STEPS : NO_STEPS));
  return (
    <Menu trigger="Steps ▾" triggerTestId="steps-menu" empty="No steps yet."
      items={steps.map((s) => ({ id: s.id, testId: `steps-menu-${s.id}`, textValue: s.name || s.id, label: <>{s.name || s.id} <span className="muted mono">{s.id}</span></>,
        onSelect: () => store.getState().select({ kind: 'step', stepIds: [s.id] }) }))}
      onOpenChange={setOpen} />
  );
}

const NO_STEPS: Connector['steps'] = [];

/** The run bar and the tabs under the canvas. */
const BottomPanels = memo(function BottomPanels({ issues }: { issues: GroupedIssues['all'] }) {
  const store = useAppStoreApi();
  const panel = useAppStore((s) => s.bottomPanel);
  const panels: { id: BottomPanel; label: string }[] = [
    { id: 'results', label: 'Results' }, { id: 'timeline', label: 'Timeline' }, { id: 'contact', label: 'Contact' },
    { id: 'history', label: 'History' }, { id: 'problems', label: `Problems (${issues.length})` },
  ];
  return (
    <>
      <RunBar />
      <Tabs label="Run panels" value={panel} onChange={(id) => store.getState().setBottomPanel(id)} panelClassName="bottom-content"
        items={panels.map((p) => ({ id: p.id, label: p.label, testId: `panel-tab-${p.id}` }))}>
        {panel === 'results' && <ResultsPanel />}
        {panel === 'timeline' && <TimelinePanel />}
        {panel === 'contact' && <ContactDiff />}
        {panel === 'history' && <HistoryPanel />}
        {panel === 'problems' && <ProblemsPanel issues={issues} />}
      </Tabs>
    </>
  );
});

/** The problems tab: reads the document itself, so the panels above it need not take it. */
function ProblemsPanel({ issues }: { issues: GroupedIssues['all'] }) {
  const doc = useAppStore((s) => s.doc) as Connector;
  return <ProblemsList doc={doc} issues={issues} />;
}
