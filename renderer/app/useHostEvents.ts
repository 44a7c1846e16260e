/** Wires host events into the store: run progress, external file changes, menu commands. */
import { useEffect } from 'react';
import { useAppStoreApi } from '../store/AppStoreProvider.js';
import { hasUnsavedChanges } from '../store/slices/documentSlice.js';
import { refreshEntries } from '../services/refreshLists.js';
import { refreshOpenConnector } from '../services/connectorActions.js';
import { CoalescedRefresh } from '../services/coalescedRefresh.js';
import { useHost } from './useHost.js';

export function useHostEvents(): void {
  const store = useAppStoreApi();
  const host = useHost();
  useEffect(() => {
    // A pull of many files reports one change per file: list the workspace once per burst.
    const entriesRefresh = new CoalescedRefresh(() => refreshEntries(store, host));
    const offs = [
      host.subscribe('run.event', ({ connectorId, event }) => {
        if (store.getState().doc?.id === connectorId) store.getState().applyRunEvent(event);
      }),
      host.subscribe('store.changed', (change) => {
        const s = store.getState();
        entriesRefresh.request();
        if (change.id) s.dismissAbout(change.id);
        const editing = s.route.name === 'editor' && s.route.connectorId === change.id;
        if (!editing || !s.doc || change.id !== s.doc.id || change.hash === s.baseHash) return;
        const by = change.by ? { by: change.by } : {};
        // Deleted while open: said so (by whom) whether or not there are unsaved edits; the user stays here.
        if (change.kind === 'removed') s.setExternalChange({ removed: true, ...by });
        else if (hasUnsavedChanges(s)) s.setExternalChange({ removed: false, ...by });
        else void refreshOpenConnector(store, host, s.doc.id);
      }),
      // A finished sync may bring teammates' run counts for the cards.
      host.subscribe('sync.status', (status) => {
        if (status.state === 'synced') entriesRefresh.request();
      }),
      host.subscribe('workspace.changed', ({ workspace }) => {
        store.getState().setWorkspace(workspace);
        store.getState().closeDocument();
        store.getState().navigate(workspace ? { name: 'dashboard' } : { name: 'workspace' });
        if (workspace) void refreshEntries(store, host);
      }),
    ];
    return () => {
      offs.forEach((off) => off());
      entriesRefresh.dispose();
    };
  }, [store, host]);
}
