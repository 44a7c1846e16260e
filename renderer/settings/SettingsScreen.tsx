/**
 * The app settings (issue 3): theme, default run mode, the proxy for live runs, the Supabase
 * project (the sync panel's own form, not a copy) and, on Linux, the vault's plaintext-key
 * opt-in; for SaaS admins, the metrics across workspaces. Each section saves on its own and
 * says so; the host validates again.
 */
import { useEffect, useId, useState } from 'react';
import { THEMES, proxyUrlProblem, type AppInfo, type AppSettings, type AppSettingsPatch, type RunMode } from '../../contract/hostApi.js';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';
import { useAppStoreApi } from '../store/AppStoreProvider.js';
import { OpenSyncButton } from '../sync/OpenSyncButton.js';
import { SupabaseSettingsForm } from '../sync/SupabaseSettingsForm.js';
import { AdminMetricsSection } from './AdminMetricsSection.js';
import { resolveTheme } from './resolveTheme.js';
import './settings.css';

const THEME_LABELS: Record<(typeof THEMES)[number], string> = { light: 'Light', dark: 'Dark', system: 'Follow the system' };
const RUN_MODES: Array<{ mode: RunMode; label: string; help: string }> = [
  { mode: 'live', label: 'Live', help: 'real HTTP requests to the APIs' },
  { mode: 'mock', label: 'Mock', help: 'each step answers with its mock response; nothing is sent' },
  { mode: 'replay', label: 'Replay', help: 'answers from a recorded cassette; nothing is sent' },
];

type Status = { kind: 'ok' | 'error'; text: string } | null;

export function SettingsScreen() {
  const host = useHost();
  const store = useAppStoreApi();
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [proxy, setProxy] = useState('');
  const [status, setStatus] = useState<Record<string, Status>>({});
  const ids = { theme: useId(), runMode: useId(), proxy: useId(), proxyHelp: useId(), vault: useId() };

  useEffect(() => {
    host.settings.get().then((s) => { setSettings(s); setProxy(s.proxy); }, (e: unknown) => setLoadError(errorMessage(e)));
    host.app.info().then(setInfo, () => undefined);
  }, [host]);

  const save = async (section: string, patch: AppSettingsPatch, saved: string): Promise<AppSettings | null> => {
    setStatus((s) => ({ ...s, [section]: null }));
    try {
      const next = await host.settings.update(patch);
      setSettings(next);
      setStatus((s) => ({ ...s, [section]: { kind: 'ok', text: saved } }));
      return next;
    } catch (error) {
      setStatus((s) => ({ ...s, [section]: { kind: 'error', text: errorMessage(error) } }));
      return null;
    }
  };

  // Shown at once (a controlled radio or select must not wait for the host), put back on failure.
  const choose = async (section: string, patch: AppSettingsPatch, saved: string) => {
    const before = settings;
    if (before) setSettings({ ...before, ...patch });
    const next = await save(section, patch, saved);
    if (!next && before) setSettings(before);
    return next;
  };

  const chooseTheme = async (theme: AppSettings['theme']) => {
    const next = await choose('theme', { theme }, 'Theme saved.');
    if (next) store.getState().setTheme(resolveTheme(next.theme));
  };

  const chooseRunMode = async (mode: RunMode) => {
    // The editor's mode follows at once; new connectors open in it from now on.
    const next = await choose('runMode', { defaultRunMode: mode }, 'Default run mode saved.');
    if (next) store.getState().setRunMode(next.defaultRunMode);
  };

  const saveProxy = async () => {
    const value = proxy.trim();
    const problem = proxyUrlProblem(value);
    if (problem) {
      setStatus((s) => ({ ...s, proxy: { kind: 'error', text: `${problem} Nothing was saved.` } }));
      return;
    }
    await save('proxy', { proxy: value }, value === '' ? 'Saved: live runs connect directly.' : 'Proxy saved. Live runs go through it.');
  };

  if (loadError) return <section className="settings-screen" data-testid="settings-screen"><p className="error-text" role="alert">Could not read the settings: {loadError}</p></section>;
  if (!settings) return <section className="settings-screen loading" role="status">Loading settings…</section>;

  const line = (section: string) => {
    const s = status[section];
    if (!s) return null;
    return <p className={s.kind === 'error' ? 'field-error' : 'muted'} role={s.kind === 'error' ? 'alert' : 'status'} data-testid={`settings-${section}-${s.kind === 'error' ? 'error' : 'saved'}`}>{s.text}</p>;
  };

  return (
    <section className="settings-screen" data-testid="settings-screen" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>

      <fieldset className="settings-section">
        <legend id={ids.theme}>Theme</legend>
        <div role="radiogroup" aria-labelledby={ids.theme} className="settings-choices">
          {THEMES.map((theme) => (
            <label key={theme}>
              <input type="radio" name="settings-theme" value={theme} data-testid={`settings-theme-${theme}`}
                checked={settings.theme === theme} onChange={() => void chooseTheme(theme)} />
              {THEME_LABELS[theme]}
            </label>
          ))}
        </div>
        {line('theme')}
      </fieldset>

      <fieldset className="settings-section">
        <legend>Default run mode</legend>
        <label htmlFor={ids.runMode}>Mode a connector's run bar starts in</label>
        <select id={ids.runMode} data-testid="settings-run-mode" value={settings.defaultRunMode} onChange={(e) => void chooseRunMode(e.target.value as RunMode)}>
          {RUN_MODES.map((m) => <option key={m.mode} value={m.mode}>{m.label} — {m.help}</option>)}
        </select>
        {line('runMode')}
      </fieldset>

      <fieldset className="settings-section">
        <legend>Proxy for live runs</legend>
        <form className="settings-inline" onSubmit={(e) => { e.preventDefault(); void saveProxy(); }}>
          <label htmlFor={ids.proxy}>HTTP(S) proxy URL</label>
          <input id={ids.proxy} data-testid="settings-proxy" type="text" inputMode="url" placeholder="http://proxy.example.com:8080" spellCheck={false}
            aria-describedby={ids.proxyHelp} aria-invalid={status.proxy?.kind === 'error'} value={proxy}
            onChange={(e) => { setProxy(e.target.value); setStatus((s) => ({ ...s, proxy: null })); }} />
          <button type="submit" data-testid="settings-proxy-save">Save proxy</button>
        </form>
        <p id={ids.proxyHelp} className="muted small-text">
          Used only by live runs (real requests to the APIs); mock and replay runs send nothing. Write it as http(s)://host:port. Leave it empty to connect directly.
        </p>
        {line('proxy')}
      </fieldset>

      <fieldset className="settings-section" data-testid="settings-supabase">
        <legend>Supabase project (sync and community templates)</legend>
        <p className="muted small-text">The same settings as under Sync (the sync status at the top right); sign in there.{' '}
          <OpenSyncButton testId="settings-open-sync" /></p>
        <SupabaseSettingsForm onSaved={() => undefined} titled={false} />
      </fieldset>

      <AdminMetricsSection />

      {info?.platform === 'linux' && (
        <fieldset className="settings-section">
          <legend>Credential vault on Linux</legend>
          <label htmlFor={ids.vault} className="settings-check">
            <input id={ids.vault} type="checkbox" data-testid="settings-insecure-vault" checked={settings.allowInsecureKeyStorage}
              onChange={(e) => void choose('vault', { allowInsecureKeyStorage: e.target.checked }, e.target.checked ? 'Allowed. Restart the app to unlock the vault.' : 'Turned off.')} />
            Allow storing the vault key without a system keyring
          </label>
          <p className="warning-text small-text" data-testid="settings-insecure-vault-warning">
            Warning: without a keyring (GNOME Keyring, KWallet) the desktop app can only keep the vault key in a form anyone who can read your home folder can use to decrypt your credentials.
            Turn this on only if you accept that risk, for example on a single-user machine with an encrypted disk. Installing a keyring is the safer fix.
          </p>
          {line('vault')}
        </fieldset>
      )}
    </section>
  );
}
