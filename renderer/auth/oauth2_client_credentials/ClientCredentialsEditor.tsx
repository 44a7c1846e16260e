import type { AuthEditorProps } from '../authEditorProps.js';
import { CredentialRef } from '../CredentialRef.js';

export function ClientCredentialsEditor({ auth, onChange }: AuthEditorProps<'oauth2_client_credentials'>) {
  return (
    <>
      <div className="field"><label htmlFor="oauth-url">Token URL</label><input id="oauth-url" value={auth.tokenUrl} onChange={(e) => onChange({ ...auth, tokenUrl: e.target.value })} /></div>
      <CredentialRef label="Client id" value={auth.clientId} onChange={(clientId) => onChange({ ...auth, clientId })} />
      <CredentialRef label="Client secret" value={auth.clientSecret} onChange={(clientSecret) => onChange({ ...auth, clientSecret })} />
      <div className="field"><label htmlFor="oauth-scope">Scope</label><input id="oauth-scope" value={auth.scope ?? ''} onChange={(e) => onChange({ ...auth, scope: e.target.value || undefined })} /></div>
    </>
  );
}
