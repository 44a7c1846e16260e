/**
 * Undo/redo as snapshots of the connector document. Documents are small and updated
 * immutably, so a snapshot is just a reference; consecutive edits that share a
 * `coalesceKey` (typing in one field) collapse into one undo step.
 */
import type { Connector } from '#core';
import type { SliceCreator } from '../types.js';

export const HISTORY_LIMIT = 200;

declare module '../types.js' {
  interface AppState extends HistorySlice {}
}

export interface HistorySlice {
  past: Connector[];
  future: Connector[];
  /** The key of the last recorded edit, for coalescing. */
  lastEditKey: string | null;
  undo: () => void;
  redo: () => void;
}

/** No undo or redo (a fresh document). */
export const EMPTY_HISTORY: Pick<HistorySlice, 'past' | 'future' | 'lastEditKey'> = { past: [], future: [], lastEditKey: null };

/**
 * The history after an edit that left `previous`: an undo point for it, or none while the same
 * field is still being typed in. A partial state, so the edit sets it with the new document in
 * one update (one notification of every subscriber per keystroke, not two).
 */
export function historyAfterEdit(state: Pick<HistorySlice, 'past' | 'future' | 'lastEditKey'>, previous: Connector, coalesceKey?: string): Partial<HistorySlice> {
  const { past, future, lastEditKey } = state;
  // Same field still being edited: keep the older undo point.
  if (coalesceKey !== undefined && coalesceKey === lastEditKey && past.length > 0) return future.length === 0 ? {} : { future: [] };
  const trimmed = past.length >= HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT + 1) : past;
  return { past: [...trimmed, previous], future: [], lastEditKey: coalesceKey ?? null };
}

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  lastEditKey: null,
  undo: () => {
    const { past, future, doc } = get();
    const previous = past[past.length - 1];
    if (!previous || !doc) return;
    set({ past: past.slice(0, -1), future: [doc, ...future], doc: previous, lastEditKey: null });
  },
  redo: () => {
    const { past, future, doc } = get();
    const next = future[0];
    if (!next || !doc) return;
    set({ past: [...past, doc], future: future.slice(1), doc: next, lastEditKey: null });
  },
});
