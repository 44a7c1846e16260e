/**
 * Credentials that a live run would miss: a credential the connector refers to that has no
 * stored value, and an auth block whose secret field names no credential at all. These depend on
 * the vault, not on the file, so they are not part of validateConnector: the editor adds them
 * with `hasValue` from the host's credential list (names only — values never reach the renderer).
 * Offline runs (mock, replay) do not need them.
 */
import { referencedCredentialNames } from '../templates/credentialSlots.js';
import type { Auth, Connector } from '../schema/connector.js';
import { issueAt, type ValidationIssue } from './issue.js';
import { secretAuthFields } from './templateFields.js';
import { STEP_KINDS, type StepKindRegistry } from '../steps/registry.js';

/** A credential problem, naming the credential to set (`credential`) or the auth field to fill (`authField`). */
export interface CredentialIssue extends ValidationIssue {
  credential?: string;
  /** The auth block's secret field that names no credential: `auth.token`, `steps[1].auth.value`. */
  authField?: string;
}

export function credentialIssues(c: Connector, hasValue: (name: string) => boolean, registry: StepKindRegistry = STEP_KINDS): CredentialIssue[] {
  const issues: CredentialIssue[] = [];
  const reported = new Set<string>();
  const missing = (value: unknown, path: string, where: { stepId?: string; edgeId?: string } = {}) => {
    for (const name of referencedCredentialNames(value)) {
      if (hasValue(name) || reported.has(name)) continue;
      reported.add(name);
      issues.push({
        ...issueAt(c, path, `uses the credential "${name}", which has no stored value`, { hint: `Set ${name} (Credentials), or run in Mock or Replay mode, which need no secret.`, ...where }),
        credential: name,
      });
    }
  };
  const blank = (auth: Auth, at: string, stepId?: string) => {
    for (const key of secretAuthFields(auth)) {
      const value = (auth as Record<string, unknown>)[key];
      if (typeof value !== 'string' || value.trim() !== '') continue;
      issues.push({ ...issueAt(c, `${at}.${key}`, 'names no credential', { hint: 'Choose or store a credential for it, or set Authentication to None.', stepId }), authField: `${at}.${key}` });
    }
  };

  const authFields = (auth: Auth, at: string, stepId?: string) => {
    for (const [key, value] of Object.entries(auth)) if (key !== 'type') missing(value, `${at}.${key}`, stepId ? { stepId } : {});
  };

  // Connector auth counts only where a step inherits it (a kind without auth of its own inherits nothing: it sends no request).
  const own = c.steps.map((step) => registry.find(step));
  const inherits = c.steps.some((step, i) => own[i]?.transport.sends === 'requests' && !own[i]?.auth(step));
  if (inherits) {
    blank(c.auth, 'auth');
    authFields(c.auth, 'auth');
  }
  c.steps.forEach((step, i) => {
    const kind = own[i];
    if (!kind) return; // refused by the schema already
    const auth = kind.auth(step);
    // An auth field is named by its label ("Auth › Token"); the kind's other templates by their own paths.
    if (auth) {
      blank(auth, `steps[${i}].auth`, step.id);
      authFields(auth, `steps[${i}].auth`, step.id);
    }
    for (const field of kind.templateFields(step)) {
      if (!field.path.startsWith('auth.')) missing(field.value, `steps[${i}].${field.path}`, { stepId: step.id });
    }
    missing(step.condition, `steps[${i}].condition`, { stepId: step.id });
  });
  c.edges.forEach((edge, i) => missing(edge.condition, `edges[${i}].condition`, { edgeId: edge.id }));
  return issues;
}
