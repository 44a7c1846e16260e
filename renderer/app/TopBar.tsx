import { useAppStore } from '../store/AppStoreProvider.js';
import { useHost } from './useHost.js';
import { SyncIndicator } from '../sync/SyncIndicator.js';
import { useSettingsShortcut } from '../settings/useSettingsShortcut.js';

export function TopBar() {
  const host = useHost();
  const ready = useAppStore((s) => s.appReady);
  const workspace = useAppStore((s) => s.workspace);
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  const navigate = useAppStore((s) => s.navigate);
  // The screen shown, marked on its nav button (the editor belongs to Connectors).
  const screen = useAppStore((s) => (s.route.name === 'editor' ? 'dashboard' : s.route.name));
  const current = (name: string) => (screen === name ? { 'aria-current': 'page' as const } : {});
  useSettingsShortcut();
  const toggleTheme = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    setTheme(next);
    void host.settings.update({ theme: next }).catch(() => undefined);
  };
  return (
    <header className="topbar" {...(ready ? { 'data-testid': 'app-ready' } : {})}>
      <span className="brand">🔌 Connector Studio</span>
      {workspace && (
        <nav className="topbar-nav" aria-label="Main">
          <button type="button" data-testid="nav-dashboard" {...current('dashboard')} onClick={() => navigate({ name: 'dashboard' })}>Connectors</button>
          <button type="button" data-testid="nav-credentials" {...current('credentials')} onClick={() => navigate({ name: 'credentials' })}>Credentials</button>
          <button type="button" data-testid="nav-environments" {...current('environments')} onClick={() => navigate({ name: 'environments' })}>Environments</button>
          <button type="button" data-testid="nav-marketplace" {...current('marketplace')} onClick={() => navigate({ name: 'marketplace' })}>Marketplace</button>
          <button type="button" {...current('workspace')} onClick={() => navigate({ name: 'workspace' })}>Switch workspace</button>
        </nav>
      )}
      <span className="grow" />
      <span className="muted" data-testid="workspace-name" title={workspace?.path}>{workspace?.name ?? ''}</span>
      {ready && <SyncIndicator />}
      {ready && (
        <button type="button" data-testid="nav-settings" {...current('settings')} aria-label="Settings (Ctrl+,)" title="Settings (Ctrl+, / ⌘,)" onClick={() => navigate({ name: 'settings' })}>⚙️</button>
      )}
      <button type="button" onClick={toggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
        {theme === 'dark' ? '☀️' : '🌙'}
      </button>
    </header>
  );
}
