/**
 * What importing a pasted cURL command will do, shown before anything happens: the connector it
 * creates and the secrets it found (a bearer token, Basic auth's user and password), each under
 * the credential name the connector will refer to. The values are only ever sent to the vault;
 * the connector holds `{{credentials.name}}`.
 */
import { IDENTIFIER, renameCredentialReferences, type Connector } from '#core';
import { connectorFromStep } from '../services/newConnector.js';
import { parseCurl } from './parseCurl.js';

export interface DetectedSecret {
  /** The credential name parseCurl referred to (`api_token`). */
  defaultName: string;
  /** The name the user chose (what the connector will refer to). */
  name: string;
  label: string;
  value: string;
}

export interface CurlImportPlan {
  doc: Connector;
  secrets: DetectedSecret[];
  /** A chosen credential name that is not usable (the import waits for a fix). */
  nameProblem: string | null;
}

/** `names`: the user's credential names by default name (`{ api_token: 'crm_token' }`). */
export function curlImportPlan(command: string, names: Record<string, string> = {}): CurlImportPlan {
  const parsed = parseCurl(command);
  const found: Omit<DetectedSecret, 'name'>[] = [];
  if (parsed.bearerToken !== undefined && parsed.bearerToken !== '') found.push({ defaultName: 'api_token', label: 'Bearer token', value: parsed.bearerToken });
  if (parsed.basicAuth) {
    found.push({ defaultName: 'api_username', label: 'Basic auth user', value: parsed.basicAuth.username });
    if (parsed.basicAuth.password !== '') found.push({ defaultName: 'api_password', label: 'Basic auth password', value: parsed.basicAuth.password });
  }
  const secrets = found.map((s) => ({ ...s, name: (names[s.defaultName] ?? s.defaultName).trim() }));
  const bad = secrets.find((s) => !IDENTIFIER.test(s.name));
  const duplicate = secrets.find((s, i) => secrets.findIndex((o) => o.name === s.name) !== i);
  const nameProblem = bad ? `"${bad.name}" is not a usable credential name: use letters, digits and _, starting with a letter or _.`
    : duplicate ? `Two secrets would be stored as "${duplicate.name}": give each its own name.` : null;
  const step = renameCredentialReferences(parsed.step, Object.fromEntries(secrets.map((s) => [s.defaultName, s.name])));
  return { doc: connectorFromStep(step, step.name || 'Imported request'), secrets, nameProblem };
}
