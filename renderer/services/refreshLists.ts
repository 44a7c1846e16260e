/** Reload the dashboard's connector list and the credential names from the host. */
import type { ConnectorListEntry, HostClient } from '../../contract/hostApi.js';
import type { AppStore } from '../store/createAppStore.js';
import { errorMessage } from './errorMessage.js';

/** `listed`: a list call already under way (the first load starts it early). */
export async function refreshEntries(store: AppStore, host: HostClient, listed?: Promise<ConnectorListEntry[]>): Promise<void> {
  store.getState().setEntriesLoading(true);
  try {
    store.getState().setEntries(await (listed ?? host.connectors.list()));
  } catch (error) {
    store.getState().setEntriesError(errorMessage(error));
  }
}

export async function refreshCredentials(store: AppStore, host: HostClient): Promise<void> {
  try {
    store.getState().setCredentials(await host.credentials.list());
  } catch (error) {
    store.getState().notify({ kind: 'error', message: `Could not list credentials: ${errorMessage(error)}` });
  }
}
