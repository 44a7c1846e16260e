/**
 * Finds literal secrets in a connector document: auth values that do not reference a
 * credential, sensitive headers holding a literal, random-looking values in headers,
 * query strings and bodies (each step's request parts, as its kind lays them out), and known
 * token formats anywhere (mocks and test inputs too).
 */
import type { Auth, Connector } from '../schema/connector.js';
import { stepKindOf, type StepKindRegistry } from '../steps/registry.js';
import type { StepRequestPart } from '../steps/stepKind.js';
import { SECRET_HEADER_NAME, secretAuthFields } from '../validation/templateFields.js';
import type { PublishFinding } from './findings.js';
import { highEntropyTokens, matchKnownTokenFormat } from './secretPatterns.js';
import { createRedactor } from '../redaction/createRedactor.js';

const CREDENTIAL_REF = /\{\{\s*(?:credentials|workspace)\s*\.\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}/;
const ANY_TEMPLATE = /\{\{[^}]*\}\}/g;

function usesCredential(value: string): boolean {
  return CREDENTIAL_REF.test(value);
}

/** The literal text left once templates are taken out (`Bearer {{credentials.x}}` → `Bearer `). */
function literalPart(value: string): string {
  return value.replace(ANY_TEMPLATE, '').trim();
}

function shorten(secret: string): string {
  return secret.length <= 8 ? '…' : `${secret.slice(0, 4)}…`;
}

/** The path segments of a URL template, without scheme, host, query and fragment. */
function urlPathSegments(url: string): string[] {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/[?#].*$/, '');
  return path.split('/').filter((segment) => segment !== '');
}

/**
 * Strings that hold the value of a credential stored on this machine (in any encoding the
 * redactor knows). Findings name the credential, never its value.
 */
export function scanForStoredValues(connector: Connector, knownSecrets: Record<string, string>): PublishFinding[] {
  // Very short values (a user name, "admin") would match ordinary text; a pasted key is longer.
  const values = Object.fromEntries(Object.entries(knownSecrets).filter(([, value]) => value.length >= STORED_VALUE_MIN_LENGTH));
  if (Object.keys(values).length === 0) return [];
  const redactor = createRedactor(values);
  const findings: PublishFinding[] = [];
  for (const { path, value } of strings(connector, '')) {
    const redacted = redactor.redactText(value);
    if (redacted === value) continue;
    const names = [...new Set([...redacted.matchAll(/\{\{credentials\.([A-Za-z0-9_]+)\}\}/g)].map((match) => match[1] as string))].filter((name) => !value.includes(`{{credentials.${name}}}`));
    const which = names.length > 0 ? names.map((name) => `"${name}"`).join(', ') : 'one of your credentials';
    findings.push({ path, kind: 'stored_secret', message: `This is the value of your stored credential ${which}. Write {{credentials.${names[0] ?? 'name'}}} instead, and revoke the value if it was shared.` });
  }
  return findings;
}

const STORED_VALUE_MIN_LENGTH = 8;

/** `stepKinds`: the registry the document was read with (default: the app's kinds). */
export function scanConnectorForSecrets(connector: Connector, stepKinds?: StepKindRegistry): PublishFinding[] {
  const findings: PublishFinding[] = [];
  const reportedPaths = new Set<string>();
  const add = (finding: PublishFinding) => {
    const key = `${finding.path}\n${finding.kind}`;
    if (reportedPaths.has(key)) return;
    reportedPaths.add(key);
    findings.push(finding);
  };

  const requestValue = (path: string, value: string) => {
    for (const token of highEntropyTokens(value)) {
      add({ path, kind: 'high_entropy', message: `"${shorten(token)}" looks like a random key (${token.length} characters). Store it as a credential and write {{credentials.name}} instead.` });
    }
  };

  const auth = (value: Auth, at: string) => {
    for (const field of secretAuthFields(value)) {
      const text = (value as Record<string, unknown>)[field];
      if (typeof text !== 'string' || text.trim() === '') continue;
      if (!usesCredential(text) || literalPart(text).length >= 8) {
        add({ path: `${at}.${field}`, kind: 'literal_secret', message: `The ${value.type} ${field} holds a literal value. Templates never carry secrets: write {{credentials.name}} and declare the credential.` });
      }
    }
    for (const [field, text] of Object.entries(value)) if (typeof text === 'string' && field !== 'type') requestValue(`${at}.${field}`, text);
  };

  const content = (value: unknown, at: string) => {
    if (typeof value === 'string') requestValue(at, value);
    else if (Array.isArray(value)) value.forEach((item, i) => content(item, `${at}[${i}]`));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) content(item, `${at}.${key}`);
    }
  };

  // Each step as its kind lays it out: where it sends values, and what each place is.
  const part = ({ path, value, role, name }: StepRequestPart) => {
    if (role === 'content') { content(value, path); return; }
    if (typeof value !== 'string') return;
    if (role === 'address') {
      const queryAt = value.indexOf('?');
      if (queryAt !== -1) requestValue(path, value.slice(queryAt + 1));
      // The path too: some APIs take the key as a path segment (/bot<token>/, /services/T…/B…/<secret>).
      for (const segment of urlPathSegments(value)) requestValue(path, segment);
      return;
    }
    if (role === 'header' && SECRET_HEADER_NAME.test((name ?? '').trim()) && value.trim() !== '') {
      const literal = literalPart(value.replace(/^(Bearer|Basic|Token)\s+/i, ''));
      if (!usesCredential(value) || literal.length >= 8) {
        add({ path, kind: 'literal_secret', message: `The "${name}" header holds a literal value. Write {{credentials.name}} there instead.` });
      }
    }
    requestValue(path, value);
  };

  auth(connector.auth, 'auth');
  connector.steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    const kind = stepKindOf(step, stepKinds);
    for (const found of kind.requestParts(step)) part({ ...found, path: `${at}.${found.path}` });
    const own = kind.auth(step);
    if (own) auth(own, `${at}.auth`);
  });

  // Known formats anywhere: descriptions, mocks, test inputs, input defaults.
  for (const { path, value } of strings(connector, '')) {
    const format = matchKnownTokenFormat(value);
    if (format) add({ path, kind: 'known_token_format', message: `This looks like ${format.label}. Remove it, revoke it if it was real, and use {{credentials.name}} instead.` });
  }
  return findings;
}

/** Every string in a JSON value with its path (object keys included, as `path` of the key). */
export function* strings(value: unknown, at: string): Generator<{ path: string; value: string }> {
  if (typeof value === 'string') yield { path: at || '$', value };
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* strings(value[i], `${at}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const path = at ? `${at}.${key}` : key;
      yield { path, value: key };
      yield* strings(item, path);
    }
  }
}
