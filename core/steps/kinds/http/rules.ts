/** The HTTP kind's own validation rules: what the schema cannot say about a request. */
import { listReferences } from '../../../template/listReferences.js';
import { SECRET_HEADER_NAME } from '../../../schema/stepFields.js';
import type { StepKindIssue } from '../../stepKind.js';
import type { HttpStep } from './schema.js';

/** Hints for the fields the schema refuses (the validator shows them with the message). */
export const HTTP_FIELD_HINTS = {
  url: 'Give the step the URL it calls, e.g. https://api.example.com/contacts.',
  method: 'Use GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS.',
} as const;

function usesCredential(text: string): boolean {
  try {
    return listReferences(text).some((ref) => ref.kind === 'credential');
  } catch {
    return false; // malformed templates are reported by the reference rules
  }
}

export function httpRules(step: HttpStep): StepKindIssue[] {
  const issues: StepKindIssue[] = [];
  step.headers.forEach((row, j) => {
    if (row.enabled && SECRET_HEADER_NAME.test(row.key.trim()) && row.value.trim() !== '' && !usesCredential(row.value)) {
      issues.push({
        path: `headers[${j}].value`,
        message: 'holds a literal value where a secret belongs',
        hint: 'Store the secret as a credential and write {{credentials.name}} here, or use the step\'s Auth tab.',
        severity: 'warning',
      });
    }
  });
  return issues;
}
