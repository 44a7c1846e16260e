/** Ctrl/Cmd+S save, Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redo, Ctrl/Cmd+Enter run. */
import { useEffect } from 'react';
import { useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { saveConnector } from '../services/connectorActions.js';
import { submitRun } from '../services/runActions.js';

export function useEditorShortcuts(): void {
  const store = useAppStoreApi();
  const host = useHost();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const key = e.key.toLowerCase();
      // Text fields and Monaco keep their own undo while focused.
      const inText = (e.target as HTMLElement | null)?.closest?.('input, textarea, select, .monaco-editor') !== null;
      if (key === 's') { e.preventDefault(); void saveConnector(store, host); }
      else if (key === 'enter') { e.preventDefault(); void submitRun(store, host); }
      else if (key === 'z' && !inText) { e.preventDefault(); if (e.shiftKey) store.getState().redo(); else store.getState().undo(); }
      else if (key === 'y' && !inText) { e.preventDefault(); store.getState().redo(); }
    };
    window.addEventListener('keydown', onKey);
    const offCommand = host.subscribe('app.command', ({ command }) => {
      if (command === 'save') void saveConnector(store, host);
      else if (command === 'undo') store.getState().undo();
      else if (command === 'redo') store.getState().redo();
      else if (command === 'run') void submitRun(store, host);
    });
    return () => { window.removeEventListener('keydown', onKey); offCommand(); };
  }, [store, host]);
}
