/** The first host calls of a workspace load, apart from what they feed (services/workspaceActions). */
import type { ConnectorListEntry, HostClient, WorkspaceInfo } from '../../contract/hostApi.js';

/** The host calls of loadCurrentWorkspace, started at once (the list is dropped when no workspace is open). */
export interface WorkspaceLoad {
  workspace: Promise<WorkspaceInfo | null>;
  entries: Promise<ConnectorListEntry[]>;
}

export function startWorkspaceLoad(host: HostClient): WorkspaceLoad {
  const load = { workspace: host.workspace.current(), entries: host.connectors.list() };
  // Awaited (or dropped) by loadCurrentWorkspace; never an unhandled rejection meanwhile.
  load.workspace.catch(() => undefined);
  load.entries.catch(() => undefined);
  return load;
}
