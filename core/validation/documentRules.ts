import { listReferences } from '../template/listReferences.js';
import { checkJsonPath } from '../jsonpath/checkJsonPath.js';
import { variablesForMappings } from '../graph/index.js';
import { SYSTEM_CONTACT_FIELDS, type Connector, type Auth } from '../schema/connector.js';
import { asClause, issueAt, type ValidationIssue } from './issue.js';
import { stepLabel } from './location.js';
import { secretAuthFields } from './templateFields.js';
import { STEP_KINDS, type StepKindRegistry } from '../steps/registry.js';

/** Inputs, outputs, field mappings, each step kind's own rules, and secrets that must be credential references. */
export function documentIssues(c: Connector, registry: StepKindRegistry = STEP_KINDS): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  duplicates(c.inputs.map((i) => i.name), (_name, j) => issues.push(issueAt(c, `inputs[${j}].name`, 'the name is used by another input too', { hint: 'Give every input its own name.' })));

  c.steps.forEach((step, i) => {
    duplicates(step.outputs.map((o) => o.name), (_name, j) =>
      issues.push(issueAt(c, `steps[${i}].outputs[${j}].name`, 'is used by another output of this step too', { hint: 'Give every output of a step its own name.', stepId: step.id })));
    step.outputs.forEach((output, j) => {
      const problem = checkJsonPath(output.path);
      if (problem) issues.push(issueAt(c, `steps[${i}].outputs[${j}].path`, `is not valid: ${asClause(problem)}`, { hint: 'Use a JSONPath such as $.results[0].id.', stepId: step.id }));
    });
    const kind = registry.find(step);
    if (!kind) return; // refused by the schema already
    const auth = kind.auth(step);
    if (auth) issues.push(...secretIssues(c, auth, `steps[${i}].auth`, step.id));
    for (const issue of kind.rules(step)) {
      issues.push(issueAt(c, `steps[${i}].${issue.path}`, issue.message, { ...(issue.hint ? { hint: issue.hint } : {}), ...(issue.severity ? { severity: issue.severity } : {}), stepId: step.id }));
    }
  });
  issues.push(...secretIssues(c, c.auth, 'auth'));

  const outputs = new Set(variablesForMappings(c).map((v) => v.ref));
  const steps = new Map(c.steps.map((s) => [s.id, s]));
  const targets = new Set<string>();
  c.fieldMappings.forEach((mapping, k) => {
    if (!outputs.has(mapping.source)) {
      const stepId = mapping.source.split('.')[0] ?? '';
      const producer = steps.get(stepId);
      issues.push(issueAt(c, `fieldMappings[${k}].source`, producer ? `the source ${stepLabel(producer)} has no output "${mapping.source.slice(stepId.length + 1)}"` : `the source "${stepId}" is not a step`, {
        hint: 'Map from an existing step output, written step_id.output.',
      }));
    }
    if (!mapping.custom && !(SYSTEM_CONTACT_FIELDS as readonly string[]).includes(mapping.target)) {
      issues.push(issueAt(c, `fieldMappings[${k}].target`, `"${mapping.target}" is not a system contact field`, { hint: `Mark the mapping as a custom field, or choose one of: ${SYSTEM_CONTACT_FIELDS.join(', ')}.` }));
    }
    const key = `${mapping.custom ? 'custom:' : ''}${mapping.target}`;
    if (targets.has(key)) {
      issues.push(issueAt(c, `fieldMappings[${k}].target`, `the contact field "${mapping.target}" is also filled by an earlier mapping; this later one wins`, { hint: 'Keep one mapping per contact field.', severity: 'warning' }));
    } else targets.add(key);
  });

  c.tests.forEach((test, t) => {
    for (const stepId of Object.keys(test.expect.steps)) {
      if (!steps.has(stepId)) issues.push(issueAt(c, `tests[${t}].expect.steps.${stepId}`, `the test expects a status for "${stepId}", which is not a step`, { hint: 'Remove the expectation or fix the step id.', severity: 'warning' }));
    }
  });
  return issues;
}

function secretIssues(c: Connector, auth: Auth, at: string, stepId?: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const key of secretAuthFields(auth)) {
    const value = (auth as Record<string, unknown>)[key];
    if (typeof value !== 'string' || value.trim() === '' || usesCredential(value)) continue;
    issues.push(issueAt(c, `${at}.${key}`, 'looks like a secret written into the connector', {
      hint: 'Store it as a credential (the vault keeps it encrypted) and write {{credentials.name}} here.',
      stepId,
    }));
  }
  return issues;
}

function usesCredential(text: string): boolean {
  try {
    return listReferences(text).some((ref) => ref.kind === 'credential');
  } catch {
    return false; // malformed templates are reported by the reference rules
  }
}

function duplicates(names: string[], report: (name: string, index: number) => void): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name)) report(name, i);
    seen.add(name);
  });
}

