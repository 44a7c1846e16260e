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

/**
 * The credentials one step refers to, kept per step object: a batch runs the same steps on every
 * row. The entry is reused only while the step's template fields (and the auth it uses) are still
 * the same values, so a step edited in place is read again.
 */
const perStep = new WeakMap<Step, { fields: readonly unknown[]; names: readonly string[] }>();

function credentialsOfStep(step: Step, fields: readonly unknown[]): readonly string[] {
  const cached = perStep.get(step);
  if (cached && cached.fields.length === fields.length && cached.fields.every((field, i) => field === fields[i])) return cached.names;
  const names = new Set<string>();
  // The last field is the condition: an expression, read as one below.
  for (const ref of listReferences(fields.slice(0, -1))) if (ref.kind === 'credential') names.add(ref.name);
  addConditionCredentials(names, step.condition);
  const list = [...names];
  perStep.set(step, { fields, names: list });
  return list;
}

function addConditionCredentials(names: Set<string>, condition: string | undefined): void {
  if (!condition) return;
  for (const ref of listExpressionReferences(condition)) if (ref.kind === 'credential') names.add(ref.name);
}

function referencedCredentials(connector: Connector, steps: readonly Step[], registry: StepKindRegistry): string[] {
  const names = new Set<string>();
  const ids = new Set<string>();
  // Indexed: this runs for every run of a batch (see scopeFor in runConnector.ts).
  for (let i = 0; i < steps.length; i++) ids.add((steps[i] as Step).id);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as Step;
    const kind = registry.find(step);
    // A kind the run does not know fails its step with its own message; it needs nothing here.
    if (kind) {
      const auth = kind.auth(step) ?? (kind.transport.sends === 'requests' ? connector.auth : null);
      const fields = [...kind.templateFields(step).map((field) => field.value), auth, step.condition];
      const stepNames = credentialsOfStep(step, fields);
      for (let k = 0; k < stepNames.length; k++) names.add(stepNames[k] as string);
    } else addConditionCredentials(names, step.condition);
  }
  for (let i = 0; i < connector.edges.length; i++) {
    const edge = connector.edges[i] as Connector['edges'][number];
    if (ids.has(edge.target)) addConditionCredentials(names, edge.condition);
  }
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
