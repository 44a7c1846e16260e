/** A credential reference picked from (or added to) the vault: the auth editors' secret fields. */
import { useState } from 'react';
import { useAppStore } from '../store/AppStoreProvider.js';
import { CredentialForm } from '../credentials/CredentialsScreen.js';

const REF = /^\{\{\s*(?:credentials|workspace)\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

/** The credential name a `{{credentials.name}}` reference names, or '' when it is not one. */
export function credentialNameOf(value: string | undefined): string {
  return REF.exec(value ?? '')?.[1] ?? '';
}

export function CredentialRef({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const credentials = useAppStore((s) => s.credentials);
  const [creating, setCreating] = useState(false);
  const current = credentialNameOf(value);
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
