/** The open workspace and the connectors in it (what the dashboard lists). */
import type { ConnectorListEntry, CredentialSummary, WorkspaceInfo } from '../../../contract/hostApi.js';
import type { SliceCreator } from '../types.js';

export type ConnectorCardEntry = Extract<ConnectorListEntry, { kind: 'connector' }>;

declare module '../types.js' {
  interface AppState extends WorkspaceSlice {}
}

export interface WorkspaceSlice {
  /** undefined while the app asks the host which workspace is open. */
  workspace: WorkspaceInfo | null | undefined;
  entries: ConnectorListEntry[];
  entriesLoading: boolean;
  entriesError: string | null;
  credentials: CredentialSummary[];
  /** The credential list has been read from the host at least once (before, nothing is known to be missing). */
  credentialsLoaded: boolean;
  setWorkspace: (workspace: WorkspaceInfo | null) => void;
  setEntries: (entries: ConnectorListEntry[]) => void;
  setEntriesLoading: (loading: boolean) => void;
  setEntriesError: (message: string | null) => void;
  setCredentials: (credentials: CredentialSummary[]) => void;
}

export const createWorkspaceSlice: SliceCreator<WorkspaceSlice> = (set) => ({
  workspace: undefined,
  entries: [],
  entriesLoading: false,
  entriesError: null,
  credentials: [],
  credentialsLoaded: false,
  setWorkspace: (workspace) => set({ workspace }),
  setEntries: (entries) => set({ entries, entriesLoading: false, entriesError: null }),
  setEntriesLoading: (entriesLoading) => set({ entriesLoading }),
  setEntriesError: (entriesError) => set({ entriesError, entriesLoading: false }),
  setCredentials: (credentials) => set({ credentials, credentialsLoaded: true }),
});
