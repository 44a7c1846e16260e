/** Workspace and dashboard side effects: host calls in, store updates out. */
import type { ConnectorListEntry, HostClient, WorkspaceInfo } from '../../contract/hostApi.js';
import type { AppStore } from '../store/createAppStore.js';
import { errorMessage } from './errorMessage.js';
import { lastRoute } from './sessionMemory.js';
import { openConnector } from './connectorActions.js';
import { refreshEntries } from './refreshLists.js';

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

export async function loadCurrentWorkspace(store: AppStore, host: HostClient, load: WorkspaceLoad = startWorkspaceLoad(host)): Promise<void> {
  try {
    const workspace = await load.workspace;
    store.getState().setWorkspace(workspace);
    if (workspace) {
      // Back where the user was before the reload (services/sessionMemory).
      const route = lastRoute(workspace.path);
      if (route?.name === 'editor') void openConnector(store, host, route.connectorId);
      else store.getState().navigate(route ?? { name: 'dashboard' });
      await refreshEntries(store, host, load.entries);
    } else store.getState().navigate({ name: 'workspace' });
  } catch (error) {
    store.getState().setWorkspace(null);
    store.getState().notify({ kind: 'error', message: `Could not reach the app's host: ${errorMessage(error)}` });
  }
}

export async function openWorkspace(store: AppStore, host: HostClient, path: string, create: boolean): Promise<void> {
  const workspace = create ? await host.workspace.create({ path }) : await host.workspace.open({ path });
  store.getState().setWorkspace(workspace);
  store.getState().closeDocument();
  store.getState().navigate({ name: 'dashboard' });
  await refreshEntries(store, host);
}
