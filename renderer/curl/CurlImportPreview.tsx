/**
 * The cURL tab's preview: the connector the import will create (its step, request, auth) and the
 * secrets found in the command, each with the credential name to store it under and a choice to
 * store it now. Secret values are never shown, only their length.
 */
import type { CurlImportPlan } from './curlImportPlan.js';

export interface CurlImportPreviewProps {
  plan: CurlImportPlan;
  names: Record<string, string>;
  onNames: (names: Record<string, string>) => void;
  storeSecrets: boolean;
  onStoreSecrets: (store: boolean) => void;
}

export function CurlImportPreview({ plan, names, onNames, storeSecrets, onStoreSecrets }: CurlImportPreviewProps) {
  const step = plan.doc.steps[0]!;
  const auth = step.auth ?? plan.doc.auth;
  const query = step.query.filter((q) => q.enabled);
  const headers = step.headers.filter((h) => h.enabled);
  return (
    <section className="curl-preview" data-testid="curl-preview" aria-label="What the import creates">
      <h3>It creates “{plan.doc.name}”: one step</h3>
      <dl>
        <dt>Request</dt><dd><code data-testid="curl-preview-request">{step.method} {step.url}</code></dd>
        {query.length > 0 && <><dt>Query</dt><dd>{query.map((q) => `${q.key}=${q.value}`).join(', ')}</dd></>}
        {headers.length > 0 && <><dt>Headers</dt><dd>{headers.map((h) => h.key).join(', ')}</dd></>}
        {step.body.type !== 'none' && <><dt>Body</dt><dd>{step.body.type}</dd></>}
        <dt>Auth</dt><dd data-testid="curl-preview-auth">{auth.type === 'none' ? 'none' : `${auth.type} → ${Object.entries(auth).filter(([k]) => k !== 'type').map(([, v]) => String(v)).join(', ')}`}</dd>
      </dl>
      {plan.secrets.length > 0 && (
        <fieldset className="curl-secrets">
          <legend>Secrets in the command (left out of the connector)</legend>
          {plan.secrets.map((s) => (
            <div className="row" key={s.defaultName}>
              <label htmlFor={`curl-secret-${s.defaultName}`}>{s.label} ({s.value.length} characters) as credential</label>
              <input id={`curl-secret-${s.defaultName}`} className="mono" data-testid="curl-secret-name" data-secret={s.defaultName} value={names[s.defaultName] ?? s.defaultName}
                onChange={(e) => onNames({ ...names, [s.defaultName]: e.target.value })} autoComplete="off" />
            </div>
          ))}
          <label className="row">
            <input type="checkbox" data-testid="curl-store-secrets" checked={storeSecrets} onChange={(e) => onStoreSecrets(e.target.checked)} />
            Store {plan.secrets.length === 1 ? 'it' : 'them'} as credentials now (encrypted on this computer)
          </label>
          {plan.nameProblem && <p className="error-text" role="alert">{plan.nameProblem}</p>}
        </fieldset>
      )}
    </section>
  );
}
