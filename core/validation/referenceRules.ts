import { isConnectorError } from '../errors/ConnectorError.js';
import { listExpressionReferences } from '../expression/index.js';
import { availableVariables, inputVariables, credentialVariables, variablesForEdge, type Variable } from '../graph/index.js';
import type { Connector } from '../schema/connector.js';
import { listReferences } from '../template/listReferences.js';
import type { Reference } from '../template/reference.js';
import type { ValidationIssue } from './issue.js';
import { authTemplateFields, stepTemplateFields, type TemplateField } from './templateFields.js';

interface Site {
  /** The step whose request or condition this is (for messages). */
  stepId?: string;
  edgeId?: string;
  available: Variable[];
  /** Whether step outputs may appear at all (not in the connector's shared auth). */
  allowSteps: boolean;
}

/**
 * Every template and condition reference must name an input, a credential, or an output of an
 * ancestor of the step it is used in (`availableVariables`, the one rule). Conditions must parse.
 */
export function referenceIssues(c: Connector): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const stepIds = new Set(c.steps.map((s) => s.id));
  const check = (field: TemplateField, refs: Reference[], site: Site) => {
    for (const ref of refs) {
      const problem = explain(ref, site, c, stepIds);
      if (problem) issues.push({ path: field.path, severity: 'error', ...problem, ...(site.stepId ? { stepId: site.stepId } : {}), ...(site.edgeId ? { edgeId: site.edgeId } : {}) });
    }
  };
  const templates = (field: TemplateField, site: Site) => {
    try {
      check(field, listReferences(field.value), site);
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      issues.push({ path: field.path, message: error.message, hint: error.hint, severity: 'error', ...(site.stepId ? { stepId: site.stepId } : {}) });
    }
  };
  const condition = (field: TemplateField, site: Site) => {
    try {
      check(field, listExpressionReferences(field.value as string), site);
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      issues.push({ path: field.path, message: `the condition does not parse: ${error.message}`, hint: error.hint, severity: 'error', ...(site.stepId ? { stepId: site.stepId } : {}), ...(site.edgeId ? { edgeId: site.edgeId } : {}) });
    }
  };

  const shared: Site = { available: [...inputVariables(c), ...credentialVariables(c)], allowSteps: false };
  for (const field of authTemplateFields(c.auth, 'auth')) templates(field, shared);

  c.steps.forEach((step, i) => {
    const site: Site = { stepId: step.id, available: availableVariables(c, step.id), allowSteps: true };
    for (const field of stepTemplateFields(step, i)) templates(field, site);
    if (step.condition !== undefined) condition({ path: `steps[${i}].condition`, value: step.condition }, site);
  });
  c.edges.forEach((edge, j) => {
    if (edge.condition === undefined) return;
    condition({ path: `edges[${j}].condition`, value: edge.condition }, { edgeId: edge.id, stepId: edge.target, available: variablesForEdge(c, edge.id), allowSteps: true });
  });
  return issues;
}

function explain(ref: Reference, site: Site, c: Connector, stepIds: Set<string>): { message: string; hint: string } | null {
  const has = (kind: Variable['kind'], key: string) => site.available.some((v) => v.kind === kind && v.ref === key);
  switch (ref.kind) {
    case 'input':
      return has('input', ref.name) ? null : {
        message: `${ref.raw} is not an input`,
        hint: stepIds.has(ref.name) ? `To use an output of step "${ref.name}", write {{${ref.name}.output_name}}.` : `Add an input named "${ref.name}", or fix the name.`,
      };
    case 'credential':
      return has('credential', `credentials.${ref.name}`) ? null : {
        message: `${ref.raw} is not a declared credential`,
        hint: `Add "${ref.name}" to the connector's credentials so it can be set in the vault.`,
      };
    case 'env':
      // Environments belong to the workspace, not the document: a missing variable is reported when a run picks an environment without it.
      return null;
    case 'step': {
      const key = `${ref.name}.${ref.output ?? ''}`;
      if (site.allowSteps && has('step', key)) return null;
      const where = site.edgeId ? `edge "${site.edgeId}"` : site.stepId ? `step "${site.stepId}"` : 'the connector\'s auth';
      if (!site.allowSteps) return { message: `${ref.raw} cannot be used in the connector's auth (it applies to every step)`, hint: 'Use credentials and inputs there, or give the step its own auth.' };
      if (!stepIds.has(ref.name)) return { message: `${ref.raw} refers to "${ref.name}", which is not a step`, hint: 'Fix the step id in the reference.' };
      const producer = c.steps.find((s) => s.id === ref.name)!;
      if (!producer.outputs.some((o) => o.name === ref.output)) {
        const names = producer.outputs.map((o) => o.name);
        return { message: `step "${ref.name}" has no output "${ref.output ?? ''}"`, hint: names.length > 0 ? `Its outputs are: ${names.join(', ')}.` : `Add an output named "${ref.output ?? ''}" to step "${ref.name}".` };
      }
      if (ref.name === site.stepId && !site.edgeId) return { message: `step "${ref.name}" cannot use its own output ${ref.raw}`, hint: 'Use it in a later step, connected after this one.' };
      return {
        message: `${ref.raw} is not available in ${where}: step "${ref.name}" does not run before it`,
        hint: `Connect "${ref.name}" before ${site.stepId ? `"${site.stepId}"` : 'this step'} (directly or through other steps), or use a different variable.`,
      };
    }
  }
}
