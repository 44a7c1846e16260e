/** The first host calls of a workspace load, apart from what they feed (services/workspaceActions). */
import type { ConnectorListEntry, HostClient, WorkspaceInfo } from '../../contract/hostApi.js';
import type { LastOpened } from './sessionMemory.js';

/** The host calls of loadCurrentWorkspace, started at once (the list is dropped when no workspace is open). */
export interface WorkspaceLoad {
  workspace: Promise<WorkspaceInfo | null>;
  entries: Promise<ConnectorListEntry[]>;
  /** The connector the user left open, read beside the others; used only if it is in the workspace that opens. */
  opened?: OpenedEarly;
}

export interface OpenedEarly extends LastOpened {
  stored: ReturnType<HostClient['connectors']['get']>;
}

export function startWorkspaceLoad(host: HostClient, lastOpened: LastOpened | null = null): WorkspaceLoad {
  const load: WorkspaceLoad = { workspace: host.workspace.current(), entries: host.connectors.list() };
  // Awaited (or dropped) by loadCurrentWorkspace; never an unhandled rejection meanwhile.
  load.workspace.catch(() => undefined);
  load.entries.catch(() => undefined);
  if (lastOpened) {
    const stored = host.connectors.get({ id: lastOpened.connectorId });
    stored.catch(() => undefined);
    load.opened = { ...lastOpened, stored };
  }
  return load;
}
