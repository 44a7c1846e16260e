import { useEffect, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { refreshCredentials } from '../services/refreshLists.js';
import { errorMessage } from '../services/errorMessage.js';
import './credentials.css';

/** The vault: names and masks only. Values go in, never come back out. */
export function CredentialsScreen() {
  const store = useAppStoreApi();
  const host = useHost();
  const credentials = useAppStore((s) => s.credentials);
  useEffect(() => { void refreshCredentials(store, host); }, [store, host]);
  const remove = async (name: string) => {
    try {
      await host.credentials.delete({ name });
      await refreshCredentials(store, host);
    } catch (e) {
      store.getState().notify({ kind: 'error', message: errorMessage(e) });
    }
  };
  return (
    <section className="credentials-screen" aria-labelledby="cred-title">
      <h1 id="cred-title">Credentials</h1>
      <p className="muted">Stored encrypted on this computer. Connectors refer to them as <code>{'{{credentials.name}}'}</code>; the values never enter connector files.</p>
      <CredentialForm />
      <table className="credential-table">
        <thead><tr><th>Name</th><th>Value</th><th>Updated</th><th /></tr></thead>
        <tbody>
          {credentials.map((c) => (
            <tr key={c.name} data-testid="credential-row" data-credential-name={c.name}>
              <td><code>{c.name}</code></td>
              <td data-testid="credential-mask">{c.mask}</td>
              <td className="muted">{new Date(c.updatedAt).toLocaleString()}</td>
              <td><button type="button" className="small danger" data-testid="credential-delete-button" onClick={() => void remove(c.name)} aria-label={`Delete ${c.name}`}>Delete</button></td>
            </tr>
          ))}
          {credentials.length === 0 && <tr><td colSpan={4} className="empty">No credentials yet.</td></tr>}
        </tbody>
      </table>
    </section>
  );
}

/** Creates or replaces a credential; used on this screen and in the connector's auth section. */
export function CredentialForm({ initialName = '', onSaved }: { initialName?: string; onSaved?: (name: string) => void }) {
  const store = useAppStoreApi();
  const host = useHost();
  const [name, setName] = useState(initialName);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      await host.credentials.set({ name: name.trim(), value });
      setValue('');
      await refreshCredentials(store, host);
      store.getState().notify({ kind: 'success', message: `Stored ${name.trim()}.` });
      onSaved?.(name.trim());
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <form className="credential-form row" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label className="visually-hidden" htmlFor="cred-name">Credential name</label>
      <input id="cred-name" data-testid="credential-name-input" placeholder="name, e.g. crm_token" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      <label className="visually-hidden" htmlFor="cred-value">Secret value</label>
      <input id="cred-value" data-testid="credential-value-input" data-autofocus={initialName ? true : undefined} type="password" placeholder="secret value" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="new-password" />
      <button type="submit" className="primary" data-testid="credential-save-button" disabled={!name.trim() || !value}>Store</button>
      {error && <span className="error-text" role="alert">{error}</span>}
    </form>
  );
}
