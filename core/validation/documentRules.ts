import { listReferences } from '../template/listReferences.js';
import { checkJsonPath } from '../jsonpath/checkJsonPath.js';
import { variablesForMappings } from '../graph/index.js';
import { SYSTEM_CONTACT_FIELDS, type Connector, type Auth } from '../schema/connector.js';
import type { ValidationIssue } from './issue.js';
import { SECRET_AUTH_FIELDS, SECRET_HEADER_NAME } from './templateFields.js';

/** Inputs, outputs, field mappings, and secrets that must be credential references. */
export function documentIssues(c: Connector): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  duplicates(c.inputs.map((i) => i.name), (name, j) => issues.push({ path: `inputs[${j}].name`, message: `the input name "${name}" is used twice`, hint: 'Give every input its own name.', severity: 'error' }));

  c.steps.forEach((step, i) => {
    duplicates(step.outputs.map((o) => o.name), (name, j) =>
      issues.push({ path: `steps[${i}].outputs[${j}].name`, message: `the output name "${name}" is used twice in this step`, hint: 'Give every output of a step its own name.', severity: 'error', stepId: step.id }));
    step.outputs.forEach((output, j) => {
      const problem = checkJsonPath(output.path);
      if (problem) issues.push({ path: `steps[${i}].outputs[${j}].path`, message: problem, hint: 'Use a JSONPath such as $.results[0].id.', severity: 'error', stepId: step.id });
    });
    if (step.auth) issues.push(...secretIssues(step.auth, `steps[${i}].auth`, step.id));
    step.headers.forEach((row, j) => {
      if (row.enabled && SECRET_HEADER_NAME.test(row.key.trim()) && row.value.trim() !== '' && !usesCredential(row.value)) {
        issues.push({
          path: `steps[${i}].headers[${j}].value`,
          message: `the "${row.key}" header holds a literal value`,
          hint: 'Store the secret as a credential and write {{credentials.name}} here, or use the step\'s auth.',
          severity: 'warning',
          stepId: step.id,
        });
      }
    });
  });
  issues.push(...secretIssues(c.auth, 'auth'));

  const outputs = new Set(variablesForMappings(c).map((v) => v.ref));
  const stepIds = new Set(c.steps.map((s) => s.id));
  const targets = new Map<string, number>();
  c.fieldMappings.forEach((mapping, k) => {
    if (!outputs.has(mapping.source)) {
      const stepId = mapping.source.split('.')[0] ?? '';
      issues.push({
        path: `fieldMappings[${k}].source`,
        message: stepIds.has(stepId) ? `step "${stepId}" has no output "${mapping.source.slice(stepId.length + 1)}"` : `"${mapping.source}" names no step output`,
        hint: 'Map from an existing step output, written step_id.output.',
        severity: 'error',
      });
    }
    if (!mapping.custom && !(SYSTEM_CONTACT_FIELDS as readonly string[]).includes(mapping.target)) {
      issues.push({ path: `fieldMappings[${k}].target`, message: `"${mapping.target}" is not a system contact field`, hint: `Mark the mapping as a custom field, or choose one of: ${SYSTEM_CONTACT_FIELDS.join(', ')}.`, severity: 'error' });
    }
    const key = `${mapping.custom ? 'custom:' : ''}${mapping.target}`;
    const first = targets.get(key);
    if (first !== undefined) {
      issues.push({ path: `fieldMappings[${k}].target`, message: `"${mapping.target}" is also filled by fieldMappings[${first}]; the later mapping wins`, hint: 'Keep one mapping per contact field.', severity: 'warning' });
    } else targets.set(key, k);
  });

  c.tests.forEach((test, t) => {
    for (const stepId of Object.keys(test.expect.steps)) {
      if (!stepIds.has(stepId)) issues.push({ path: `tests[${t}].expect.steps.${stepId}`, message: `the test expects a status for "${stepId}", which is not a step`, hint: 'Remove the expectation or fix the step id.', severity: 'warning' });
    }
  });
  return issues;
}

function secretIssues(auth: Auth, at: string, stepId?: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const key of SECRET_AUTH_FIELDS[auth.type]) {
    const value = (auth as Record<string, unknown>)[key];
    if (typeof value !== 'string' || value.trim() === '' || usesCredential(value)) continue;
    issues.push({
      path: `${at}.${key}`,
      message: 'this looks like a secret written into the connector',
      hint: 'Store it as a credential (the vault keeps it encrypted) and write {{credentials.name}} here.',
      severity: 'error',
      ...(stepId ? { stepId } : {}),
    });
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
