/** Workspace and dashboard side effects: host calls in, store updates out. */
import type { HostClient } from '../../contract/hostApi.js';
import type { AppStore } from '../store/createAppStore.js';
import { errorMessage } from './errorMessage.js';
import { lastRoute } from './sessionMemory.js';
import { openConnector } from './connectorActions.js';
import { refreshEntries } from './refreshLists.js';
import { startWorkspaceLoad, type WorkspaceLoad } from './workspaceLoad.js';

export async function loadCurrentWorkspace(store: AppStore, host: HostClient, load: WorkspaceLoad = startWorkspaceLoad(host)): Promise<void> {
  try {
    const workspace = await load.workspace;
    store.getState().setWorkspace(workspace);
    if (workspace) {
      // Back where the user was before the reload (services/sessionMemory).
      const route = lastRoute(workspace.path);
      if (route?.name === 'editor') {
        const { opened } = load;
        const early = opened && opened.workspacePath === workspace.path && opened.connectorId === route.connectorId ? opened.stored : undefined;
        void openConnector(store, host, route.connectorId, early);
      }
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
