/** The HTTP kind's Auth tab: inherit the connector's auth, or override it for this step. */
import { AUTH_KINDS, type Auth } from '#core';
import { AuthEditor } from '../../inspector/AuthEditor.js';
import type { StepEditorProps, StepOf } from '../stepKindView.js';

export function HttpAuthTab({ step, connector, edit }: StepEditorProps<StepOf<'http'>>) {
  return (
    <div className="field">
      <label className="row"><input type="checkbox" checked={step.auth !== undefined} onChange={(e) => edit(e.target.checked ? { auth: { type: 'none' } } : { auth: undefined }, 'auth')} /> Override the connector's auth for this step</label>
      {step.auth ? <AuthEditor auth={step.auth} onChange={(auth: Auth) => edit({ auth }, 'auth')} /> : <p className="muted">Uses the connector's auth ({AUTH_KINDS[connector.auth.type].label}).</p>}
    </div>
  );
}
