/**
 * Open, create, save, delete, clone, import and export connectors. What needs core's schema
 * (reading a draft back, checking a document before it is saved) is imported when it is used:
 * the dashboard, which imports this module, then starts without zod and core.
 */
import type { Connector } from '#core';
import type { HostClient } from '../../contract/hostApi.js';
import type { AppStore } from '../store/createAppStore.js';
import { readDraftText, removeDraft } from './draftStorage.js';
import { cancelPendingDrafts, flushPendingDrafts } from './draftAutosaver.js';
import { errorMessage } from './errorMessage.js';
import { lastRunPrefs } from './sessionMemory.js';
import { refreshEntries } from './refreshLists.js';
import { hasUnsavedChanges } from '../store/slices/documentSlice.js';

/** `early`: the file, already asked for at page load (services/workspaceLoad); read now otherwise. */
export async function openConnector(store: AppStore, host: HostClient, id: string, early?: ReturnType<HostClient['connectors']['get']>): Promise<void> {
  flushPendingDrafts();
  const s = store.getState();
  s.resetRun(id, s.workspace ? lastRunPrefs(s.workspace.path, id) : null);
  s.offerDraft(null);
  s.setExternalChange(false);
  s.select({ kind: 'none' });
  s.navigate({ name: 'editor', connectorId: id });
  // Read before anything is opened: the draft is the last state the user left. Its text is
  // read now; its reader (core's schema) loads beside the file.
  const draftText = s.workspace ? readDraftText(s.workspace.path, id) : null;
  const draftRead = draftText === null ? Promise.resolve(null) : import('./drafts.js').then((m) => m.parseDraft(draftText, id), () => null);
  let stored;
  try {
    stored = await (early ?? host.connectors.get({ id }));
  } catch (error) {
    const draft = await draftRead;
    if (draft) {
      // Never saved: the draft is all there is.
      store.getState().openDocument(draft.doc, null, null);
      return;
    }
    s.navigate({ name: 'dashboard' });
    s.notify({ kind: 'error', message: `Could not open the connector: ${errorMessage(error)}` });
    return;
  }
  const draft = await draftRead;
  store.getState().openDocument(stored.connector, stored.connector, stored.hash);
  if (draft && JSON.stringify(draft.doc) !== JSON.stringify(stored.connector)) {
    store.getState().offerDraft({ connectorId: id, file: stored.connector, draft: draft.doc, fileChanged: draft.baseHash !== stored.hash, savedAt: draft.savedAt });
  } else if (draft && s.workspace) {
    removeDraft(s.workspace.path, id);
  }
  void loadLastRun(store, host, id);
}

/**
 * The open connector's file changed under it (a pull, an edit on disk) and it has no unsaved
 * edits: the editor shows the new content in place. Never navigates: a pull must not move
 * the user to another screen, and on any other screen the next open reads the file anyway.
 */
export async function refreshOpenConnector(store: AppStore, host: HostClient, id: string): Promise<void> {
  const onEditor = () => {
    const s = store.getState();
    return s.route.name === 'editor' && s.route.connectorId === id && s.doc?.id === id;
  };
  if (!onEditor()) return;
  let stored;
  try {
    stored = await host.connectors.get({ id });
  } catch {
    return; // gone or unreadable meanwhile: its own change event says so
  }
  if (!onEditor() || hasUnsavedChanges(store.getState())) return;
  store.getState().openDocument(stored.connector, stored.connector, stored.hash);
}

/** "Load the file (drop my edits)": the unsaved edits and their draft are gone for good. */
export async function reloadFromFile(store: AppStore, host: HostClient, id: string): Promise<void> {
  cancelPendingDrafts();
  const workspace = store.getState().workspace;
  if (workspace) removeDraft(workspace.path, id);
  await openConnector(store, host, id);
}

/** The user applies the offered draft: it becomes unsaved edits (one undo step back to the file). */
export function applyDraftOffer(store: AppStore): void {
  const offer = store.getState().draftOffer;
  if (!offer || store.getState().doc?.id !== offer.connectorId) return;
  store.getState().offerDraft(null);
  store.getState().edit(() => offer.draft);
}

/** The user discards the offered draft: it is deleted, so it can never come back. */
export function discardDraftOffer(store: AppStore): void {
  const { draftOffer, workspace } = store.getState();
  if (!draftOffer) return;
  if (workspace) removeDraft(workspace.path, draftOffer.connectorId);
  store.getState().offerDraft(null);
}

async function loadLastRun(store: AppStore, host: HostClient, connectorId: string): Promise<void> {
  try {
    const [last] = await host.runs.history({ connectorId, limit: 1 });
    if (!last) return;
    const stored = await host.runs.get({ connectorId, runId: last.runId });
    const s = store.getState();
    if (s.doc?.id === connectorId && !s.run) s.showRecord(stored.record, false);
  } catch {
    // No history yet.
  }
}

export function openNewDocument(store: AppStore, doc: Connector): void {
  const s = store.getState();
  s.resetRun(doc.id);
  s.select({ kind: 'connector' });
  s.openDocument(doc, null, null);
  s.navigate({ name: 'editor', connectorId: doc.id });
}

export type SaveOutcome = 'saved' | 'conflict' | 'failed';

export async function saveConnector(store: AppStore, host: HostClient, options: { force?: boolean } = {}): Promise<SaveOutcome> {
  const { doc, baseHash, workspace } = store.getState();
  if (!doc) return 'failed';
  let problem;
  try {
    problem = (await import('./savableProblem.js')).savableProblem(doc);
  } catch (error) {
    store.getState().notify({ kind: 'error', message: `Not saved: ${errorMessage(error)}. Your edits are kept here; reload the app and save again.` });
    return 'failed';
  }
  if (problem !== null) {
    store.getState().notify({ kind: 'error', message: `Not saved: ${problem}. Fix it and save again.` });
    return 'failed';
  }
  try {
    const result = await host.connectors.save({ connector: doc, ...(baseHash ? { baseHash } : {}), ...(options.force ? { force: true } : {}) });
    if (result.status === 'conflict') {
      store.getState().notify({
        kind: 'error',
        message: `${result.message} Your edits are kept here.`,
        action: { label: 'Keep mine', run: () => void saveConnector(store, host, { force: true }) },
      });
      return 'conflict';
    }
    store.getState().markSaved(doc, result.hash);
    if (workspace) removeDraft(workspace.path, doc.id);
    store.getState().notify({ kind: 'success', message: `Saved ${doc.name}.` });
    void refreshEntries(store, host);
    return 'saved';
  } catch (error) {
    store.getState().notify({ kind: 'error', message: `Not saved: ${errorMessage(error)}` });
    return 'failed';
  }
}

/** Saves a document that is not open in the editor (dashboard edits: rename, enable, clone). */
export async function saveDocument(store: AppStore, host: HostClient, connector: Connector, baseHash?: string): Promise<boolean> {
  try {
    const result = await host.connectors.save({ connector, ...(baseHash ? { baseHash } : {}) });
    if (result.status === 'conflict') {
      store.getState().notify({ kind: 'error', message: result.message });
      return false;
    }
    return true;
  } catch (error) {
    store.getState().notify({ kind: 'error', message: errorMessage(error) });
    return false;
  }
}

export async function updateStoredConnector(store: AppStore, host: HostClient, id: string, change: (c: Connector) => Connector): Promise<boolean> {
  try {
    const stored = await host.connectors.get({ id });
    return await saveDocument(store, host, change(stored.connector), stored.hash);
  } catch (error) {
    store.getState().notify({ kind: 'error', message: errorMessage(error) });
    return false;
  }
}

export async function deleteConnector(store: AppStore, host: HostClient, id: string): Promise<void> {
  let stored;
  try {
    stored = await host.connectors.get({ id });
    await host.connectors.delete({ id, baseHash: stored.hash });
  } catch (error) {
    store.getState().notify({ kind: 'error', message: `Not deleted: ${errorMessage(error)}` });
    return;
  }
  await refreshEntries(store, host);
  const deleted = stored.connector;
  store.getState().notify({
    kind: 'info',
    message: `Deleted ${deleted.name}.`,
    itemId: deleted.id,
    action: {
      label: 'Undo',
      run: () => void saveDocument(store, host, deleted).then(() => refreshEntries(store, host)),
    },
  });
}

/**
 * Imports a file's or a paste's content. A refusal is returned, not shown: the import dialog
 * puts it beside what the user pasted, and stays open so nothing typed is lost.
 */
export async function importContent(store: AppStore, host: HostClient, content: string): Promise<{ id: string } | { problem: string }> {
  try {
    const result = await host.connectors.import({ content, format: 'auto' });
    await refreshEntries(store, host);
    const problems = result.issues.filter((i) => i.severity === 'error').length;
    store.getState().notify({ kind: 'success', message: problems ? `Imported, with ${problems} problem(s) to fix in the editor.` : 'Imported.' });
    return { id: result.id };
  } catch (error) {
    return { problem: `Not imported: ${errorMessage(error)}` };
  }
}

/**
 * Asks the host for the export and hands it to the browser as a download. The interchange
 * format takes `{{env.x}}` from the environment selected in the run bar (the SaaS has none).
 */
export async function exportConnector(store: AppStore, host: HostClient, id: string, format: 'app' | 'interchange'): Promise<{ fileName: string; content: string } | null> {
  try {
    const environment = format === 'interchange' ? store.getState().runEnvironment : null;
    const result = await host.connectors.export({ id, format, ...(environment ? { environment } : {}) });
    const blob = new Blob([result.content], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = result.fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 5_000);
    return result;
  } catch (error) {
    // The interchange format cannot say everything the app can: the app's own file always can.
    const other = format === 'interchange' && (error as { code?: unknown } | null)?.code === 'UNSUPPORTED_EXPORT'
      ? { action: { label: 'Export the app file instead', run: () => void exportConnector(store, host, id, 'app') } } : {};
    store.getState().notify({ kind: 'error', message: `Not exported${format === 'interchange' ? ' in the interchange format' : ''}: ${errorMessage(error)}`, ...other });
    return null;
  }
}
