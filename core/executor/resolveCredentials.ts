/**
 * Resolves, before the first request, every credential the steps that will run refer to (each
 * step's templates as its kind lists them, its own auth or, for a kind that sends requests, the
 * connector's, and conditions), so a missing one stops the run with a message naming it instead
 * of failing halfway.
 */
import { ConnectorError } from '../errors/ConnectorError.js';
import type { SecretResolver } from '../ports/index.js';
import type { Connector, Step } from '../schema/connector.js';
import { listReferences } from '../template/listReferences.js';
import { listExpressionReferences } from '../expression/listExpressionReferences.js';
import { STEP_KINDS, type StepKindRegistry } from '../steps/registry.js';

function referencedCredentials(connector: Connector, steps: readonly Step[], registry: StepKindRegistry): string[] {
  const names = new Set<string>();
  const ids = new Set(steps.map((step) => step.id));
  const collect = (value: unknown) => {
    for (const ref of listReferences(value)) if (ref.kind === 'credential') names.add(ref.name);
  };
  const collectCondition = (condition: string | undefined) => {
    if (!condition) return;
    for (const ref of listExpressionReferences(condition)) if (ref.kind === 'credential') names.add(ref.name);
  };
  for (const step of steps) {
    const kind = registry.find(step);
    // A kind the run does not know fails its step with its own message; it needs nothing here.
    if (kind) {
      collect(kind.templateFields(step).map((field) => field.value));
      collect(kind.auth(step) ?? (kind.transport.sends === 'requests' ? connector.auth : null));
    }
    collectCondition(step.condition);
  }
  for (const edge of connector.edges) if (ids.has(edge.target)) collectCondition(edge.condition);
  return [...names];
}

export async function resolveCredentials(connector: Connector, steps: readonly Step[], secrets: SecretResolver, registry: StepKindRegistry = STEP_KINDS): Promise<Record<string, string>> {
  const resolved: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of referencedCredentials(connector, steps, registry)) {
    const value = await secrets.get(name);
    if (typeof value === 'string' && value !== '') resolved[name] = value;
    else missing.push(name);
  }
  if (missing.length > 0) {
    const list = missing.map((name) => `"${name}"`).join(', ');
    throw new ConnectorError('MISSING_CREDENTIAL', `The credential${missing.length > 1 ? 's' : ''} ${list} ${missing.length > 1 ? 'have' : 'has'} no value.`, {
      path: `credentials.${missing[0]}`,
      hint: `Set ${missing.length > 1 ? 'them' : 'it'} in the app's Credentials panel, or pass --credential ${missing[0]}=… on the command line.`,
    });
  }
  return resolved;
}
