/**
 * Stores the credential a problem, a template install or a live run asks for, without leaving
 * the screen. When the prompt names an auth field that has no credential yet, the stored
 * credential is written into it as `{{credentials.name}}` (one undoable edit).
 */
import type { Connector } from '#core';
import { Dialog } from '../app/Dialog.js';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { CredentialForm } from './CredentialsScreen.js';

const AUTH_FIELD = /^(?:steps\[(\d+)\]\.)?auth\.([A-Za-z]+)$/;

/** The document with `{{credentials.name}}` in the auth field at `path` (`auth.token`, `steps[1].auth.value`). */
export function withCredentialIn(doc: Connector, path: string, name: string): Connector {
  const match = AUTH_FIELD.exec(path);
  if (!match) return doc;
  const [, stepIndex, key] = match;
  const ref = `{{credentials.${name}}}`;
  if (stepIndex === undefined) return { ...doc, auth: { ...doc.auth, [key!]: ref } as Connector['auth'] };
  return { ...doc, steps: doc.steps.map((step, i) => (i === Number(stepIndex) && step.auth ? { ...step, auth: { ...step.auth, [key!]: ref } as Connector['auth'] } : step)) };
}

export function CredentialPromptDialog() {
  const store = useAppStoreApi();
  const prompt = useAppStore((s) => s.credentialPrompt);
  if (!prompt) return null;
  const close = () => store.getState().promptCredential(null);
  const saved = (name: string) => {
    const { doc, edit } = store.getState();
    if (prompt.authField && doc) edit((d) => withCredentialIn(d, prompt.authField!, name));
    close();
    prompt.then?.();
  };
  return (
    <Dialog title={prompt.authField ? 'Store a credential for this auth' : `Set the credential ${prompt.name}`} testId="credential-prompt" onClose={close}>
      <p>
        {prompt.reason ? `${prompt.reason} ` : ''}
        The value is stored encrypted on this computer; the connector keeps only <code>{`{{credentials.${prompt.name}}}`}</code>.
      </p>
      <CredentialForm key={prompt.name} initialName={prompt.name} onSaved={saved} />
      <div className="row"><span className="grow" /><button type="button" onClick={close}>Cancel</button></div>
    </Dialog>
  );
}
