/** The open workspace and the connectors in it (what the dashboard lists). */
import type { Connector } from '../../../core/index.js';
import type { SliceCreator } from '../types.js';

/** Run statistics of one connector (from the host's run history). */
export interface ConnectorStats {
  runs: number;
  successRate: number | null;
  p95Ms: number | null;
  lastRunAt: number | null;
  lastStatus: string | null;
}

export interface ConnectorEntry {
  id: string;
  /** The parsed document, or null when the file is invalid. */
  connector: Connector | null;
  /** Why the file could not be read (shown on its card). */
  error?: string | undefined;
  file?: string | undefined;
  stats?: ConnectorStats | undefined;
}

export interface WorkspaceSlice {
  workspacePath: string | null;
  entries: ConnectorEntry[];
  entriesLoading: boolean;
  entriesError: string | null;
  setWorkspace: (path: string | null) => void;
  setEntries: (entries: ConnectorEntry[]) => void;
  setEntriesLoading: (loading: boolean) => void;
  setEntriesError: (message: string | null) => void;
  /** Updates one entry in place (after a save), adding it when new. */
  upsertEntry: (entry: ConnectorEntry) => void;
  removeEntry: (id: string) => void;
}

export const createWorkspaceSlice: SliceCreator<WorkspaceSlice> = (set, get) => ({
  workspacePath: null,
  entries: [],
  entriesLoading: false,
  entriesError: null,
  setWorkspace: (workspacePath) => set({ workspacePath }),
  setEntries: (entries) => set({ entries, entriesLoading: false, entriesError: null }),
  setEntriesLoading: (entriesLoading) => set({ entriesLoading }),
  setEntriesError: (entriesError) => set({ entriesError, entriesLoading: false }),
  upsertEntry: (entry) => {
    const entries = get().entries;
    const index = entries.findIndex((e) => e.id === entry.id);
    set({ entries: index < 0 ? [...entries, entry] : entries.map((e, i) => (i === index ? { ...e, ...entry } : e)) });
  },
  removeEntry: (id) => set({ entries: get().entries.filter((e) => e.id !== id) }),
});
