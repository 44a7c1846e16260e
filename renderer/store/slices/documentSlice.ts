/**
 * The connector being edited. Every change goes through `edit`, which records an undo
 * point; the saved copy is kept so the UI knows whether there are unsaved changes.
 */
import type { Connector } from '#core';
import type { SliceCreator } from '../types.js';
import { EMPTY_HISTORY, historyAfterEdit } from './historySlice.js';

declare module '../types.js' {
  interface AppState extends DocumentSlice {}
}

export interface DocumentSlice {
  /** The document in the editor (null on the dashboard). */
  doc: Connector | null;
  /** The document as last loaded or saved; `doc !== savedDoc` means unsaved changes. */
  savedDoc: Connector | null;
  /** The file's content hash when loaded or saved (null = never saved). */
  baseHash: string | null;
  /** Counts openDocument/closeDocument calls, so observers can tell an open from an edit. */
  openGeneration: number;
  /** Replaces the document without an undo point (open, load a draft). */
  openDocument: (doc: Connector, saved?: Connector | null, baseHash?: string | null) => void;
  closeDocument: () => void;
  /**
   * Applies a pure edit. Returning the same object means "nothing changed" and records
   * nothing. `coalesceKey` merges consecutive edits of one field into one undo step.
   */
  edit: (change: (doc: Connector) => Connector, coalesceKey?: string) => void;
  markSaved: (doc: Connector, hash: string) => void;
}

export const createDocumentSlice: SliceCreator<DocumentSlice> = (set, get) => ({
  doc: null,
  savedDoc: null,
  baseHash: null,
  openGeneration: 0,
  openDocument: (doc, saved = doc, baseHash = null) => {
    // With the history cleared in the same update: observers never see the new document with the old history.
    set({ doc, savedDoc: saved, baseHash, openGeneration: get().openGeneration + 1, ...EMPTY_HISTORY });
  },
  closeDocument: () => {
    set({ doc: null, savedDoc: null, baseHash: null, openGeneration: get().openGeneration + 1, ...EMPTY_HISTORY });
  },
  edit: (change, coalesceKey) => {
    const current = get().doc;
    if (!current) return;
    const next = change(current);
    if (next === current) return;
    set({ ...historyAfterEdit(get(), current, coalesceKey), doc: next });
  },
  markSaved: (doc, hash) => set({ savedDoc: doc, baseHash: hash }),
});

export function hasUnsavedChanges(state: Pick<DocumentSlice, 'doc' | 'savedDoc'>): boolean {
  return state.doc !== null && state.doc !== state.savedDoc;
}
