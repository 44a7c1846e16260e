/**
 * A template update that would send a credential to a new host (or in a new header/query
 * parameter): one checkbox per credential and destination, each naming both, all of which
 * must be ticked before the update can be applied. Never a one-click change.
 */
import type { TemplateUpdate } from '../../contract/hostApi.js';

type Redirect = TemplateUpdate['credentialRedirects'][number];

export function CredentialRedirectsConfirm({ redirects, confirmed, onChange }: { redirects: Redirect[]; confirmed: string[]; onChange: (keys: string[]) => void }) {
  if (redirects.length === 0) return null;
  return (
    <fieldset className="credential-redirects" data-testid="update-credential-redirects">
      <legend>⚠ This update sends credentials somewhere new</legend>
      <p className="small-text">Only confirm if you trust the new destination: whoever runs it receives the credential.</p>
      {redirects.map((r) => (
        <label key={r.key} className="row small-text" data-testid="update-credential-redirect" data-key={r.key}>
          <input type="checkbox" checked={confirmed.includes(r.key)} onChange={(e) => onChange(e.target.checked ? [...confirmed, r.key] : confirmed.filter((k) => k !== r.key))} />
          <span>
            Send <strong>{r.credential}</strong> to <strong>{r.destination}</strong> ({r.carriers.join(', ')})
            {r.previously.length > 0 ? <> — until now only {r.previously.join(', ')}</> : <> — until now it was not sent anywhere</>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
