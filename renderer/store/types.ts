import type { StateCreator } from 'zustand';
import type { CredentialPromptSlice } from './slices/credentialPromptSlice.js';
import type { DraftOfferSlice } from './slices/draftOfferSlice.js';
import type { DocumentSlice } from './slices/documentSlice.js';
import type { HistorySlice } from './slices/historySlice.js';
import type { RunSlice } from './slices/runSlice.js';
import type { SelectionSlice } from './slices/selectionSlice.js';
import type { UiSlice } from './slices/uiSlice.js';
import type { WorkspaceSlice } from './slices/workspaceSlice.js';

export type AppState = CredentialPromptSlice & DocumentSlice & DraftOfferSlice & HistorySlice & SelectionSlice & RunSlice & UiSlice & WorkspaceSlice;

/** A slice sees the whole state so that, e.g., `edit` can record history. */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
