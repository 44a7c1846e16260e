/** Ctrl+, (Cmd+, on macOS) opens the settings, the shortcut desktop apps use. */
import { useEffect } from 'react';
import { useAppStoreApi } from '../store/AppStoreProvider.js';

export function useSettingsShortcut(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== ',' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      store.getState().navigate({ name: 'settings' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
