import { ConnectorError } from '../errors/ConnectorError.js';
import { ownValue, walkPath, type Reference } from './reference.js';
import type { Scope } from './scope.js';

/**
 * Looks a reference up in the scope, through own properties only.
 *
 * - An input that is not in `scope.inputs`, a step that has no outputs in `scope.steps`, or an
 *   output the step does not have throws INVALID_TEMPLATE naming the reference.
 * - A credential with no value throws MISSING_CREDENTIAL.
 * - A path beyond the output (`{{step_1.contact.name}}`) that does not exist gives `null`, like a
 *   JSONPath that matches nothing.
 */
export function resolveReference(ref: Reference, scope: Scope): unknown {
  switch (ref.kind) {
    case 'input': {
      if (!Object.hasOwn(scope.inputs, ref.name)) {
        throw new ConnectorError('INVALID_TEMPLATE', `Unknown input ${ref.raw}.`, {
          hint: `Declare an input named "${ref.name}" or fix the reference.`,
        });
      }
      return scope.inputs[ref.name] ?? null;
    }
    case 'credential': {
      const value = ownValue(scope.credentials, ref.name);
      if (typeof value !== 'string') {
        throw new ConnectorError('MISSING_CREDENTIAL', `The credential "${ref.name}" has no value (${ref.raw}).`, {
          hint: `Set the credential "${ref.name}" in the workspace vault (CLI: --credential ${ref.name}=…).`,
        });
      }
      return value;
    }
    case 'env': {
      const value = ownValue(scope.env ?? {}, ref.name);
      if (typeof value !== 'string') {
        throw new ConnectorError('INVALID_TEMPLATE', `The environment variable "${ref.name}" has no value${scope.env ? ' in the selected environment' : ': no environment is selected'} (${ref.raw}).`, {
          hint: `Pick an environment in the run bar (CLI: --env <name>) that defines "${ref.name}", or add it to that environment.`,
        });
      }
      return value;
    }
    case 'step': {
      const outputs = ownValue(scope.steps, ref.name);
      if (outputs === undefined || outputs === null || typeof outputs !== 'object') {
        throw new ConnectorError('INVALID_TEMPLATE', `${ref.raw} refers to step "${ref.name}", which has no outputs yet.`, {
          hint: 'Only outputs of steps that run before this one (its ancestors) can be used.',
        });
      }
      const output = ref.output ?? '';
      if (!Object.hasOwn(outputs, output)) {
        throw new ConnectorError('INVALID_TEMPLATE', `Step "${ref.name}" has no output "${output}" (${ref.raw}).`, {
          hint: `Add an output named "${output}" to step "${ref.name}" or fix the reference.`,
        });
      }
      const value = walkPath((outputs as Record<string, unknown>)[output], ref.path);
      return value === undefined ? null : value;
    }
  }
}
