/** Auth settings whose secret fields are credential references picked from (or added to) the vault. */
import { useEffect, useState } from 'react';
import type { Auth } from '../../core/index.js';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { refreshCredentials } from '../services/workspaceActions.js';
import { CredentialForm } from '../credentials/CredentialsScreen.js';

const REF = /^\{\{\s*(?:credentials|workspace)\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

function CredentialRef({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const credentials = useAppStore((s) => s.credentials);
  const [creating, setCreating] = useState(false);
  const current = REF.exec(value)?.[1] ?? '';
  const names = [...new Set([...credentials.map((c) => c.name), ...(current ? [current] : [])])];
  return (
    <div className="field">
      <label>{label}</label>
      <div className="row">
        <select aria-label={label} value={current} onChange={(e) => e.target.value === '__new' ? setCreating(true) : onChange(`{{credentials.${e.target.value}}}`)}>
          <option value="" disabled>choose a credential</option>
          {names.map((n) => <option key={n} value={n}>{n}{credentials.some((c) => c.name === n) ? ` (${credentials.find((c) => c.name === n)?.mask})` : ' (not stored yet)'}</option>)}
          <option value="__new">+ New credential…</option>
        </select>
        {current && <code className="muted">{`{{credentials.${current}}}`}</code>}
      </div>
      {creating && <CredentialForm onSaved={(name) => { onChange(`{{credentials.${name}}}`); setCreating(false); }} />}
    </div>
  );
}

export function AuthEditor({ auth, onChange }: { auth: Auth; onChange: (auth: Auth) => void }) {
  const store = useAppStoreApi();
  const host = useHost();
  useEffect(() => { void refreshCredentials(store, host); }, [store, host]);
  return (
    <div className="auth-editor">
      <div className="field">
        <label htmlFor="auth-type">Authentication</label>
        <select id="auth-type" data-testid="auth-type-select" value={auth.type} onChange={(e) => {
          const type = e.target.value as Auth['type'];
          onChange(type === 'none' ? { type } : type === 'bearer' ? { type, token: '' }
            : type === 'api_key' ? { type, in: 'header', name: 'X-API-Key', value: '' }
            : type === 'basic' ? { type, username: '', password: '' }
            : { type, tokenUrl: '', clientId: '', clientSecret: '' });
        }}>
          <option value="none">None</option><option value="bearer">Bearer token</option><option value="api_key">API key</option>
          <option value="basic">Basic</option><option value="oauth2_client_credentials">OAuth 2.0 client credentials</option>
        </select>
      </div>
      {auth.type === 'bearer' && <CredentialRef label="Token" value={auth.token} onChange={(token) => onChange({ ...auth, token })} />}
      {auth.type === 'api_key' && (
        <>
          <div className="row">
            <select aria-label="Send the key in" value={auth.in} onChange={(e) => onChange({ ...auth, in: e.target.value as 'header' | 'query' })}><option value="header">Header</option><option value="query">Query</option></select>
            <input aria-label="Key name" value={auth.name} onChange={(e) => onChange({ ...auth, name: e.target.value })} />
          </div>
          <CredentialRef label="Key" value={auth.value} onChange={(value) => onChange({ ...auth, value })} />
        </>
      )}
      {auth.type === 'basic' && (
        <>
          <CredentialRef label="Username" value={auth.username} onChange={(username) => onChange({ ...auth, username })} />
          <CredentialRef label="Password" value={auth.password} onChange={(password) => onChange({ ...auth, password })} />
        </>
      )}
      {auth.type === 'oauth2_client_credentials' && (
        <>
          <div className="field"><label htmlFor="oauth-url">Token URL</label><input id="oauth-url" value={auth.tokenUrl} onChange={(e) => onChange({ ...auth, tokenUrl: e.target.value })} /></div>
          <CredentialRef label="Client id" value={auth.clientId} onChange={(clientId) => onChange({ ...auth, clientId })} />
          <CredentialRef label="Client secret" value={auth.clientSecret} onChange={(clientSecret) => onChange({ ...auth, clientSecret })} />
          <div className="field"><label htmlFor="oauth-scope">Scope</label><input id="oauth-scope" value={auth.scope ?? ''} onChange={(e) => onChange({ ...auth, scope: e.target.value || undefined })} /></div>
        </>
      )}
      <p className="muted">Secrets stay in the encrypted vault; the connector keeps only the reference.</p>
    </div>
  );
}
