/**
 * Ctrl/Cmd+S save, Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redo, Ctrl/Cmd+Enter run;
 * F6 / Shift+F6 move focus between the editor's regions; ? shows the shortcut list (editor/shortcuts.ts).
 */
import { useEffect } from 'react';
import { useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { saveConnector } from '../services/connectorActions.js';
import { submitRun } from '../services/runActions.js';
import { focusNextRegion } from './shortcuts.js';

export function useEditorShortcuts(options: { onShowShortcuts?: () => void } = {}): void {
  const store = useAppStoreApi();
  const host = useHost();
  const { onShowShortcuts } = options;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      // Text fields and Monaco keep their own keys (undo, typing '?') while focused.
      const inText = (e.target as HTMLElement | null)?.closest?.('input, textarea, select, .monaco-editor') !== null;
      // Not while a dialog or menu has focus: they own the keyboard.
      const inLayer = (e.target as HTMLElement | null)?.closest?.('[role="dialog"], [role="menu"]') != null;
      if (e.key === 'F6' && !mod && !inLayer) {
        e.preventDefault();
        focusNextRegion(document, document.activeElement, e.shiftKey);
        return;
      }
      if (e.key === '?' && !mod && !inText && !inLayer && onShowShortcuts) { e.preventDefault(); onShowShortcuts(); return; }
      if (!mod) return;
      const key = e.key.toLowerCase();
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
  }, [store, host, onShowShortcuts]);
}
