/** Auth settings: the kind (from the core's registry) and that kind's own editor (renderer/auth/registry.ts). */
import { useEffect, type ComponentType } from 'react';
import { AUTH_KINDS, AUTH_TYPES, type Auth, type AuthType } from '#core';
import { useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { refreshCredentials } from '../services/refreshLists.js';
import { AUTH_EDITORS } from '../auth/registry.js';
import type { AuthEditorProps } from '../auth/authEditorProps.js';

export function AuthEditor({ auth, onChange }: { auth: Auth; onChange: (auth: Auth) => void }) {
  const store = useAppStoreApi();
  const host = useHost();
  useEffect(() => { void refreshCredentials(store, host); }, [store, host]);
  // The registry pairs each kind with its editor; the block handed over is of that kind.
  const KindEditor = AUTH_EDITORS[auth.type] as ComponentType<AuthEditorProps<AuthType>>;
  return (
    <div className="auth-editor">
      <div className="field">
        <label htmlFor="auth-type">Authentication</label>
        <select id="auth-type" data-testid="auth-type-select" value={auth.type} onChange={(e) => onChange(AUTH_KINDS[e.target.value as AuthType].empty() as Auth)}>
          {AUTH_TYPES.map((type) => <option key={type} value={type}>{AUTH_KINDS[type].label}</option>)}
        </select>
      </div>
      <KindEditor auth={auth} onChange={onChange} />
      <p className="muted">Secrets stay in the encrypted vault; the connector keeps only the reference.</p>
    </div>
  );
}
