/** OAuth 2.0 authorization code (PKCE): the provider's URLs, the client, scopes, and the connection itself. */
import type { AuthEditorProps } from '../authEditorProps.js';
import { CredentialRef, credentialNameOf } from '../CredentialRef.js';
import { ConnectionPanel } from '../ConnectionPanel.js';

const toParams = (text: string) => [...new URLSearchParams(text)].map(([key, value]) => ({ key, value }));
const fromParams = (rows: Array<{ key: string; value: string }> | undefined) => new URLSearchParams((rows ?? []).map((r) => [r.key, r.value])).toString();

export function AuthorizationCodeEditor({ auth, onChange }: AuthEditorProps<'oauth2_authorization_code'>) {
  const connection = credentialNameOf(auth.tokens);
  return (
    <>
      <div className="field"><label htmlFor="oauth-authorize-url">Authorization URL</label><input id="oauth-authorize-url" value={auth.authorizationUrl} onChange={(e) => onChange({ ...auth, authorizationUrl: e.target.value })} /></div>
      <div className="field"><label htmlFor="oauth-token-url">Token URL</label><input id="oauth-token-url" value={auth.tokenUrl} onChange={(e) => onChange({ ...auth, tokenUrl: e.target.value })} /></div>
      <div className="field"><label htmlFor="oauth-client-id">Client id</label><input id="oauth-client-id" placeholder="the app's client id, or {{credentials.name}}" value={auth.clientId} onChange={(e) => onChange({ ...auth, clientId: e.target.value })} /></div>
      <label className="row"><input type="checkbox" checked={auth.clientSecret === undefined} onChange={(e) => onChange({ ...auth, clientSecret: e.target.checked ? undefined : '' })} /> Public client (no client secret)</label>
      {auth.clientSecret !== undefined && <CredentialRef label="Client secret" value={auth.clientSecret} onChange={(clientSecret) => onChange({ ...auth, clientSecret })} />}
      <div className="field"><label htmlFor="oauth-scopes">Scopes</label><input id="oauth-scopes" placeholder="space-separated" value={auth.scope ?? ''} onChange={(e) => onChange({ ...auth, scope: e.target.value || undefined })} /></div>
      <div className="field"><label htmlFor="oauth-extra">Extra authorization parameters</label><input id="oauth-extra" placeholder="access_type=offline&prompt=consent" value={fromParams(auth.extraParams)} onChange={(e) => onChange({ ...auth, extraParams: e.target.value ? toParams(e.target.value) : undefined })} /></div>
      <div className="field">
        <label htmlFor="oauth-connection">Keep the connection in credential</label>
        <input id="oauth-connection" data-testid="oauth-connection-name" value={connection} onChange={(e) => onChange({ ...auth, tokens: `{{credentials.${e.target.value.replace(/[^A-Za-z0-9_]/g, '_')}}}` })} />
      </div>
      <ConnectionPanel auth={auth} credential={connection} />
      <p className="muted">Redirect URI: http://127.0.0.1 on a random port, path /callback (register it with the provider as a loopback redirect).</p>
    </>
  );
}
