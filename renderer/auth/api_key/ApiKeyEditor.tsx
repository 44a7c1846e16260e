import type { AuthEditorProps } from '../authEditorProps.js';
import { CredentialRef } from '../CredentialRef.js';

export function ApiKeyEditor({ auth, onChange }: AuthEditorProps<'api_key'>) {
  return (
    <>
      <div className="row">
        <select aria-label="Send the key in" value={auth.in} onChange={(e) => onChange({ ...auth, in: e.target.value as 'header' | 'query' })}><option value="header">Header</option><option value="query">Query</option></select>
        <input aria-label="Key name" value={auth.name} onChange={(e) => onChange({ ...auth, name: e.target.value })} />
      </div>
      <CredentialRef label="Key" value={auth.value} onChange={(value) => onChange({ ...auth, value })} />
    </>
  );
}
