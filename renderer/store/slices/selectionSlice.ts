/** What is selected on the canvas, and which inspector field to highlight. */
import type { SliceCreator } from '../types.js';

export type Selection =
  | { kind: 'none' }
  | { kind: 'connector'; section?: string }
  | { kind: 'step'; stepIds: string[] }
  | { kind: 'edge'; edgeIds: string[] };

declare module '../types.js' {
  interface AppState extends SelectionSlice {}
}

export interface SelectionSlice {
  selection: Selection;
  /** A document path such as `steps[1].url`, highlighted in the inspector. */
  focusedPath: string | null;
  select: (selection: Selection, focusedPath?: string | null) => void;
  /** The ids of selected steps (for delete, copy, duplicate). */
  selectedStepIds: () => string[];
  selectedEdgeIds: () => string[];
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selection: { kind: 'none' },
  focusedPath: null,
  select: (selection, focusedPath = null) => set({ selection, focusedPath }),
  selectedStepIds: () => {
    const s = get().selection;
    return s.kind === 'step' ? s.stepIds : [];
  },
  selectedEdgeIds: () => {
    const s = get().selection;
    return s.kind === 'edge' ? s.edgeIds : [];
  },
});
