/**
 * Each connector opened in the editor starts in the default run mode from the settings.
 * The default is read while no connector is open and applied synchronously on opening one,
 * so it can never land after the user has already picked a mode in the run bar. A connector
 * with a remembered mode of its own keeps it. The read waits for the screen's first paint (it is
 * not needed before a click on a connector can open one).
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RunMode } from '../../contract/hostApi.js';
import { useHost } from '../app/useHost.js';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { lastRunPrefs } from '../services/sessionMemory.js';
import { afterNextPaint } from '../app/afterPaint.js';

export function useDefaultRunModeOnOpen(): void {
  const host = useHost();
  const store = useAppStoreApi();
  const routeName = useAppStore((s) => s.route.name);
  const openConnectorId = useAppStore((s) => (s.route.name === 'editor' ? s.route.connectorId : null));
  const defaultMode = useRef<RunMode | null>(null);

  useEffect(() => {
    if (routeName === 'editor') return;
    let cancelled = false;
    const cancel = afterNextPaint(() => void host.settings.get().then((s) => { if (!cancelled) defaultMode.current = s.defaultRunMode; }, () => undefined));
    return () => { cancelled = true; cancel(); };
  }, [host, routeName]);

  useLayoutEffect(() => {
    if (openConnectorId === null || !defaultMode.current) return;
    // A connector's own remembered mode (services/sessionMemory) wins over the default.
    const workspace = store.getState().workspace;
    if (workspace && lastRunPrefs(workspace.path, openConnectorId)) return;
    store.getState().setRunMode(defaultMode.current);
  }, [store, openConnectorId]);
}
