/**
 * The store factory (one store per app instance, per test). Slices are split by
 * concern; actions only compute state — I/O lives in renderer/services and hooks.
 */
import { createStore } from 'zustand/vanilla';
import { createCredentialPromptSlice } from './slices/credentialPromptSlice.js';
import { createDocumentSlice } from './slices/documentSlice.js';
import { createDraftOfferSlice } from './slices/draftOfferSlice.js';
import { createHistorySlice } from './slices/historySlice.js';
import { createRunSlice } from './slices/runSlice.js';
import { createSelectionSlice } from './slices/selectionSlice.js';
import { createUiSlice } from './slices/uiSlice.js';
import { createWorkspaceSlice } from './slices/workspaceSlice.js';
import type { AppState } from './types.js';

export type AppStore = ReturnType<typeof createAppStore>;

export function createAppStore(initial: Partial<AppState> = {}) {
  return createStore<AppState>()((...a) => ({
    ...createCredentialPromptSlice(...a),
    ...createDocumentSlice(...a),
    ...createDraftOfferSlice(...a),
    ...createHistorySlice(...a),
    ...createSelectionSlice(...a),
    ...createRunSlice(...a),
    ...createUiSlice(...a),
    ...createWorkspaceSlice(...a),
    ...initial,
  }));
}
