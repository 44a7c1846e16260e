/** Remembers the screen, and each connector's run mode and inputs, as the user moves (services/sessionMemory). */
import { useEffect } from 'react';
import { useAppStoreApi } from '../store/AppStoreProvider.js';
import { rememberRoute, rememberRunPrefs } from '../services/sessionMemory.js';

export function useSessionMemory(): void {
  const store = useAppStoreApi();
  useEffect(() => store.subscribe((state, previous) => {
    const workspace = state.workspace;
    if (!workspace || !state.appReady) return;
    if (state.route !== previous.route) rememberRoute(workspace.path, state.route);
    // Only changes within one connector's run state (not the reset that opens another one).
    const id = state.runConnectorId;
    if (id && id === previous.runConnectorId && (state.runMode !== previous.runMode || state.runInputs !== previous.runInputs)) {
      rememberRunPrefs(workspace.path, id, { mode: state.runMode, inputs: state.runInputs });
    }
  }), [store]);
}
