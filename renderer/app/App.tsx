import { Suspense, useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { loadCurrentWorkspace } from '../services/workspaceActions.js';
import { errorMessage } from '../services/errorMessage.js';
import { WorkspacePicker } from '../workspace/WorkspacePicker.js';
import { Dashboard } from '../dashboard/Dashboard.js';
import { resolveTheme } from '../settings/resolveTheme.js';
import { useDefaultRunModeOnOpen } from '../settings/useDefaultRunModeOnOpen.js';
import { useFollowSystemTheme } from '../settings/useFollowSystemTheme.js';
import { preloadScreen, screenComponent } from './screens.js';
import { takeStartupCalls } from './startupCalls.js';
import { TopBar } from './TopBar.js';
import { Toasts } from './Toasts.js';
import { useHost } from './useHost.js';
import { useHostEvents } from './useHostEvents.js';
import { useSessionMemory } from './useSessionMemory.js';
import type { Route } from '../store/slices/uiSlice.js';
import './app.css';

export function App() {
  const store = useAppStoreApi();
  const host = useHost();
  const route = useAppStore((s) => s.route);
  const theme = useAppStore((s) => s.theme);
  // The first screen waits for the host's answer on the open workspace too: rendered before it,
  // the route is still the initial 'workspace', and the picker would mount (and ask the host for
  // its recent list) only to be replaced by the dashboard or the editor in the next render.
  const ready = useAppStore((s) => s.appReady && s.workspace !== undefined);
  useHostEvents();
  useSessionMemory();
  useFollowSystemTheme();
  useDefaultRunModeOnOpen();

  useEffect(() => {
    let cancelled = false;
    // One round of host calls, not a chain, sent before React rendered (startupCalls): the
    // workspace (and its connector list) is asked for while the app info and settings are read,
    // and used once the theme is set.
    const startup = takeStartupCalls(host);
    void (async () => {
      try {
        const [, settings] = await Promise.all([startup.info, startup.settings]);
        if (cancelled) return;
        store.getState().setTheme(resolveTheme(settings?.theme));
        if (settings) store.getState().setRunMode(settings.defaultRunMode);
      } catch (error) {
        store.getState().notify({ kind: 'error', message: `The app's host did not answer: ${errorMessage(error)}` });
      }
      if (cancelled) return;
      store.getState().setAppReady(true);
      // Reopening the editor the user left (startupCalls is fetching its chunks): it is shown
      // once they are in, not suspended, which React's fallback throttle would hold for 300 ms.
      if (startup.workspace.opened) await preloadScreen('editor').catch(() => undefined);
      if (cancelled) return;
      await loadCurrentWorkspace(store, host, startup.workspace);
    })();
    return () => { cancelled = true; };
  }, [store, host]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className="app">
      <TopBar />
      <main className="app-main">
        {!ready ? <div className="loading" role="status">Starting Connector Studio…</div>
          : route.name === 'workspace' ? <WorkspacePicker />
          : route.name === 'dashboard' ? <Dashboard />
          : <Suspense fallback={<div className="loading" role="status">Loading…</div>}><LazyScreen route={route} /></Suspense>}
      </main>
      <Toasts />
    </div>
  );
}

function LazyScreen({ route }: { route: Exclude<Route, { name: 'workspace' | 'dashboard' }> }) {
  const Screen = screenComponent(route.name);
  return <Screen key={route.name === 'editor' ? route.connectorId : route.name} />;
}
