/** With the theme set to "follow the system", repaint when the OS switches between light and dark. */
import { useEffect } from 'react';
import { useHost } from '../app/useHost.js';
import { useAppStoreApi } from '../store/AppStoreProvider.js';
import { resolveTheme } from './resolveTheme.js';

export function useFollowSystemTheme(): void {
  const host = useHost();
  const store = useAppStoreApi();
  useEffect(() => {
    const query = typeof window === 'undefined' ? undefined : window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) return;
    const onChange = (event: MediaQueryListEvent) => {
      // The preference is read when the OS changes, so a choice made since start-up counts.
      void host.settings.get().then((s) => {
        if (s.theme === 'system') store.getState().setTheme(resolveTheme('system', event.matches));
      }, () => undefined);
    };
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [host, store]);
}
