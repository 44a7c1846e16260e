import type { Connector } from '../schema/connector.js';
import { listReferences } from '../template/listReferences.js';
import type { ReferenceKind } from '../template/reference.js';
import { indexGraph, type GraphIndex } from './graphIndex.js';
import { STEP_KINDS, type StepKindRegistry } from '../steps/registry.js';

export type VariableSource = Pick<Connector, 'steps' | 'edges' | 'inputs' | 'credentials' | 'auth'>;

/** A variable a template or condition may use. */
export interface Variable {
  /** What goes between the braces: `phone`, `credentials.crm_token`, `step_1.contactId`. */
  ref: string;
  kind: ReferenceKind;
  /** Input name, credential name or step id. */
  name: string;
  /** Output name (step variables). */
  output?: string;
  /** Human label for pickers: the input's label, `Search Contact → contactId`. */
  label: string;
  /** The step that produces it (step variables). */
  sourceStepId?: string;
}

/**
 * The one answer to "which variables may this step use": every input, every credential (declared
 * slots plus any `{{credentials.x}}` used in the connector's or a step's auth), and the outputs of
 * the step's ancestors (never its own, never a sibling branch's). The validator, the executor and
 * the editor's autocomplete all use it.
 */
export function availableVariables(c: VariableSource, stepId: string, index: GraphIndex = indexGraph(c)): Variable[] {
  return [...inputVariables(c), ...credentialVariables(c), ...stepOutputVariables(c, index.ancestors(stepId))];
}

/** Variables a condition on edge `edgeId` may use: inputs, credentials, outputs of its source and the source's ancestors. */
export function variablesForEdge(c: VariableSource, edgeId: string, index: GraphIndex = indexGraph(c)): Variable[] {
  const edge = c.edges.find((e) => e.id === edgeId);
  if (!edge) return [...inputVariables(c), ...credentialVariables(c)];
  const producers = new Set([...index.ancestors(edge.source), edge.source]);
  const ordered = c.steps.map((s) => s.id).filter((id) => producers.has(id));
  return [...inputVariables(c), ...credentialVariables(c), ...stepOutputVariables(c, ordered)];
}

/** Every step output (what field mappings and the end node may read). */
export function variablesForMappings(c: VariableSource): Variable[] {
  return stepOutputVariables(c, c.steps.map((s) => s.id));
}

/** `{{env.x}}` for every variable any of the workspace's environments defines (plain or secret), for pickers and autocomplete. */
export function environmentVariables(environments: ReadonlyArray<{ name: string; variables: Record<string, string>; secrets: ReadonlyArray<{ name: string }> }>): Variable[] {
  const names = new Set(environments.flatMap((env) => [...Object.keys(env.variables), ...env.secrets.map((secret) => secret.name)]));
  return [...names].sort().map((name) => ({ ref: `env.${name}`, kind: 'env', name, label: `environment: ${name}` }));
}

export function inputVariables(c: Pick<Connector, 'inputs'>): Variable[] {
  return c.inputs.map((input) => ({ ref: input.name, kind: 'input', name: input.name, label: input.label || input.name }));
}

/** Declared credential slots, plus those the connector's auth and each step's own auth (as its kind finds it) use. */
export function credentialVariables(c: Pick<Connector, 'credentials' | 'auth' | 'steps'>, registry: StepKindRegistry = STEP_KINDS): Variable[] {
  const labels = new Map<string, string>();
  for (const slot of c.credentials) labels.set(slot.name, slot.label || slot.name);
  const auths = [c.auth, ...c.steps.map((s) => registry.find(s)?.auth(s))];
  for (const auth of auths) {
    let refs: ReturnType<typeof listReferences> = [];
    try {
      refs = listReferences(auth ?? null);
    } catch {
      continue; // malformed templates are reported by the validator
    }
    for (const ref of refs) if (ref.kind === 'credential' && !labels.has(ref.name)) labels.set(ref.name, ref.name);
  }
  return [...labels].map(([name, label]) => ({ ref: `credentials.${name}`, kind: 'credential', name, label }));
}

function stepOutputVariables(c: Pick<Connector, 'steps'>, stepIds: readonly string[]): Variable[] {
  const wanted = new Set(stepIds);
  const variables: Variable[] = [];
  for (const step of c.steps) {
    if (!wanted.has(step.id)) continue;
    for (const output of step.outputs) {
      variables.push({
        ref: `${step.id}.${output.name}`,
        kind: 'step',
        name: step.id,
        output: output.name,
        label: `${step.name || step.id} → ${output.name}`,
        sourceStepId: step.id,
      });
    }
  }
  return variables;
}
