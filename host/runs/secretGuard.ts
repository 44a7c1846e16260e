/**
 * The last check before anything derived from a run touches the disk: core has already
 * redacted it, but if a vault value still appears (in any encoding the redactor knows),
 * it is redacted here, and if it still survives the write is refused.
 */
import { createRedactor, type Redactor } from '#core';
import { HostError } from '../../contract/hostApi.js';

/** `redactor`: the run's own (it knows the secrets learnt during the run), or the vault's values. */
export function guardedJson(value: unknown, secrets: Redactor | Record<string, string>): string {
  const redactor = isRedactor(secrets) ? secrets : createRedactor(secrets);
  let text = JSON.stringify(value);
  if (redactor.containsSecret(text)) {
    text = JSON.stringify(redactor.redactValue(value));
    if (redactor.containsSecret(text)) {
      throw new HostError('SECRET_LEAK', 'A run record still contained a credential value after redaction, so it was not saved.', {
        hint: 'Please report this; the run itself is unaffected.',
      });
    }
  }
  return text;
}

function isRedactor(value: Redactor | Record<string, string>): value is Redactor {
  return typeof (value as Partial<Redactor>).redactText === 'function';
}
