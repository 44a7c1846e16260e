import { isConnectorError } from '../errors/ConnectorError.js';
import { listExpressionReferences } from '../expression/index.js';
import { credentialVariables, inputVariables, type GraphIndex } from '../graph/index.js';
import type { Connector, Step } from '../schema/connector.js';
import { listReferences } from '../template/listReferences.js';
import type { Reference } from '../template/reference.js';
import { asClause, issueAt, type ValidationIssue } from './issue.js';
import { stepLabel as stepName } from './location.js';
import { authTemplateFields, stepTemplateFields, type TemplateField } from './templateFields.js';
import { STEP_KINDS, type StepKindRegistry } from '../steps/registry.js';

interface Site {
  /** The step whose request or condition this is. */
  stepId?: string;
  edgeId?: string;
  /** The step a missing producer should be connected before (an edge's source). */
  beforeId?: string;
  /** Steps whose outputs may be used here: the step's ancestors (and an edge's source); none in the connector's auth. */
  producers?: Producers;
}

interface Producers {
  has(id: string): boolean;
  /** In the order of the steps. */
  list(): readonly string[];
}

/**
 * Every template and condition reference must name an input, a credential, or an output of an
 * ancestor of the step it is used in — the rule of `availableVariables`, checked here by set
 * membership on the graph index so that a long chain costs what its references cost.
 * Conditions must parse.
 */
export function referenceIssues(c: Connector, index: GraphIndex, registry: StepKindRegistry = STEP_KINDS): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const steps = new Map<string, Step>();
  for (const step of c.steps) if (!steps.has(step.id)) steps.set(step.id, step);
  const outputs = new Map([...steps].map(([id, step]) => [id, new Set(step.outputs.map((o) => o.name))]));
  const inputs = new Set(inputVariables(c).map((v) => v.name));
  const credentials = new Set(credentialVariables(c, registry).map((v) => v.name));
  const context: Context = { c, steps, outputs, inputs, credentials, index };

  const options = (site: Site) => ({ ...(site.stepId ? { stepId: site.stepId } : {}), ...(site.edgeId ? { edgeId: site.edgeId } : {}) });
  const check = (field: TemplateField, refs: Reference[], site: Site) => {
    for (const ref of refs) {
      const problem = explain(ref, site, context);
      if (problem) issues.push(issueAt(c, field.path, problem.text, { hint: problem.hint, ...options(site) }));
    }
  };
  const templates = (field: TemplateField, site: Site) => {
    try {
      check(field, listReferences(field.value), site);
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      issues.push(issueAt(c, field.path, `is not a valid template: ${asClause(error.message)}`, { hint: error.hint, ...options(site) }));
    }
  };
  const condition = (field: TemplateField, site: Site) => {
    try {
      check(field, listExpressionReferences(field.value as string), site);
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      issues.push(issueAt(c, field.path, `does not parse: ${asClause(error.message)}`, { hint: error.hint, ...options(site) }));
    }
  };

  for (const field of authTemplateFields(c.auth, 'auth')) templates(field, {});

  c.steps.forEach((step, i) => {
    const site: Site = { stepId: step.id, producers: { has: (id) => index.isAncestor(id, step.id), list: () => index.ancestors(step.id) } };
    // A kind the registry does not know is refused by the schema already.
    if (registry.find(step)) for (const field of stepTemplateFields(step, i, registry)) templates(field, site);
    if (step.condition !== undefined) condition({ path: `steps[${i}].condition`, value: step.condition }, site);
  });
  c.edges.forEach((edge, j) => {
    if (edge.condition === undefined) return;
    const producers: Producers = {
      has: (id) => id === edge.source || index.isAncestor(id, edge.source),
      list: () => (steps.has(edge.source) ? [...index.ancestors(edge.source), edge.source] : index.ancestors(edge.source)),
    };
    condition({ path: `edges[${j}].condition`, value: edge.condition }, { edgeId: edge.id, stepId: edge.target, beforeId: edge.source, producers });
  });
  return issues;
}

interface Context {
  c: Connector;
  steps: ReadonlyMap<string, Step>;
  outputs: ReadonlyMap<string, ReadonlySet<string>>;
  inputs: ReadonlySet<string>;
  credentials: ReadonlySet<string>;
  index: GraphIndex;
}

function explain(ref: Reference, site: Site, x: Context): { text: string; hint: string } | null {
  switch (ref.kind) {
    case 'input':
      return x.inputs.has(ref.name) ? null : {
        text: `uses ${ref.raw}, which is not an input`,
        hint: x.steps.has(ref.name) ? `To use an output of ${stepName(x.steps.get(ref.name))}, write {{${ref.name}.output_name}}.` : `Add an input named "${ref.name}" (Inputs), or fix the name.`,
      };
    case 'credential':
      return x.credentials.has(ref.name) ? null : {
        text: `uses ${ref.raw}, which is not a declared credential`,
        hint: `Add "${ref.name}" to the connector's credentials so it can be set in the vault.`,
      };
    case 'env':
      // Environments belong to the workspace, not the document: a missing variable is reported when a run picks an environment without it.
      return null;
    case 'step': {
      if (!site.producers) return { text: `uses ${ref.raw}, but the connector's auth applies to every step and cannot use step outputs`, hint: 'Use credentials and inputs there, or give the step its own auth.' };
      const producer = x.steps.get(ref.name);
      const here = site.edgeId ? 'this edge' : 'this step';
      if (!producer) return { text: `refers to ${ref.name}, which is not a step; ${usable(site, x, here)}`, hint: 'Fix the step id in the reference.' };
      const output = ref.output ?? '';
      if (!x.outputs.get(ref.name)?.has(output)) {
        const names = producer.outputs.map((o) => o.name);
        return {
          text: `uses ${ref.raw}, but ${stepName(producer)} has no output "${output}"`,
          hint: names.length > 0 ? `Its outputs are: ${names.join(', ')}.` : `Add an output named "${output}" to ${stepName(producer)} (its Outputs tab).`,
        };
      }
      if (site.producers.has(ref.name)) return null;
      if (ref.name === site.stepId && !site.edgeId) return { text: `uses its own output ${ref.raw}`, hint: 'Use it in a later step, connected after this one.' };
      return {
        text: `uses ${ref.raw}, but ${stepName(producer)} does not run before ${here}; ${usable(site, x, here)}`,
        hint: `Connect ${ref.name} before ${site.beforeId ?? site.stepId ?? 'this step'} (directly or through other steps), or use a different variable.`,
      };
    }
  }
}

/** "steps this one may use: step_1, step_2" — what the author can refer to instead. */
function usable(site: Site, x: Context, here: string): string {
  const ids = site.producers?.list() ?? [];
  if (ids.length === 0) return `no step runs before ${here}`;
  const shown = ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more`;
  return `steps ${here === 'this edge' ? 'this edge' : 'this one'} may use: ${shown}`;
}

