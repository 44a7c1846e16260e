/**
 * A draft from an earlier session waiting for the user's decision: it is shown as a diff
 * against the file and applied only when the user says so (never silently on open).
 */
import type { Connector } from '#core';
import type { SliceCreator } from '../types.js';

export interface DraftOffer {
  connectorId: string;
  /** The file as it is on disk now. */
  file: Connector;
  draft: Connector;
  /** The file was changed (e.g. by a git pull) after the draft was written. */
  fileChanged: boolean;
  savedAt: number;
}

declare module '../types.js' {
  interface AppState extends DraftOfferSlice {}
}

export interface DraftOfferSlice {
  draftOffer: DraftOffer | null;
  offerDraft: (offer: DraftOffer | null) => void;
}

export const createDraftOfferSlice: SliceCreator<DraftOfferSlice> = (set) => ({
  draftOffer: null,
  offerDraft: (draftOffer) => set({ draftOffer }),
});
