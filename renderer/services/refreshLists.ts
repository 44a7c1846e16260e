/** Reload the dashboard's connector list and the credential names from the host. */
import type { HostClient } from '../../contract/hostApi.js';
import type { AppStore } from '../store/createAppStore.js';
import { errorMessage } from './errorMessage.js';

export async function refreshEntries(store: AppStore, host: HostClient): Promise<void> {
  store.getState().setEntriesLoading(true);
  try {
    store.getState().setEntries(await host.connectors.list());
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
