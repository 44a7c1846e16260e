/**
 * Keeps the stored draft equal to what the user has in the editor: the unsaved document while
 * there are unsaved changes, nothing once the document matches the file again (saved, or undone
 * back to it). Undo, redo, save and discard therefore all move the draft with them, and a reload
 * can only ever offer the state the user left.
 */
import type { AppStore } from '../store/createAppStore.js';
import type { AppState } from '../store/types.js';
import { removeDraft, writeDraft } from './draftStorage.js';

export interface DraftAutosaver {
  /** Stores a pending draft now instead of after the debounce (page hide, leaving the editor). */
  flush: () => void;
  /** Forgets a pending draft (the user dropped the edits). */
  cancel: () => void;
  dispose: () => void;
}

const active = new Set<DraftAutosaver>();

/** Stores every pending draft now: call before reading drafts, so a reopen sees the latest edits. */
export function flushPendingDrafts(): void {
  for (const autosaver of active) autosaver.flush();
}

/** Forgets every pending draft: call before deliberately dropping unsaved edits. */
export function cancelPendingDrafts(): void {
  for (const autosaver of active) autosaver.cancel();
}

/**
 * The same JSON content (what a stored draft would hold): keys whose value is undefined are
 * left out as JSON.stringify leaves them out. Parts an edit left alone are the same objects in
 * both documents, so comparing costs the edited path only, not a serialisation per keystroke.
 */
function sameContent(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameContent(item, b[i]));
  }
  const defined = (o: object) => Object.entries(o).filter(([, v]) => v !== undefined);
  const entriesA = defined(a);
  const valuesB = new Map(defined(b));
  return entriesA.length === valuesB.size && entriesA.every(([key, value]) => valuesB.has(key) && sameContent(value, valuesB.get(key)));
}

export function createDraftAutosaver(store: AppStore, options: { delayMs?: number; storage?: Storage; now?: () => number } = {}): DraftAutosaver {
  const { delayMs = 400, storage = localStorage, now = Date.now } = options;
  let pending: { timer: ReturnType<typeof setTimeout>; write: () => void } | null = null;

  const cancel = () => {
    if (pending) clearTimeout(pending.timer);
    pending = null;
  };
  const flush = () => {
    if (!pending) return;
    clearTimeout(pending.timer);
    const { write } = pending;
    pending = null;
    write();
  };

  /** What the stored draft must become for this state (captured now, so a later open can't change it). */
  const syncOf = (state: AppState) => {
    const { doc, savedDoc, baseHash, workspace } = state;
    return () => {
      if (!doc || !workspace) return;
      if (sameContent(doc, savedDoc)) removeDraft(workspace.path, doc.id, storage);
      else writeDraft(workspace.path, { doc, baseHash, savedAt: now() }, storage);
    };
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.doc === previous.doc && state.savedDoc === previous.savedDoc) return;
    // Opening or closing a document is not a user edit: it writes and deletes nothing (what was
    // pending was stored by flushPendingDrafts before the open, or deliberately cancelled).
    if (state.openGeneration !== previous.openGeneration || !state.doc) { cancel(); return; }
    const write = syncOf(state);
    const clean = sameContent(state.doc, state.savedDoc);
    if (pending) { clearTimeout(pending.timer); pending = null; }
    // Back to the file (undo, save): forget the draft at once, so no reload can bring it back.
    if (clean || delayMs === 0) { write(); return; }
    pending = { timer: setTimeout(flush, delayMs), write };
  });

  // A connector created but never saved (blank, from a starter) exists only as its draft.
  const initial = store.getState();
  if (initial.doc && initial.savedDoc === null) syncOf(initial)();

  const autosaver: DraftAutosaver = {
    flush,
    cancel,
    dispose: () => { flush(); unsubscribe(); active.delete(autosaver); },
  };
  active.add(autosaver);
  return autosaver;
}
